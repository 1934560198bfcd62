/**
 * Words for the sample data: Javanese, Madurese and other Indonesian names common in Surabaya, short
 * behaviour-feedback comments per BerAKHLAK value, and citizen survey comments. All persons are fictional.
 */
import type { BerakhlakValue } from '../../shared/domain/berakhlak';
import type { Rating } from '../../shared/domain/ratings';

export const MALE_FIRST = [
  'Agus',
  'Bambang',
  'Budi',
  'Eko',
  'Hadi',
  'Joko',
  'Slamet',
  'Sugeng',
  'Wahyu',
  'Hari',
  'Teguh',
  'Dwi',
  'Adi',
  'Yudi',
  'Arif',
  'Fajar',
  'Rizky',
  'Dimas',
  'Andik',
  'Didik',
  'Heru',
  'Imam',
  'Moh.',
  'Achmad',
  'Bagus',
  'Bayu',
  'Gilang',
  'Hendra',
  'Irwan',
  'Kukuh',
  'Lukman',
  'Nanang',
  'Purnomo',
  'Rahmat',
  'Samsul',
  'Taufik',
  'Yusuf',
  'Zainal',
  'Abdul',
  'Mochamad',
  'Anang',
  'Catur',
  'Dedi',
  'Edi',
  'Febri',
  'Ilham',
  'Krisna',
  'Muhammad',
] as const;

export const FEMALE_FIRST = [
  'Sri',
  'Siti',
  'Endang',
  'Dewi',
  'Lestari',
  'Wulan',
  'Rina',
  'Yuni',
  'Ratna',
  'Nurul',
  'Fitri',
  'Anisa',
  'Dian',
  'Eka',
  'Retno',
  'Puji',
  'Tri',
  'Indah',
  'Ayu',
  'Novita',
  'Mega',
  'Yanti',
  'Ani',
  'Kartika',
  'Laila',
  'Maya',
  'Nining',
  'Oktavia',
  'Rahma',
  'Sulastri',
  'Titik',
  'Umi',
  'Vivi',
  'Winda',
  'Yulia',
  'Zahra',
  'Aisyah',
  'Erna',
  'Galuh',
  'Heni',
] as const;

export const MALE_LAST = [
  'Santoso',
  'Setiawan',
  'Wibowo',
  'Prasetyo',
  'Hidayat',
  'Susanto',
  'Kurniawan',
  'Saputra',
  'Nugroho',
  'Purnomo',
  'Wijaya',
  'Rahman',
  'Hartanto',
  'Sulistyo',
  'Gunawan',
  'Firmansyah',
  'Ardiansyah',
  'Hermawan',
  'Cahyono',
  'Pratama',
  'Maulana',
  'Arifin',
  'Fauzi',
  'Kuncoro',
  'Wicaksono',
  'Syahputra',
  'Hakim',
  'Effendi',
  'Suharto',
  'Utomo',
] as const;

export const FEMALE_LAST = [
  'Wahyuni',
  'Rahayu',
  'Lestari',
  'Handayani',
  'Susanti',
  'Purwanti',
  'Widyastuti',
  'Kusumawati',
  'Rahmawati',
  'Hidayati',
  'Maharani',
  'Puspitasari',
  'Aprilia',
  'Fitriani',
  'Nurhayati',
  'Safitri',
  'Anggraini',
  'Permatasari',
  'Oktaviani',
  'Agustina',
  'Sulistyowati',
  'Damayanti',
  'Wulandari',
  'Ningsih',
  'Astuti',
] as const;

/** Degrees written after the name; the first entries (none) are the most common. */
export const DEGREES_STAFF = ['', '', '', 'A.Md.', 'S.Sos.', 'S.E.', 'S.Kom.', 'S.AP.', 'S.H.', 'S.T.', 'S.Si.', 'S.IP.'] as const;
export const DEGREES_HEAD = ['S.Sos.', 'S.STP.', 'S.E., M.M.', 'S.H., M.H.', 'S.AP., M.AP.', 'S.T., M.T.', 'S.Sos., M.Si.'] as const;

// ---------------------------------------------------------------------------------------------
// Behaviour feedback (umpan balik perilaku), per value and rating.

export const FEEDBACK_COMMENTS: Record<BerakhlakValue, Record<Rating, readonly string[]>> = {
  BERORIENTASI_PELAYANAN: {
    DI_ATAS: ['Sigap dan solutif setiap kali ada permintaan layanan.', 'Proaktif mencari cara agar layanan lebih cepat sampai ke warga.'],
    SESUAI: ['Melayani warga dengan ramah dan sesuai prosedur.', 'Responsif terhadap permintaan layanan.'],
    DI_BAWAH: ['Beberapa kali warga mengeluh harus menunggu lama tanpa kejelasan.', 'Perlu lebih sabar menjelaskan persyaratan kepada warga.'],
  },
  AKUNTABEL: {
    DI_ATAS: ['Laporan selalu lengkap, rapi, dan tepat waktu.', 'Sangat cermat mengelola dokumen dan barang kantor.'],
    SESUAI: ['Bertanggung jawab atas tugasnya.', 'Disiplin hadir dan menyelesaikan pekerjaan.'],
    DI_BAWAH: ['Beberapa laporan terlambat tanpa pemberitahuan.', 'Perlu lebih disiplin soal jam kerja dan tenggat.'],
  },
  KOMPETEN: {
    DI_ATAS: ['Menguasai pekerjaannya dan sering membimbing rekan baru.', 'Aktif belajar mandiri dan membagikan ilmunya ke tim.'],
    SESUAI: ['Menguasai tugas pokoknya dengan baik.', 'Mengikuti pelatihan yang ditugaskan.'],
    DI_BAWAH: ['Masih sering perlu diarahkan untuk tugas rutin.', 'Perlu meningkatkan penguasaan aplikasi kerja.'],
  },
  HARMONIS: {
    DI_ATAS: ['Menjadi perekat suasana kerja yang kondusif.', 'Selalu siap membantu rekan tanpa diminta.'],
    SESUAI: ['Menghargai rekan kerja dan mudah diajak bekerja sama.', 'Menjaga suasana kerja yang baik.'],
    DI_BAWAH: ['Kadang kurang menjaga komunikasi dengan rekan.', 'Perlu lebih terbuka menerima masukan rekan.'],
  },
  LOYAL: {
    DI_ATAS: ['Teladan dalam menjaga nama baik instansi di masyarakat.', 'Sangat menjaga kerahasiaan data dan dokumen dinas.'],
    SESUAI: ['Menjaga nama baik instansi.', 'Menjaga kerahasiaan data dan dokumen.'],
    DI_BAWAH: ['Pernah membagikan informasi internal di grup warga sebelum resmi.', 'Perlu lebih menjaga sikap di media sosial.'],
  },
  ADAPTIF: {
    DI_ATAS: ['Cepat beradaptasi dengan aplikasi baru dan mengusulkan perbaikan proses.', 'Inisiatif membuat terobosan layanan.'],
    SESUAI: ['Mampu menyesuaikan diri dengan perubahan kebijakan.', 'Terbuka terhadap cara kerja baru.'],
    DI_BAWAH: ['Lambat menyesuaikan diri dengan aplikasi layanan yang baru.', 'Cenderung menunggu perintah.'],
  },
  KOLABORATIF: {
    DI_ATAS: ['Aktif menggerakkan kerja sama lintas seksi dan dengan mitra di wilayah.', 'Mampu menyatukan tim untuk tujuan bersama.'],
    SESUAI: ['Bekerja sama dengan baik dalam tim.', 'Terbuka berbagi data dengan seksi lain.'],
    DI_BAWAH: ['Kurang berbagi informasi dengan tim.', 'Perlu lebih aktif dalam kegiatan bersama.'],
  },
};

// ---------------------------------------------------------------------------------------------
// Citizen survey (SKM) comments.

export const SKM_COMMENTS_GOOD = [
  'Pelayanan cepat, petugasnya ramah dan menjelaskan persyaratan dengan jelas.',
  'Urus KK dan KTP lewat Klampid selesai dalam sehari, terima kasih.',
  'Ruang tunggu bersih dan ada antrean nomor, jadi tertib.',
  'Petugas membantu orang tua saya yang tidak bisa membaca formulir.',
] as const;

export const SKM_COMMENTS_BAD = [
  'Antrean pagi panjang, loket baru buka jam delapan lewat.',
  'Parkir sempit dan panas, mohon ditambah peneduh.',
  'Informasi persyaratan di papan pengumuman berbeda dengan yang diminta petugas.',
  'Sudah dua kali bolak-balik karena berkas dinyatakan kurang.',
] as const;

/** A comment that names an employee: evidence for that employee's rater. */
export const skmPraise = (name: string): string => `Terima kasih kepada ${name} yang sabar membantu mengurus surat keterangan saya.`;
export const skmComplaint = (name: string): string => `Petugas ${name} kurang ramah dan menyuruh saya kembali besok tanpa penjelasan.`;

/** Exercises moderation and escaping: must never reach a page unescaped. */
export const SKM_COMMENT_SCRIPT = 'Pelayanannya lambat sekali <script>alert(1)</script> tolong diperbaiki';
