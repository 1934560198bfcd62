/**
 * Bahasa Indonesia catalogue: the reference catalogue and the default locale.
 * Plain text only (templates escape everything); placeholders are `{name}`.
 * Register: formal, as in official correspondence of an Indonesian agency.
 */
export const messagesId = {
  'app.name': 'Kinerja ASN',
  'app.tagline': 'Pengelolaan Kinerja Pegawai ASN',

  // ---- common mail parts
  'mail.greeting': 'Yth. Bapak/Ibu {name},',
  'mail.closing': 'Hormat kami,',
  'mail.signature': 'Pengelola Kinerja',
  'mail.footer.automated': 'Email ini dikirim secara otomatis oleh sistem Kinerja ASN. Mohon tidak membalas email ini.',
  'mail.footer.linkSafety':
    'Membuka tautan di email ini tidak langsung mengubah apa pun: keputusan baru dicatat setelah Anda menekan tombol konfirmasi pada halaman yang terbuka.',
  'mail.footer.personal': 'Tautan di email ini hanya berlaku untuk Anda. Mohon tidak meneruskan email ini kepada orang lain.',
  'mail.deadline': 'Batas waktu: {deadline}',
  'mail.linkValidUntil': 'Tautan berlaku sampai {deadline}.',

  // ---- employee and evaluation summary
  'employee.name': 'Nama',
  'employee.nip': 'NIP',
  'employee.jabatan': 'Jabatan',
  'employee.unit': 'Unit kerja',
  'rhk.heading': 'Rencana Hasil Kerja (RHK)',
  'rhk.jenis.utama': 'Utama',
  'rhk.jenis.tambahan': 'Tambahan',
  'rhk.label': 'RHK {index} ({jenis})',
  'rhk.rating': 'Rating: {rating}',
  'rhk.intervensi': 'Mendukung RHK atasan: {intervensi}',
  'rhk.none': 'Belum ada RHK.',
  'table.indicator': 'Indikator',
  'table.target': 'Target',
  'table.realisation': 'Realisasi',
  'table.achievement': 'Capaian',
  'table.notAvailable': '–',
  'summary.resultsRating': 'Rating Hasil Kerja',
  'summary.behaviourRating': 'Rating Perilaku Kerja',
  'summary.predikat': 'Usulan Predikat Kinerja',

  // ---- actions and decisions
  'action.approve': 'Setujui',
  'action.return': 'Kembalikan',
  'action.view': 'Lihat rincian',
  'decision.approve': 'disetujui',
  'decision.return': 'dikembalikan',

  // ---- approval digest (final evaluation, to the approver)
  'digest.subject': 'Persetujuan penilaian kinerja: {count} pegawai menunggu keputusan Anda',
  'digest.intro':
    'Penilaian kinerja pegawai berikut pada tahap {stage} telah diselesaikan oleh Pejabat Penilai Kinerja dan menunggu persetujuan Bapak/Ibu selaku Atasan Pejabat Penilai Kinerja.',
  'digest.request': 'Mohon memeriksa setiap penilaian, lalu menyetujui atau mengembalikannya disertai alasan paling lambat {deadline}.',
  'digest.count': 'Jumlah penilaian yang menunggu keputusan: {count}',
  'digest.actAll': 'Setujui semua (periksa daftarnya dulu)',
  'digest.actAllHint':
    'Tombol ini membuka halaman yang mendaftar semua usulan yang akan disetujui; persetujuan baru dicatat setelah Bapak/Ibu menekan Setujui semua di halaman itu.',

  // ---- SKP approval (planning, to the rater)
  'skp.subject': 'Persetujuan SKP: {count} pegawai menunggu persetujuan Anda',
  'skp.intro':
    'Sasaran Kinerja Pegawai (SKP) berikut pada tahap {stage} telah disusun oleh pegawai yang Bapak/Ibu nilai dan menunggu persetujuan Bapak/Ibu selaku Pejabat Penilai Kinerja.',
  'skp.request': 'Mohon memeriksa RHK, indikator, dan target setiap SKP, lalu menyetujui atau mengembalikannya disertai catatan paling lambat {deadline}.',
  'skp.actAll': 'Setujui semua SKP (periksa daftarnya dulu)',

  // ---- reminder
  'reminder.subject': 'Pengingat: {count} keputusan menunggu Anda sampai {deadline}',
  'reminder.intro': 'Dengan hormat kami mengingatkan bahwa {count} usulan pada tahap {stage} masih menunggu keputusan Bapak/Ibu.',
  'reminder.deadline':
    'Batas waktu keputusan adalah {deadline}. Setelah batas waktu tersebut, usulan yang belum diputuskan akan dieskalasi kepada atasan Bapak/Ibu dan pengelola kinerja.',
  'reminder.freshLinks': 'Tautan di email ini adalah tautan terbaru; tautan pada email sebelumnya tetap dapat digunakan selama masih berlaku.',

  // ---- escalation
  'escalation.subject': 'Eskalasi: {count} keputusan belum diberikan oleh {approver}',
  'escalation.intro':
    '{approver} belum memberikan keputusan atas {count} usulan pada tahap {stage}. Usulan tersebut menunggu sejak {since}, dan batas waktu {deadline} telah terlewati.',
  'escalation.request':
    'Mohon Bapak/Ibu menindaklanjuti sesuai kewenangan, misalnya dengan mengingatkan yang bersangkutan, menunjuk Pelaksana Tugas (Plt.) atau Pelaksana Harian (Plh.), atau mengambil alih keputusan.',
  'escalation.approver': 'Pejabat yang belum memutuskan',
  'escalation.deadline': 'Batas waktu',
  'escalation.pendingSince': 'Menunggu sejak',
  'escalation.items': 'Usulan yang belum diputuskan',
  'escalation.open': 'Buka',
  'escalation.dashboard': 'Buka pemantauan kinerja',

  // ---- result notice (to the employee)
  'result.subject': 'Hasil penilaian kinerja Anda periode {cycle}: {predikat}',
  'result.intro': 'Penilaian kinerja Bapak/Ibu untuk periode {cycle} telah ditetapkan pada {date}.',
  'result.predikat': 'Predikat Kinerja',
  'result.objection.heading': 'Keberatan',
  'result.objection':
    'Apabila Bapak/Ibu tidak sependapat dengan hasil penilaian ini, Bapak/Ibu dapat mengajukan keberatan secara tertulis disertai alasannya kepada {approver} dalam waktu {days} hari sejak hasil ini diterima, yaitu paling lambat {deadline}.',
  'result.objection.final':
    'Atasan Pejabat Penilai Kinerja akan meminta keterangan dari Pejabat Penilai Kinerja dan Bapak/Ibu sebelum memutuskan. Keputusan atas keberatan bersifat final.',
  'result.objection.approverFallback': 'Atasan Pejabat Penilai Kinerja',
  'result.objectionButton': 'Ajukan keberatan',
  'result.detailButton': 'Lihat hasil lengkap',

  // ---- delegation (Plt / Plh)
  'delegation.kind.plt': 'Pelaksana Tugas (Plt.)',
  'delegation.kind.plh': 'Pelaksana Harian (Plh.)',
  'delegation.subject.delegate': 'Penunjukan {kind} atas nama {delegator}',
  'delegation.subject.delegator': 'Konfirmasi penunjukan {kind}: {delegate}',
  'delegation.intro.delegate': 'Bapak/Ibu ditunjuk sebagai {kind} atas nama {delegator} untuk periode {from} sampai dengan {until}.',
  'delegation.intro.delegator': 'Penunjukan {delegate} sebagai {kind} atas nama Bapak/Ibu untuk periode {from} sampai dengan {until} telah dicatat.',
  'delegation.effect.delegate':
    'Selama periode tersebut, permintaan persetujuan kinerja yang semula ditujukan kepada {delegator} akan dikirimkan kepada Bapak/Ibu. Setiap keputusan dicatat atas nama Bapak/Ibu selaku {kind} dan atas nama {delegator}.',
  'delegation.effect.delegator':
    'Selama periode tersebut, permintaan persetujuan kinerja akan dikirimkan kepada {delegate}, dan tautan yang telah dikirimkan kepada Bapak/Ibu sebelumnya tidak lagi dapat digunakan untuk memutuskan.',
  'delegation.reason': 'Keterangan: {reason}',
  'delegation.period': 'Periode',
  'delegation.delegator': 'Pejabat definitif',
  'delegation.delegate': 'Pejabat pelaksana',

  // ---- pages: common
  'page.skipToContent': 'Langsung ke isi',
  'page.footer': 'Kinerja ASN — Pengelolaan Kinerja Pegawai ASN sesuai PermenPAN-RB Nomor 6 Tahun 2022',
  'page.closeHint': 'Anda dapat menutup halaman ini.',

  // ---- pages: confirmation
  'page.confirm.title.evaluation': 'Persetujuan penilaian kinerja',
  'page.confirm.title.skp': 'Persetujuan SKP',
  'page.confirm.title.batch': 'Persetujuan {count} usulan sekaligus',
  'page.confirm.notYet': 'Belum ada yang berubah. Keputusan baru dicatat setelah Bapak/Ibu menekan tombol Setujui atau Kembalikan di bawah ini.',
  'page.confirm.approveHeading': 'Setujui',
  'page.confirm.returnHeading': 'Kembalikan dengan alasan',
  'page.confirm.approveAllHeading': 'Setujui semua',
  'page.confirm.approveAll': 'Setujui semua ({count})',
  'page.confirm.batchReturnHint': 'Untuk mengembalikan salah satu usulan, gunakan tombol Kembalikan pada usulan tersebut di email.',
  'page.confirm.comment': 'Catatan (tidak wajib)',
  'page.confirm.reason': 'Alasan pengembalian (wajib diisi)',
  'page.confirm.reasonOptional': 'Alasan pengembalian',
  'page.confirm.reasonHint': 'Jelaskan apa yang perlu diperbaiki oleh Pejabat Penilai Kinerja.',
  'page.confirm.error.reasonRequired': 'Alasan pengembalian wajib diisi.',
  'page.confirm.error.reasonTooLong': 'Alasan atau catatan terlalu panjang (paling banyak {max} karakter).',
  'page.confirm.error.invalidDecision': 'Pilih Setujui atau Kembalikan.',

  // ---- pages: outcomes
  'page.done.title': 'Keputusan Anda telah dicatat',
  'page.done.body': 'Usulan berikut telah {decision} pada {date}.',
  'page.done.returned': 'Pejabat Penilai Kinerja akan menerima pemberitahuan beserta alasan pengembalian.',
  'page.done.comment': 'Catatan Anda',
  'page.already.title': 'Sudah diputuskan',
  'page.already.body': 'Sudah diputuskan oleh {name} pada {date}: {decision}.',
  'page.already.onBehalf': '{name} selaku pelaksana atas nama {principal}',
  'page.already.noEffect': 'Tidak ada perubahan yang dilakukan oleh tautan ini.',
  'page.escalated.title.escalated': 'Usulan telah dieskalasi',
  'page.escalated.title.delegated': 'Kewenangan telah dialihkan',
  'page.escalated.body.escalated':
    'Batas waktu keputusan telah terlewati, dan usulan ini telah dieskalasi kepada {to} sejak {since}. Tautan ini tidak lagi dapat digunakan untuk memutuskan.',
  'page.escalated.body.delegated':
    'Keputusan atas usulan ini telah dialihkan kepada {to} sejak {since}. Tautan ini tidak lagi dapat digunakan untuk memutuskan.',
  'page.escalated.toFallback': 'pejabat yang berwenang',
  'page.escalated.contact': 'Apabila ada pertanyaan, silakan menghubungi pengelola kinerja di instansi Anda.',
  'page.link.title.expired': 'Tautan sudah kedaluwarsa',
  'page.link.title.invalid': 'Tautan tidak valid',
  'page.link.body.expired': 'Masa berlaku tautan ini telah habis. Demi keamanan, tautan persetujuan hanya berlaku untuk waktu terbatas.',
  'page.link.body.tampered': 'Tautan ini tidak dapat diverifikasi; kemungkinan tautan terpotong atau berubah saat disalin. Tidak ada perubahan yang dilakukan.',
  'page.link.body.malformed': 'Tautan ini tidak lengkap; kemungkinan tautan terpotong saat disalin. Tidak ada perubahan yang dilakukan.',
  'page.link.body.unknownKey': 'Tautan ini dibuat dengan kunci keamanan yang sudah tidak berlaku. Tidak ada perubahan yang dilakukan.',
  'page.link.howToGetNew':
    'Untuk mendapatkan tautan baru, tunggu email pengingat berikutnya yang memuat tautan terbaru, atau hubungi pengelola kinerja (BKD/BKPSDM) di instansi Anda untuk mengirim ulang ringkasan persetujuan.',
  'page.link.copyHint': 'Jika menyalin tautan secara manual, pastikan seluruh alamat tersalin hingga akhir.',
  'page.error.title.server': 'Terjadi gangguan',
  'page.error.title.notFound': 'Halaman tidak ditemukan',
  'page.error.title.badRequest': 'Permintaan tidak dapat diproses',
  'page.error.body.server':
    'Maaf, permintaan Anda belum dapat diproses karena gangguan sistem. Keputusan Anda belum dicatat. Silakan coba lagi beberapa saat lagi.',
  'page.error.body.notFound': 'Usulan yang Anda cari tidak ditemukan atau sudah tidak tersedia.',
  'page.error.body.badRequest': 'Data yang dikirim tidak lengkap atau tidak valid. Silakan kembali dan coba lagi.',
  'page.error.reference': 'Kode referensi: {id}',

  // --- messages: objections, outcome notices, reminders by task, grouped escalations, pages per kind ---
  'decision.OBJECTION.approve': 'dikabulkan',
  'decision.OBJECTION.return': 'ditolak',
  'objection.subject': 'Keberatan atas hasil penilaian kinerja: {count} pegawai menunggu keputusan Anda',
  'objection.intro':
    'Pegawai berikut mengajukan keberatan atas hasil penilaian kinerjanya pada tahap {stage}. Selaku Atasan Pejabat Penilai Kinerja, Bapak/Ibu memutuskan setiap keberatan; keputusan bersifat final.',
  'objection.request':
    'Mohon membaca alasan keberatan dan hasil yang diajukan keberatan, lalu memilih Kabulkan keberatan atau Tolak keberatan, keduanya disertai alasan, paling lambat {deadline}.',
  'objection.count': 'Jumlah keberatan yang menunggu keputusan: {count}',
  'objection.heading': 'Keberatan {name}',
  'objection.reason': 'Alasan keberatan dari pegawai',
  'objection.result': 'Hasil yang diajukan keberatan',
  'objection.requested': 'Predikat yang diminta pegawai',
  'objection.requestedNone': 'Tidak disebutkan',
  'objection.filedAt': 'Diajukan pada',
  'objection.currentPredikat': 'Predikat Kinerja saat ini',
  'objection.grant': 'Kabulkan keberatan',
  'objection.reject': 'Tolak keberatan',
  'objection.choicesHint':
    'Kabulkan keberatan: Bapak/Ibu menetapkan ulang rating hasil kerja dan/atau rating perilaku kerja; predikat mengikuti matriks PermenPAN-RB 6/2022. Tolak keberatan: hasil tetap. Kedua pilihan memerlukan alasan, yang disampaikan kepada pegawai.',
  'page.objection.title': 'Keberatan atas hasil penilaian kinerja',
  'page.objection.notYet': 'Belum ada yang berubah. Keputusan baru dicatat setelah Bapak/Ibu menekan tombol konfirmasi di bawah ini.',
  'page.objection.grantHeading': 'Kabulkan keberatan: tetapkan ulang rating',
  'page.objection.rejectHeading': 'Tolak keberatan: hasil tetap',
  'page.objection.resultsRating': 'Rating hasil kerja baru',
  'page.objection.behaviourRating': 'Rating perilaku kerja baru',
  'page.objection.ratingHint': 'Dipilih lebih dahulu: rating yang menghasilkan predikat yang diminta pegawai. Ubah bila perlu.',
  'page.objection.grantReason': 'Alasan mengabulkan (wajib diisi)',
  'page.objection.rejectReason': 'Alasan menolak (wajib diisi)',
  'page.objection.reasonHint': 'Alasan ini disampaikan kepada pegawai bersama keputusan Bapak/Ibu.',
  'page.objection.preview': 'Tinjau hasilnya',
  'page.objection.previewTitle': 'Periksa hasil sebelum mengabulkan keberatan',
  'page.objection.previewBody': 'Bila Bapak/Ibu mengabulkan keberatan {name} dengan rating berikut, Predikat Kinerja menjadi {predikat} (sebelumnya {before}).',
  'page.objection.confirmGrant': 'Kabulkan keberatan: predikat {predikat}',
  'page.objection.back': 'Kembali dan ubah',
  'page.objection.error.rerate':
    'Mengabulkan keberatan berarti mengubah rating hasil kerja atau rating perilaku kerja. Bila hasil tetap, pilih Tolak keberatan.',
  'page.objection.error.reasonRequired': 'Alasan wajib diisi, baik untuk mengabulkan maupun menolak keberatan.',
  'page.done.objection': 'Pegawai menerima pemberitahuan keputusan ini beserta alasan Bapak/Ibu.',
  'page.done.newPredikat': 'Predikat Kinerja baru: {predikat}.',
  'page.done.skpReturned': 'Pegawai menerima pemberitahuan beserta catatan pengembalian, lalu memperbaiki dan mengajukan kembali SKP-nya.',
  'page.done.skpApproved': 'Pegawai menerima pemberitahuan bahwa SKP-nya telah disetujui.',
  'page.done.evaluationApproved': 'Hasil penilaian disampaikan kepada pegawai saat masa keberatan dibuka.',
  'page.confirm.reasonHint.skp': 'Jelaskan apa yang perlu diperbaiki pegawai pada SKP-nya; catatan ini dikirim kepada pegawai.',
  'page.confirm.notYet.skp': 'Belum ada yang berubah. Keputusan baru dicatat setelah Bapak/Ibu menekan tombol Setujui atau Kembalikan di bawah ini.',
  'page.language.switch': 'English',
  'page.language.switchLabel': 'Bahasa halaman',
  'task.ownSkp': 'Silakan lengkapi dan ajukan SKP Anda',
  'task.approveSkp': 'Setujui atau kembalikan SKP {name}',
  'task.midyearReview': 'Berikan tinjauan tengah tahun untuk {name}',
  'task.periodicReview': 'Berikan evaluasi kinerja periodik untuk {name}',
  'task.rate': 'Berikan penilaian akhir untuk {name}',
  'task.approveEvaluation': 'Setujui atau kembalikan penilaian kinerja {name}',
  'task.objection': 'Putuskan keberatan {name}',
  'task.open': 'Buka halaman tugas',
  'reminder.subject.one': 'Pengingat: {task} sebelum {deadline}',
  'reminder.subject.many': 'Pengingat: {count} tugas menunggu Bapak/Ibu sebelum {deadline}',
  'reminder.tasksIntro': 'Dengan hormat kami mengingatkan tugas Bapak/Ibu pada tahap {stage} yang belum selesai:',
  'reminder.deadline.all': 'Batas waktu adalah {deadline}. Setelah batas waktu tersebut, atasan Bapak/Ibu dan pengelola kinerja akan diberi tahu.',
  'reminder.signIn': 'Halaman tugas terbuka di aplikasi Kinerja ASN; masuk dengan akun Bapak/Ibu bila diminta.',
  'escalation.subject.grouped': 'Eskalasi tahap {stage}: {count} pegawai melewati batas waktu',
  'escalation.intro.grouped':
    'Pegawai berikut, yang berada di bawah Bapak/Ibu, belum menyelesaikan tugasnya pada tahap {stage}. Tugas tersebut menunggu sejak {since}, dan batas waktu {deadline} telah terlewati.',
  'escalation.person': '{name} — {count} tugas',
  'escalation.subject.hr': 'Ringkasan eskalasi tahap {stage}: {count} pegawai melewati batas waktu',
  'escalation.intro.hr':
    'Pada tahap {stage}, {count} pegawai belum menyelesaikan tugasnya setelah batas waktu {deadline}. Atasan masing-masing telah diberi tahu.',
  'escalation.hr.count': 'Tugas tertunda',
  'digest.summaryNote': 'Daftar ini diringkas agar email tetap terbaca. Rincian setiap usulan ada di halaman yang terbuka dari tombol di bawah.',
  'digest.fullList': 'Lihat daftar lengkap',
  'digest.more': 'dan {count} usulan lainnya',
  'notice.skpApproved.subject': 'SKP Anda periode {cycle} telah disetujui',
  'notice.skpApproved.intro': 'SKP Bapak/Ibu periode {cycle} telah disetujui oleh {by} pada {date}.',
  'notice.skpApproved.next': 'Selanjutnya, catat realisasi dan bukti dukung secara berkala.',
  'notice.skpReturned.subject': 'SKP Anda periode {cycle} dikembalikan untuk diperbaiki',
  'notice.skpReturned.intro': 'SKP Bapak/Ibu periode {cycle} dikembalikan oleh {by} pada {date} dengan catatan berikut.',
  'notice.skpReturned.next': 'Silakan perbaiki SKP sesuai catatan, lalu ajukan kembali.',
  'notice.evaluationReturned.subject': 'Penilaian kinerja {name} dikembalikan kepada Anda',
  'notice.evaluationReturned.intro': 'Penilaian kinerja {name} (NIP {nip}) dikembalikan oleh {by} pada {date} dengan alasan berikut.',
  'notice.evaluationReturned.next': 'Silakan tinjau dan nilai ulang, lalu ajukan kembali untuk persetujuan.',
  'notice.objectionGranted.subject': 'Keberatan Anda dikabulkan: Predikat Kinerja {predikat}',
  'notice.objectionGranted.intro': 'Keberatan Bapak/Ibu atas hasil penilaian kinerja periode {cycle} dikabulkan oleh {by} pada {date}.',
  'notice.objectionRejected.subject': 'Keberatan Anda ditolak: Predikat Kinerja tetap {predikat}',
  'notice.objectionRejected.intro': 'Keberatan Bapak/Ibu atas hasil penilaian kinerja periode {cycle} ditolak oleh {by} pada {date}.',
  'notice.objection.final': 'Keputusan atas keberatan bersifat final.',
  'notice.reason': 'Alasan',
  'notice.decidedBy': 'Diputuskan oleh',
  'notice.open.skp': 'Buka SKP',
  'notice.open.rate': 'Nilai ulang',
  'notice.open.result': 'Lihat hasil',
  'result.objection.online':
    'Apabila Bapak/Ibu tidak sependapat dengan hasil penilaian ini, Bapak/Ibu dapat mengajukan keberatan disertai alasannya kepada {approver} melalui tombol di bawah dalam waktu {days} hari, yaitu paling lambat {deadline}.',
} as const;
