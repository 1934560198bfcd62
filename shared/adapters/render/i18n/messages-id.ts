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
  'digest.actAll': 'Tinjau dan putuskan semua sekaligus',
  'digest.actAllHint': 'Semua penilaian di atas dapat disetujui sekaligus pada satu halaman konfirmasi.',

  // ---- SKP approval (planning, to the rater)
  'skp.subject': 'Persetujuan SKP: {count} pegawai menunggu persetujuan Anda',
  'skp.intro':
    'Sasaran Kinerja Pegawai (SKP) berikut pada tahap {stage} telah disusun oleh pegawai yang Bapak/Ibu nilai dan menunggu persetujuan Bapak/Ibu selaku Pejabat Penilai Kinerja.',
  'skp.request': 'Mohon memeriksa RHK, indikator, dan target setiap SKP, lalu menyetujui atau mengembalikannya disertai catatan paling lambat {deadline}.',
  'skp.actAll': 'Tinjau dan setujui semua SKP sekaligus',

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
} as const;
