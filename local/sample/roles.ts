/**
 * The jabatan of a Surabaya kecamatan and the SKP each one typically writes: Rencana Hasil Kerja (RHK)
 * with indicators (IKI) and targets, and which RHK of the rater each one supports (intervensi).
 * `{unit}` is replaced by the unit's name ("Kelurahan Genting Kalianak"), `{place}` by its short name
 * ("Genting Kalianak") and `{kec}` by the kecamatan's name. Competencies use the vocabulary of
 * shared/domain/catalogue.ts, so training recommendations match.
 *
 * Quantitative targets avoid percentages above 90: a rating "above expectations" needs 110 % of the
 * target, which a percentage target of 95 % could never reach.
 */
import type { RhkJenis } from '../../shared/domain/skp';

export type IndicatorTemplate =
  | {
      kind: 'quantitative';
      d: string;
      value: number;
      unit: string;
      lowerIsBetter: boolean;
      /** Counted over the year (half of it by mid-year), rather than a rate or an average. */
      cumulative: boolean;
      /** The precision realisations are recorded in. */
      step: number;
      /** A realisation cannot exceed this (percentages, indices). */
      cap?: number;
    }
  | { kind: 'qualitative'; d: string; expectation: string };

export interface RhkTemplate {
  jenis: RhkJenis;
  d: string;
  /** Index of the rater's RHK this one supports (taken modulo the rater's RHK count). */
  parent: number;
  competencies: string[];
  indicators: IndicatorTemplate[];
}

export interface RoleTemplate {
  key: string;
  jabatan: string;
  /** The employee's competencies (the roster's `competencies`). */
  competencies: string[];
  rhk: RhkTemplate[];
}

const RATE_UNITS = new Set(['%', 'indeks', 'hari', 'jam']);

function num(d: string, value: number, unit: string, direction: 'naik' | 'turun' = 'naik'): IndicatorTemplate {
  const rate = RATE_UNITS.has(unit);
  return {
    kind: 'quantitative',
    d,
    value,
    unit,
    lowerIsBetter: direction === 'turun',
    cumulative: !rate,
    step: rate ? 0.1 : 1,
    ...(unit === '%' || unit === 'indeks' ? { cap: 100 } : {}),
  };
}
const qual = (d: string, expectation: string): IndicatorTemplate => ({ kind: 'qualitative', d, expectation });
const utama = (d: string, parent: number, competencies: string[], ...indicators: IndicatorTemplate[]): RhkTemplate => ({
  jenis: 'utama',
  d,
  parent,
  competencies,
  indicators,
});
const tambahan = (d: string, parent: number, competencies: string[], ...indicators: IndicatorTemplate[]): RhkTemplate => ({
  jenis: 'tambahan',
  d,
  parent,
  competencies,
  indicators,
});
const role = (key: string, jabatan: string, competencies: string[], ...rhk: RhkTemplate[]): RoleTemplate => ({ key, jabatan, competencies, rhk });

// ---------------------------------------------------------------------------------------------
// Heads and officials with their own teams.

export const CAMAT = role(
  'camat',
  'Camat {place}',
  ['kepemimpinan', 'manajemen-kinerja', 'pelayanan-prima'],
  utama(
    'Meningkatnya kualitas pelayanan publik di {kec}',
    0,
    ['pelayanan-prima', 'kepemimpinan'],
    num('Indeks Kepuasan Masyarakat (IKM) atas pelayanan kecamatan', 85, 'indeks'),
    num('Rata-rata waktu penyelesaian layanan administrasi kecamatan', 3, 'hari', 'turun'),
  ),
  utama(
    'Terwujudnya tata kelola pemerintahan kecamatan yang akuntabel',
    0,
    ['manajemen-kinerja', 'perencanaan-anggaran'],
    num('Persentase realisasi anggaran kecamatan', 90, '%'),
    qual('Predikat evaluasi SAKIP kecamatan', 'Predikat minimal BB dari Inspektorat Kota Surabaya'),
  ),
  utama(
    'Meningkatnya ketenteraman, ketertiban umum, dan kesejahteraan masyarakat {kec}',
    0,
    ['ketenteraman-ketertiban', 'kesehatan-masyarakat'],
    num('Jumlah gangguan ketenteraman dan ketertiban umum', 24, 'kejadian', 'turun'),
    num('Persentase posyandu aktif', 85, '%'),
  ),
  utama(
    'Meningkatnya pemberdayaan ekonomi masyarakat dan kualitas lingkungan permukiman',
    0,
    ['pemberdayaan-masyarakat', 'inovasi'],
    num('Jumlah UMKM binaan yang naik kelas', 40, 'UMKM'),
  ),
);

export const SEKCAM = role(
  'sekcam',
  'Sekretaris Kecamatan',
  ['kepemimpinan', 'manajemen-kinerja', 'administrasi-perkantoran'],
  utama(
    'Terselenggaranya administrasi umum, kepegawaian, dan keuangan kecamatan yang tertib',
    1,
    ['administrasi-perkantoran', 'manajemen-kinerja'],
    num('Rata-rata waktu penyelesaian naskah dinas', 2, 'hari', 'turun'),
    num('Jumlah temuan pemeriksaan atas administrasi kecamatan', 3, 'temuan', 'turun'),
  ),
  utama(
    'Tersusunnya dokumen perencanaan dan pelaporan kinerja kecamatan tepat waktu',
    1,
    ['perencanaan-anggaran', 'manajemen-kinerja'],
    num('Jumlah dokumen perencanaan dan laporan kinerja yang disahkan tepat waktu', 6, 'dokumen'),
  ),
  utama(
    'Meningkatnya layanan digital dan sarana pelayanan kecamatan',
    0,
    ['layanan-digital', 'pelayanan-prima'],
    num('Persentase layanan kecamatan yang dapat diajukan secara daring', 80, '%'),
  ),
);

export const KASUBBAG_UMUM = role(
  'kasubbag-umum',
  'Kepala Subbagian Umum dan Kepegawaian',
  ['administrasi-perkantoran', 'manajemen-kinerja', 'kepemimpinan'],
  utama(
    'Terkelolanya administrasi umum, persuratan, dan kepegawaian kecamatan secara tertib',
    0,
    ['administrasi-perkantoran', 'tata-naskah-dinas', 'manajemen-kinerja'],
    num('Jumlah usulan layanan kepegawaian yang terlambat diproses', 4, 'usulan', 'turun'),
    num('Jumlah naskah dinas yang diadministrasikan', 2400, 'naskah'),
  ),
  utama(
    'Terkelolanya barang milik daerah dan sarana prasarana kantor',
    0,
    ['administrasi-perkantoran'],
    num('Jumlah barang milik daerah yang diinventarisasi dan diberi label', 450, 'unit'),
  ),
  tambahan(
    'Terkelolanya layanan aplikasi dan jaringan kantor kecamatan',
    2,
    ['layanan-digital', 'pengelolaan-aplikasi'],
    qual('Dukungan teknologi informasi bagi pelayanan kecamatan', 'Aplikasi layanan dan jaringan kantor berjalan tanpa gangguan berarti'),
  ),
);

export const KASUBBAG_KEUANGAN = role(
  'kasubbag-keuangan',
  'Kepala Subbagian Perencanaan dan Keuangan',
  ['perencanaan-anggaran', 'pengelolaan-keuangan', 'kepemimpinan'],
  utama(
    'Tersusunnya dokumen perencanaan dan anggaran kecamatan tepat waktu',
    1,
    ['perencanaan-anggaran'],
    num('Jumlah dokumen perencanaan dan anggaran yang disusun (Renja, RKA, DPA, perubahan)', 5, 'dokumen'),
  ),
  utama(
    'Terkelolanya keuangan kecamatan secara tertib dan akuntabel',
    0,
    ['pengelolaan-keuangan'],
    num('Persentase realisasi anggaran kecamatan', 90, '%'),
    num('Jumlah temuan administrasi keuangan', 2, 'temuan', 'turun'),
  ),
);

export const KASI_PEMERINTAHAN = role(
  'kasi-pemerintahan',
  'Kepala Seksi Pemerintahan',
  ['administrasi-kependudukan', 'kepemimpinan', 'pelayanan-prima'],
  utama(
    'Meningkatnya kualitas pelayanan administrasi kependudukan dan pemerintahan',
    0,
    ['administrasi-kependudukan', 'pelayanan-prima'],
    num('Rata-rata waktu penyelesaian layanan administrasi kependudukan', 3, 'hari', 'turun'),
    num('Jumlah pengaduan atas layanan administrasi kependudukan', 12, 'pengaduan', 'turun'),
  ),
  utama(
    'Tertibnya administrasi pertanahan dan data wilayah kecamatan',
    1,
    ['pengelolaan-data'],
    num('Jumlah berkas pertanahan yang diverifikasi', 120, 'berkas'),
  ),
);

export const KASI_TRANTIB = role(
  'kasi-trantib',
  'Kepala Seksi Ketenteraman dan Ketertiban Umum',
  ['ketenteraman-ketertiban', 'kepemimpinan', 'komunikasi-publik'],
  utama(
    'Terjaganya ketenteraman dan ketertiban umum di wilayah {kec}',
    2,
    ['ketenteraman-ketertiban'],
    num('Jumlah gangguan ketenteraman dan ketertiban umum', 24, 'kejadian', 'turun'),
    num('Jumlah operasi penertiban terpadu', 48, 'kali'),
  ),
  utama(
    'Tertanganinya pengaduan masyarakat bidang ketenteraman dan ketertiban',
    0,
    ['penanganan-pengaduan'],
    num('Rata-rata waktu tindak lanjut pengaduan', 2, 'hari', 'turun'),
  ),
);

export const KASI_KESRA = role(
  'kasi-kesra',
  'Kepala Seksi Kesejahteraan Rakyat',
  ['kesehatan-masyarakat', 'pemberdayaan-masyarakat', 'kepemimpinan'],
  utama(
    'Meningkatnya derajat kesehatan masyarakat berbasis wilayah',
    2,
    ['kesehatan-masyarakat'],
    num('Persentase posyandu aktif', 85, '%'),
    num('Jumlah balita stunting', 20, 'anak', 'turun'),
  ),
  utama(
    'Tersalurkannya bantuan sosial secara tepat sasaran',
    2,
    ['pengelolaan-data', 'pemberdayaan-masyarakat'],
    num('Jumlah data penerima bantuan sosial yang diverifikasi lapangan', 1200, 'KK'),
  ),
  tambahan(
    'Meningkatnya peran PKK dan kader dalam kegiatan sosial kemasyarakatan',
    3,
    ['pemberdayaan-masyarakat'],
    qual('Keaktifan PKK dan kader di tingkat kelurahan', 'Setiap kelurahan memiliki kegiatan PKK dan kader yang rutin dan terdokumentasi'),
  ),
);

export const KASI_EKBANG = role(
  'kasi-ekbang',
  'Kepala Seksi Perekonomian dan Pembangunan',
  ['pemberdayaan-masyarakat', 'inovasi', 'kepemimpinan'],
  utama(
    'Meningkatnya pemberdayaan ekonomi masyarakat',
    3,
    ['pemberdayaan-masyarakat', 'inovasi'],
    num('Jumlah UMKM binaan', 40, 'UMKM'),
    num('Jumlah kampung yang mengikuti program Kampung Madani', 6, 'kampung'),
  ),
  utama(
    'Terpantaunya pembangunan sarana dan prasarana lingkungan',
    3,
    ['pemberdayaan-masyarakat'],
    num('Jumlah kegiatan fisik yang dipantau', 30, 'kegiatan'),
    num('Jumlah titik genangan saat hujan', 8, 'titik', 'turun'),
  ),
);

export const LURAH = role(
  'lurah',
  'Lurah {place}',
  ['kepemimpinan', 'pelayanan-prima', 'pemberdayaan-masyarakat'],
  utama(
    'Meningkatnya kualitas pelayanan publik di {unit}',
    0,
    ['pelayanan-prima', 'kepemimpinan'],
    num('Indeks Kepuasan Masyarakat (IKM) {unit}', 82, 'indeks'),
    num('Rata-rata waktu penyelesaian layanan surat keterangan', 1, 'hari', 'turun'),
  ),
  utama(
    'Meningkatnya ketenteraman dan kesejahteraan masyarakat {unit}',
    2,
    ['ketenteraman-ketertiban', 'kesehatan-masyarakat'],
    num('Persentase posyandu aktif', 85, '%'),
    num('Jumlah pengaduan warga yang belum ditindaklanjuti', 6, 'pengaduan', 'turun'),
  ),
  utama(
    'Meningkatnya partisipasi masyarakat dalam pembangunan kelurahan',
    3,
    ['pemberdayaan-masyarakat'],
    num('Jumlah usulan Musrenbang kelurahan yang terealisasi', 12, 'usulan'),
  ),
);

export const SEKLUR = role(
  'seklur',
  'Sekretaris Kelurahan {place}',
  ['administrasi-perkantoran', 'manajemen-kinerja', 'pelayanan-prima'],
  utama(
    'Terselenggaranya administrasi dan pelayanan {unit} yang tertib',
    0,
    ['administrasi-perkantoran', 'pelayanan-prima'],
    num('Jumlah layanan yang melewati batas waktu', 10, 'layanan', 'turun'),
  ),
  utama(
    'Terkoordinasinya program ketenteraman, kebersihan, dan kesejahteraan di tingkat RT/RW',
    1,
    ['kerja-sama-tim', 'pemberdayaan-masyarakat'],
    num('Jumlah rapat koordinasi RT/RW dan LPMK', 12, 'kali'),
  ),
  tambahan(
    'Tersusunnya laporan kinerja dan profil kelurahan',
    2,
    ['manajemen-kinerja'],
    qual('Kualitas laporan kinerja kelurahan', 'Laporan lengkap, tepat waktu, dan sesuai format dari Bagian Organisasi'),
  ),
);

/** The head of a team inside a larger unit (generated agencies only). */
export const KOORDINATOR = role(
  'koordinator',
  'Koordinator {unit}',
  ['kepemimpinan', 'kerja-sama-tim', 'manajemen-kinerja'],
  utama(
    'Terlaksananya program kerja {unit} sesuai rencana',
    0,
    ['manajemen-kinerja'],
    num('Jumlah kegiatan tim yang terlaksana sesuai jadwal', 24, 'kegiatan'),
  ),
  utama(
    'Meningkatnya kualitas layanan {unit}',
    1,
    ['pelayanan-prima'],
    num('Jumlah pengaduan atas layanan tim', 6, 'pengaduan', 'turun'),
  ),
  tambahan(
    'Terbinanya kinerja anggota tim',
    0,
    ['kepemimpinan'],
    qual('Pembinaan anggota tim', 'Setiap anggota tim mendapat umpan balik kinerja minimal tiap triwulan'),
  ),
);

// ---------------------------------------------------------------------------------------------
// Staff, by the team they work in.

export const PRANATA_KOMPUTER = role(
  'pranata-komputer',
  'Pranata Komputer Ahli Pertama',
  ['layanan-digital', 'pengelolaan-aplikasi', 'pengelolaan-data', 'keamanan-informasi'],
  utama(
    'Terkelolanya layanan aplikasi e-Kelurahan',
    2,
    ['pengelolaan-aplikasi', 'layanan-digital'],
    num('Jumlah jam gangguan layanan aplikasi e-Kelurahan', 48, 'jam gangguan', 'turun'),
    num('Rata-rata waktu penanganan gangguan aplikasi', 8, 'jam', 'turun'),
  ),
  utama(
    'Terpeliharanya jaringan dan perangkat teknologi informasi kantor kecamatan',
    1,
    ['keamanan-informasi'],
    num('Jumlah perangkat TI yang dipelihara', 60, 'unit'),
  ),
  tambahan(
    'Terlaksananya pendampingan literasi digital bagi petugas layanan kelurahan',
    2,
    ['layanan-digital'],
    qual('Kemandirian petugas layanan mengoperasikan aplikasi', 'Petugas layanan di tiap kelurahan mampu mengoperasikan e-Kelurahan secara mandiri'),
  ),
);

const ANALIS_SDM = role(
  'analis-sdm',
  'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
  ['manajemen-kinerja', 'administrasi-perkantoran'],
  utama(
    'Tersedianya data kepegawaian kecamatan yang mutakhir',
    0,
    ['pengelolaan-data'],
    num('Jumlah data pegawai yang dimutakhirkan dalam sistem informasi kepegawaian', 58, 'orang'),
  ),
  utama(
    'Terfasilitasinya pengelolaan kinerja dan karier pegawai kecamatan',
    0,
    ['manajemen-kinerja'],
    num('Jumlah SKP pegawai yang difasilitasi penetapannya', 58, 'dokumen'),
    num('Jumlah usulan kenaikan pangkat dan gaji berkala yang diproses', 24, 'berkas'),
  ),
);

const ARSIPARIS = role(
  'arsiparis',
  'Arsiparis Terampil',
  ['kearsipan', 'tata-naskah-dinas'],
  utama('Tertatanya arsip dinamis kecamatan', 0, ['kearsipan'], num('Jumlah berkas arsip yang ditata dan didaftar', 1200, 'berkas')),
  tambahan('Terlaksananya alih media arsip vital', 0, ['kearsipan', 'layanan-digital'], num('Jumlah arsip vital yang dialihmediakan', 300, 'berkas')),
);

const PENGELOLA_BMD = role(
  'pengelola-bmd',
  'Pengelola Barang Milik Daerah',
  ['administrasi-perkantoran'],
  utama(
    'Tertibnya penatausahaan barang milik daerah kecamatan',
    1,
    ['administrasi-perkantoran'],
    num('Jumlah barang yang diinventarisasi ulang', 450, 'unit'),
  ),
  tambahan(
    'Terpeliharanya kendaraan dinas dan sarana kantor',
    1,
    ['administrasi-perkantoran'],
    num('Rata-rata waktu penanganan kerusakan sarana kantor', 3, 'hari', 'turun'),
  ),
);

const PENGADMINISTRASI_PERKANTORAN = role(
  'pengadministrasi-perkantoran',
  'Pengadministrasi Perkantoran',
  ['administrasi-perkantoran', 'tata-naskah-dinas', 'pelayanan-prima'],
  utama(
    'Terlaksananya pengelolaan naskah dinas kecamatan',
    0,
    ['tata-naskah-dinas'],
    num('Jumlah surat masuk dan keluar yang diagendakan', 2400, 'surat'),
    num('Rata-rata waktu penyampaian disposisi', 1, 'hari', 'turun'),
  ),
  tambahan(
    'Terlayaninya tamu dan permintaan informasi di front office kecamatan',
    0,
    ['pelayanan-prima'],
    qual('Pelayanan informasi kepada tamu', 'Tamu dilayani dengan ramah dan diarahkan ke petugas yang tepat'),
  ),
);

const BENDAHARA = role(
  'bendahara',
  'Bendahara Pengeluaran',
  ['pengelolaan-keuangan'],
  utama(
    'Tertibnya penatausahaan belanja kecamatan',
    1,
    ['pengelolaan-keuangan'],
    num('Jumlah SPJ belanja yang diverifikasi', 480, 'dokumen'),
    num('Rata-rata waktu verifikasi SPJ', 3, 'hari', 'turun'),
  ),
  tambahan(
    'Terlaksananya penyetoran pajak atas belanja tepat waktu',
    1,
    ['pengelolaan-keuangan'],
    num('Rata-rata waktu penyetoran pajak sejak pembayaran', 3, 'hari', 'turun'),
  ),
);

const PERENCANA = role(
  'perencana',
  'Perencana Ahli Pertama',
  ['perencanaan-anggaran', 'manajemen-kinerja', 'pengelolaan-data'],
  utama(
    'Tersusunnya Rencana Kerja dan Laporan Kinerja kecamatan',
    0,
    ['perencanaan-anggaran'],
    num('Jumlah dokumen Renja, Renstra, dan LKjIP yang disusun', 3, 'dokumen'),
    qual('Kualitas dokumen perencanaan', 'Dokumen sesuai pedoman Bappedalitbang tanpa revisi substansial'),
  ),
  utama('Terpantaunya capaian kinerja kecamatan', 0, ['manajemen-kinerja'], num('Jumlah indikator kinerja yang dipantau dan dianalisis', 24, 'indikator')),
);

const ANALIS_KEUANGAN = role(
  'analis-keuangan',
  'Analis Keuangan Pusat dan Daerah Ahli Pertama',
  ['pengelolaan-keuangan'],
  utama('Tersusunnya laporan keuangan kecamatan', 1, ['pengelolaan-keuangan'], num('Jumlah laporan keuangan yang disusun', 14, 'laporan')),
  tambahan('Terlaksananya rekonsiliasi belanja dengan BPKAD', 1, ['pengelolaan-keuangan'], num('Jumlah selisih rekonsiliasi yang belum terselesaikan', 6, 'selisih', 'turun')),
);

const PENGADMINISTRASI_KEUANGAN = role(
  'pengadministrasi-keuangan',
  'Pengadministrasi Keuangan',
  ['pengelolaan-keuangan', 'administrasi-perkantoran'],
  utama('Tertibnya arsip dokumen keuangan', 1, ['kearsipan', 'pengelolaan-keuangan'], num('Jumlah dokumen SPJ yang diarsipkan', 600, 'dokumen')),
  utama(
    'Tersusunnya rekapitulasi usulan kegiatan dari kelurahan',
    0,
    ['perencanaan-anggaran'],
    num('Jumlah usulan kegiatan kelurahan yang direkap', 90, 'usulan'),
  ),
);

const PELAYANAN_KEPENDUDUKAN = role(
  'pelayanan-kependudukan',
  'Penata Layanan Operasional (Administrasi Kependudukan)',
  ['administrasi-kependudukan', 'pelayanan-prima', 'layanan-digital'],
  utama(
    'Terlayaninya permohonan dokumen kependudukan warga',
    0,
    ['administrasi-kependudukan', 'pelayanan-prima'],
    num('Jumlah permohonan dokumen kependudukan yang diproses', 1800, 'berkas'),
    num('Rata-rata waktu penyelesaian permohonan', 2, 'hari', 'turun'),
  ),
  tambahan(
    'Tersosialisasinya layanan Klampid New Generation kepada warga',
    0,
    ['komunikasi-publik', 'layanan-digital'],
    num('Jumlah kegiatan sosialisasi layanan daring', 12, 'kegiatan'),
  ),
);

const OPERATOR_KEPENDUDUKAN = role(
  'operator-kependudukan',
  'Operator Layanan Operasional (Administrasi Kependudukan)',
  ['administrasi-kependudukan', 'pelayanan-prima'],
  utama(
    'Terverifikasinya berkas permohonan administrasi kependudukan',
    0,
    ['administrasi-kependudukan'],
    num('Jumlah berkas permohonan yang diverifikasi', 1500, 'berkas'),
  ),
  utama(
    'Terlayaninya warga di loket pelayanan kecamatan',
    0,
    ['pelayanan-prima'],
    num('Jumlah pengaduan atas pelayanan loket', 6, 'pengaduan', 'turun'),
    qual('Keramahan dan ketepatan informasi di loket', 'Warga menerima informasi persyaratan yang benar pada kunjungan pertama'),
  ),
);

const ANALIS_PERTANAHAN = role(
  'analis-pertanahan',
  'Analis Pertanahan',
  ['pengelolaan-data'],
  utama('Terverifikasinya berkas permohonan pertanahan', 1, ['pengelolaan-data'], num('Jumlah berkas pertanahan yang diverifikasi', 120, 'berkas')),
  utama(
    'Tersusunnya data sengketa dan riwayat tanah wilayah kecamatan',
    1,
    ['pengelolaan-data'],
    qual('Kelengkapan data sengketa tanah', 'Setiap sengketa tercatat dengan riwayat dan tindak lanjutnya'),
  ),
);

const PENGOLAH_DATA = role(
  'pengolah-data',
  'Pengolah Data dan Informasi',
  ['pengelolaan-data'],
  utama('Termutakhirkannya data wilayah RT/RW', 1, ['pengelolaan-data'], num('Jumlah RT yang datanya dimutakhirkan', 140, 'RT')),
  tambahan('Tersusunnya profil dan monografi {kec}', 1, ['pengelolaan-data'], qual('Kualitas profil kecamatan', 'Profil memuat data terbaru dan dapat diakses publik')),
);

const PENGADMINISTRASI_PEMERINTAHAN = role(
  'pengadministrasi-pemerintahan',
  'Pengadministrasi Pemerintahan',
  ['administrasi-perkantoran', 'pelayanan-prima'],
  utama('Tertibnya administrasi surat keterangan pemerintahan', 0, ['administrasi-perkantoran'], num('Jumlah surat keterangan yang diproses', 900, 'surat')),
  tambahan('Terfasilitasinya pemilihan ketua RT/RW', 1, ['kerja-sama-tim'], num('Jumlah pemilihan RT/RW yang difasilitasi', 10, 'kegiatan')),
);

const SATPOL_PATROLI = role(
  'satpol-patroli',
  'Polisi Pamong Praja Terampil',
  ['ketenteraman-ketertiban', 'komunikasi-publik'],
  utama(
    'Terlaksananya patroli dan penertiban pedagang kaki lima dan reklame',
    0,
    ['ketenteraman-ketertiban'],
    num('Jumlah patroli wilayah', 96, 'kali'),
    num('Jumlah titik PKL yang melanggar', 30, 'titik', 'turun'),
  ),
  tambahan('Tertanganinya pengaduan trantibum di lapangan', 1, ['penanganan-pengaduan'], num('Rata-rata waktu respons pengaduan di lapangan', 24, 'jam', 'turun')),
);

const SATPOL_PENGAMANAN = role(
  'satpol-pengamanan',
  'Polisi Pamong Praja Mahir',
  ['ketenteraman-ketertiban'],
  utama(
    'Terlaksananya pengamanan kegiatan dan aset pemerintah di kecamatan',
    0,
    ['ketenteraman-ketertiban'],
    num('Jumlah kegiatan yang diamankan', 36, 'kegiatan'),
    qual('Keamanan aset kantor kecamatan', 'Tidak ada kehilangan atau kerusakan aset karena kelalaian pengamanan'),
  ),
  utama('Terlaksananya penertiban bangunan liar di bantaran saluran', 0, ['ketenteraman-ketertiban', 'komunikasi-publik'], num('Jumlah bangunan liar yang ditertibkan', 20, 'bangunan')),
);

const PENGELOLA_TRANTIB = role(
  'pengelola-trantib',
  'Pengelola Ketenteraman dan Ketertiban',
  ['ketenteraman-ketertiban', 'kerja-sama-tim'],
  utama('Terbinanya anggota Satuan Perlindungan Masyarakat (Satlinmas)', 0, ['ketenteraman-ketertiban'], num('Jumlah anggota Linmas yang dilatih', 60, 'orang')),
  utama('Aktifnya pos siskamling di tingkat RW', 0, ['kerja-sama-tim'], num('Jumlah pos siskamling yang aktif', 20, 'pos')),
);

const ANALIS_KEBENCANAAN = role(
  'analis-kebencanaan',
  'Analis Kebencanaan',
  ['ketenteraman-ketertiban', 'pemberdayaan-masyarakat'],
  utama(
    'Meningkatnya kesiapsiagaan masyarakat terhadap bencana dan kebakaran',
    0,
    ['ketenteraman-ketertiban'],
    num('Jumlah simulasi kesiapsiagaan bencana', 4, 'kali'),
    qual('Rencana kontinjensi banjir dan kebakaran', 'Rencana kontinjensi disusun bersama kelurahan dan disahkan Camat'),
  ),
  tambahan('Terbentuknya kampung tangguh bencana', 0, ['pemberdayaan-masyarakat'], num('Jumlah kampung tangguh bencana yang dibina', 3, 'kampung')),
);

const PENGADMINISTRASI_TRANTIB = role(
  'pengadministrasi-trantib',
  'Pengadministrasi Ketenteraman dan Ketertiban',
  ['administrasi-perkantoran', 'penanganan-pengaduan'],
  utama('Tercatatnya laporan kejadian dan pengaduan trantibum', 1, ['penanganan-pengaduan'], num('Jumlah laporan kejadian yang dicatat dan direkap', 150, 'laporan')),
  utama('Tertibnya pencatatan pengaduan masyarakat', 1, ['penanganan-pengaduan'], num('Rata-rata waktu pencatatan pengaduan', 1, 'hari', 'turun')),
);

export const PENGELOLA_KESEHATAN = role(
  'pengelola-kesehatan',
  'Pengelola Program Kesehatan Masyarakat',
  ['kesehatan-masyarakat', 'pemberdayaan-masyarakat', 'pengelolaan-data'],
  utama(
    'Meningkatnya cakupan posyandu aktif',
    0,
    ['kesehatan-masyarakat', 'pemberdayaan-masyarakat'],
    num('Persentase posyandu aktif', 85, '%'),
    num('Jumlah kader posyandu yang dilatih', 60, 'orang'),
  ),
  utama(
    'Menurunnya kasus demam berdarah dengue di wilayah kecamatan',
    0,
    ['kesehatan-masyarakat'],
    num('Jumlah kasus DBD', 10, 'kasus', 'turun'),
    num('Jumlah rumah yang diperiksa jentik oleh kader', 3000, 'rumah'),
  ),
  tambahan(
    'Terpantaunya tumbuh kembang balita berisiko stunting',
    0,
    ['kesehatan-masyarakat', 'pengelolaan-data'],
    qual('Pemantauan balita berisiko stunting', 'Setiap balita berisiko tercatat dan dikunjungi kader tiap bulan'),
  ),
);

const PENGELOLA_DTKS = role(
  'pengelola-dtks',
  'Pengelola Data Kesejahteraan Sosial',
  ['pengelolaan-data', 'pemberdayaan-masyarakat'],
  utama(
    'Termutakhirkannya Data Terpadu Kesejahteraan Sosial (DTKS)',
    1,
    ['pengelolaan-data'],
    num('Jumlah KK yang diverifikasi dan divalidasi', 1500, 'KK'),
  ),
  tambahan('Terpantaunya penyaluran permakanan lansia', 1, ['pemberdayaan-masyarakat'], num('Jumlah penerima permakanan yang dipantau', 250, 'orang')),
);

const PENGGERAK_SWADAYA = role(
  'penggerak-swadaya',
  'Penggerak Swadaya Masyarakat Ahli Pertama',
  ['pemberdayaan-masyarakat', 'kerja-sama-tim'],
  utama('Terlaksananya pembinaan PKK, karang taruna, dan kader', 2, ['pemberdayaan-masyarakat'], num('Jumlah kegiatan pembinaan', 24, 'kegiatan')),
  utama('Meningkatnya partisipasi warga dalam kerja bakti dan gotong royong', 0, ['kerja-sama-tim'], num('Jumlah RW yang rutin menggelar kerja bakti', 18, 'RW')),
);

const PENGADMINISTRASI_KESRA = role(
  'pengadministrasi-kesra',
  'Pengadministrasi Kesejahteraan Rakyat',
  ['administrasi-perkantoran', 'pelayanan-prima'],
  utama(
    'Terlayaninya surat keterangan kesejahteraan sosial warga',
    1,
    ['pelayanan-prima'],
    num('Jumlah surat keterangan yang diterbitkan', 600, 'surat'),
    num('Rata-rata waktu penerbitan surat keterangan', 1, 'hari', 'turun'),
  ),
  tambahan('Tertibnya arsip penerima bantuan sosial', 1, ['kearsipan'], num('Jumlah berkas penerima bantuan yang diarsipkan', 800, 'berkas')),
);

const PENYULUH_SOSIAL = role(
  'penyuluh-sosial',
  'Penyuluh Sosial Ahli Pertama',
  ['pemberdayaan-masyarakat', 'komunikasi-publik'],
  utama(
    'Tertanganinya penyandang masalah kesejahteraan sosial (PMKS)',
    1,
    ['pemberdayaan-masyarakat'],
    num('Jumlah PMKS yang dijangkau dan dirujuk', 80, 'orang'),
  ),
  tambahan('Terlaksananya penyuluhan sosial kepada warga', 2, ['komunikasi-publik'], num('Jumlah kegiatan penyuluhan', 12, 'kegiatan')),
);

const PENGELOLA_UMKM = role(
  'pengelola-umkm',
  'Pengelola Usaha Mikro, Kecil, dan Menengah',
  ['pemberdayaan-masyarakat', 'inovasi'],
  utama(
    'Terbinanya pelaku UMKM di wilayah kecamatan',
    0,
    ['pemberdayaan-masyarakat'],
    num('Jumlah UMKM yang difasilitasi perizinan dan pemasaran', 40, 'UMKM'),
  ),
  tambahan('Terselenggaranya bazar produk UMKM', 0, ['inovasi'], num('Jumlah bazar yang diselenggarakan', 4, 'kegiatan')),
);

const PENGAWAS_SARPRAS = role(
  'pengawas-sarpras',
  'Pengawas Lapangan Sarana dan Prasarana',
  ['pemberdayaan-masyarakat'],
  utama(
    'Termonitornya kegiatan padat karya dan perbaikan saluran',
    1,
    ['pemberdayaan-masyarakat'],
    num('Jumlah kegiatan yang dimonitor', 30, 'kegiatan'),
    num('Rata-rata waktu tindak lanjut laporan kerusakan jalan dan saluran', 5, 'hari', 'turun'),
  ),
  utama('Terdatanya kondisi jalan dan saluran lingkungan', 1, ['pengelolaan-data'], num('Jumlah ruas jalan dan saluran yang didata', 120, 'ruas')),
);

const PENGENDALI_LINGKUNGAN = role(
  'pengendali-lingkungan',
  'Pengendali Dampak Lingkungan Ahli Pertama',
  ['pemberdayaan-masyarakat'],
  utama('Meningkatnya pengelolaan sampah berbasis masyarakat', 1, ['pemberdayaan-masyarakat'], num('Jumlah bank sampah aktif', 15, 'unit')),
  utama(
    'Terpantaunya kebersihan dan kesehatan lingkungan permukiman',
    1,
    ['kesehatan-masyarakat'],
    qual('Kebersihan lingkungan permukiman', 'Tidak ada tempat pembuangan sampah liar yang dibiarkan lebih dari satu minggu'),
  ),
);

const PENGADMINISTRASI_PEMBANGUNAN = role(
  'pengadministrasi-pembangunan',
  'Pengadministrasi Pembangunan',
  ['administrasi-perkantoran', 'perencanaan-anggaran'],
  utama('Tersusunnya laporan kegiatan pembangunan', 1, ['administrasi-perkantoran'], num('Jumlah laporan kegiatan pembangunan yang disusun', 30, 'laporan')),
  utama(
    'Terdokumentasinya usulan Musrenbang kecamatan',
    0,
    ['perencanaan-anggaran'],
    qual('Dokumentasi usulan Musrenbang', 'Setiap usulan tercatat dengan lokasi, volume, dan status tindak lanjutnya'),
  ),
);

// Kelurahan staff (rated by the Sekretaris Kelurahan).
const KEL_PELAYANAN = role(
  'kel-pelayanan',
  'Pengelola Layanan Kependudukan',
  ['administrasi-kependudukan', 'pelayanan-prima', 'layanan-digital'],
  utama(
    'Terlayaninya permohonan administrasi kependudukan warga {unit}',
    0,
    ['administrasi-kependudukan', 'pelayanan-prima'],
    num('Jumlah permohonan yang diproses melalui Klampid New Generation', 1200, 'berkas'),
    num('Rata-rata waktu penyelesaian permohonan', 1, 'hari', 'turun'),
  ),
  tambahan('Tersosialisasinya layanan daring kepada warga', 0, ['komunikasi-publik'], num('Jumlah kegiatan sosialisasi di RT/RW', 12, 'kegiatan')),
);

const KEL_PEMBERDAYAAN = role(
  'kel-pemberdayaan',
  'Pengelola Pemberdayaan Masyarakat',
  ['pemberdayaan-masyarakat', 'kerja-sama-tim'],
  utama('Meningkatnya kegiatan PKK, karang taruna, dan kader di {unit}', 1, ['pemberdayaan-masyarakat'], num('Jumlah kegiatan pemberdayaan', 24, 'kegiatan')),
  utama(
    'Terfasilitasinya Musrenbang kelurahan',
    2,
    ['kerja-sama-tim'],
    qual('Fasilitasi Musrenbang kelurahan', 'Musrenbang diikuti seluruh RW dan usulannya terdokumentasi'),
  ),
);

const KEL_DATA_SOSIAL = role(
  'kel-data-sosial',
  'Pengelola Data Kesejahteraan Sosial',
  ['pengelolaan-data', 'pemberdayaan-masyarakat'],
  utama('Termutakhirkannya data warga miskin dan penerima bantuan', 1, ['pengelolaan-data'], num('Jumlah KK yang dimutakhirkan', 600, 'KK')),
  tambahan('Tersalurkannya bantuan sosial tepat sasaran', 1, ['pengelolaan-data'], num('Jumlah keluhan bantuan salah sasaran', 5, 'keluhan', 'turun')),
);

const KEL_ADMINISTRASI = role(
  'kel-administrasi',
  'Pengadministrasi Umum',
  ['administrasi-perkantoran', 'tata-naskah-dinas', 'kearsipan'],
  utama('Tertibnya administrasi surat-menyurat kelurahan', 0, ['tata-naskah-dinas'], num('Jumlah surat yang diagendakan dan diarsipkan', 1500, 'surat')),
  tambahan('Tertatanya arsip kelurahan', 2, ['kearsipan'], num('Jumlah berkas arsip yang ditata', 400, 'berkas')),
);

const KEL_TRANTIB = role(
  'kel-trantib',
  'Pengelola Ketenteraman dan Ketertiban',
  ['ketenteraman-ketertiban', 'kerja-sama-tim'],
  utama(
    'Terlaksananya patroli wilayah bersama Linmas',
    1,
    ['ketenteraman-ketertiban'],
    num('Jumlah patroli wilayah', 48, 'kali'),
    num('Jumlah pengaduan gangguan ketertiban', 12, 'pengaduan', 'turun'),
  ),
  tambahan('Terpantaunya kegiatan keramaian warga', 1, ['ketenteraman-ketertiban'], num('Jumlah izin keramaian yang dipantau', 30, 'kegiatan')),
);

const KEL_SARPRAS = role(
  'kel-sarpras',
  'Pengelola Sarana dan Prasarana',
  ['pemberdayaan-masyarakat'],
  utama('Terpantaunya kebersihan saluran dan fasilitas umum', 1, ['pemberdayaan-masyarakat'], num('Jumlah pemantauan saluran dan fasilitas umum', 36, 'kali')),
  utama(
    'Terpeliharanya balai RW dan fasilitas umum kelurahan',
    2,
    ['pemberdayaan-masyarakat'],
    qual('Kondisi fasilitas umum kelurahan', 'Balai RW dan fasilitas umum layak pakai sepanjang tahun'),
  ),
);

export const STAFF = {
  umum: [PRANATA_KOMPUTER, ANALIS_SDM, ARSIPARIS, PENGELOLA_BMD, PENGADMINISTRASI_PERKANTORAN],
  keuangan: [BENDAHARA, PERENCANA, ANALIS_KEUANGAN, PENGADMINISTRASI_KEUANGAN],
  pemerintahan: [PELAYANAN_KEPENDUDUKAN, OPERATOR_KEPENDUDUKAN, ANALIS_PERTANAHAN, PENGOLAH_DATA, PENGADMINISTRASI_PEMERINTAHAN],
  trantib: [SATPOL_PATROLI, SATPOL_PENGAMANAN, PENGELOLA_TRANTIB, ANALIS_KEBENCANAAN, PENGADMINISTRASI_TRANTIB],
  kesra: [PENGELOLA_KESEHATAN, PENGELOLA_DTKS, PENGGERAK_SWADAYA, PENGADMINISTRASI_KESRA, PENYULUH_SOSIAL],
  ekbang: [PENGELOLA_UMKM, PENGAWAS_SARPRAS, PENGENDALI_LINGKUNGAN, PENGADMINISTRASI_PEMBANGUNAN],
  kelurahan: [KEL_PELAYANAN, KEL_PEMBERDAYAAN, KEL_DATA_SOSIAL, KEL_ADMINISTRASI, KEL_TRANTIB, KEL_SARPRAS],
} as const satisfies Record<string, readonly RoleTemplate[]>;

/** Teams that a generated agency's units can be; each with its head and its staff. */
export const TEAMS = [
  { kind: 'kelurahan', head: LURAH, subHead: KOORDINATOR, staff: STAFF.kelurahan },
  { kind: 'pemerintahan', head: KASI_PEMERINTAHAN, subHead: KOORDINATOR, staff: STAFF.pemerintahan },
  { kind: 'trantib', head: KASI_TRANTIB, subHead: KOORDINATOR, staff: STAFF.trantib },
  { kind: 'kesra', head: KASI_KESRA, subHead: KOORDINATOR, staff: STAFF.kesra },
  { kind: 'ekbang', head: KASI_EKBANG, subHead: KOORDINATOR, staff: STAFF.ekbang },
] as const;

const ALL_ROLES: readonly RoleTemplate[] = [
  CAMAT, SEKCAM, KASUBBAG_UMUM, KASUBBAG_KEUANGAN, KASI_PEMERINTAHAN, KASI_TRANTIB, KASI_KESRA, KASI_EKBANG, LURAH, SEKLUR, KOORDINATOR,
  ...Object.values(STAFF).flat(),
];
const BY_KEY = new Map(ALL_ROLES.map((r) => [r.key, r]));

export function roleByKey(key: string): RoleTemplate {
  const r = BY_KEY.get(key);
  if (!r) throw new Error(`unknown role template "${key}"`);
  return r;
}
