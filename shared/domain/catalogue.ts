/**
 * A sample training catalogue for Kecamatan Asemrowo (Kota Surabaya): the kind of programmes the city's
 * HR and technical agencies offer kecamatan staff. Titles, providers and hours are illustrative: an
 * agency replaces this with its own catalogue in the same shape.
 *
 * Competency vocabulary used by the sample roster's RHK and employees:
 * layanan-digital, pengelolaan-aplikasi, pengelolaan-data, keamanan-informasi, kesehatan-masyarakat,
 * pemberdayaan-masyarakat, pelayanan-prima, penanganan-pengaduan, komunikasi-publik,
 * administrasi-perkantoran, tata-naskah-dinas, kearsipan, kepemimpinan, manajemen-kinerja,
 * perencanaan-anggaran, pengelolaan-keuangan, administrasi-kependudukan, ketenteraman-ketertiban,
 * inovasi, integritas, kerja-sama-tim.
 */
import * as z from 'zod';
import { type TrainingProgramme, TrainingProgrammeSchema } from './followup';

const BKPSDM = 'BKPSDM Kota Surabaya';
const BPSDM_JATIM = 'BPSDM Provinsi Jawa Timur';
const KOMINFO = 'Dinas Komunikasi dan Informatika Kota Surabaya';

const programmes: TrainingProgramme[] = [
  {
    id: 'digital-layanan-publik',
    title: {
      id: 'Layanan Publik Digital dan Pengelolaan Aplikasi Pelayanan Kecamatan',
      en: 'Digital public services and managing the kecamatan service applications',
    },
    provider: KOMINFO,
    hours: 24,
    mode: 'blended',
    competencies: ['layanan-digital', 'pengelolaan-aplikasi', 'pengelolaan-data'],
    values: ['ADAPTIF'],
    jabatanKeywords: ['pranata komputer', 'sistem informasi', 'teknologi informasi', 'IT'],
  },
  {
    id: 'keamanan-informasi',
    title: { id: 'Keamanan Informasi dan Pelindungan Data Pribadi', en: 'Information security and personal data protection' },
    provider: KOMINFO,
    hours: 16,
    mode: 'e-learning',
    competencies: ['keamanan-informasi', 'pengelolaan-data', 'layanan-digital'],
    values: ['AKUNTABEL', 'LOYAL'],
    jabatanKeywords: ['pranata komputer', 'sistem informasi'],
  },
  {
    id: 'kesehatan-masyarakat-wilayah',
    title: {
      id: 'Pengelolaan Program Kesehatan Masyarakat Berbasis Wilayah (Posyandu, Pencegahan Stunting, PSN DBD)',
      en: 'Community public-health programmes (posyandu, stunting prevention, dengue control)',
    },
    provider: 'Dinas Kesehatan Kota Surabaya',
    hours: 32,
    mode: 'klasikal',
    competencies: ['kesehatan-masyarakat', 'pemberdayaan-masyarakat', 'pengelolaan-data'],
    values: ['BERORIENTASI_PELAYANAN', 'KOLABORATIF'],
    jabatanKeywords: ['kesehatan'],
  },
  {
    id: 'pelayanan-prima',
    title: { id: 'Pelayanan Prima', en: 'Service excellence' },
    provider: BKPSDM,
    hours: 16,
    mode: 'klasikal',
    competencies: ['pelayanan-prima', 'komunikasi-publik'],
    values: ['BERORIENTASI_PELAYANAN', 'HARMONIS'],
    jabatanKeywords: ['pelayanan', 'front office'],
  },
  {
    id: 'pengelolaan-pengaduan',
    title: { id: 'Pengelolaan Pengaduan Pelayanan Publik (SP4N-LAPOR!)', en: 'Handling public complaints (SP4N-LAPOR!)' },
    provider: BKPSDM,
    hours: 8,
    mode: 'e-learning',
    competencies: ['penanganan-pengaduan', 'pelayanan-prima'],
    values: ['BERORIENTASI_PELAYANAN'],
  },
  {
    id: 'tata-naskah-kearsipan',
    title: { id: 'Tata Naskah Dinas dan Kearsipan Dinamis', en: 'Official correspondence and records management' },
    provider: 'Dinas Perpustakaan dan Kearsipan Kota Surabaya',
    hours: 16,
    mode: 'klasikal',
    competencies: ['administrasi-perkantoran', 'tata-naskah-dinas', 'kearsipan'],
    values: ['AKUNTABEL'],
    jabatanKeywords: ['arsiparis', 'pengadministrasi', 'umum', 'kepegawaian'],
  },
  {
    id: 'kepemimpinan-pengawas',
    title: { id: 'Pelatihan Kepemimpinan Pengawas (PKP)', en: 'Supervisory leadership training' },
    provider: BPSDM_JATIM,
    hours: 120,
    mode: 'blended',
    competencies: ['kepemimpinan', 'manajemen-kinerja'],
    values: ['KOLABORATIF', 'KOMPETEN'],
    jabatanKeywords: ['kepala seksi', 'kepala subbagian', 'lurah', 'sekretaris'],
  },
  {
    id: 'coaching-mentoring',
    title: { id: 'Coaching dan Mentoring bagi Atasan Langsung', en: 'Coaching and mentoring for line managers' },
    provider: BKPSDM,
    hours: 12,
    mode: 'klasikal',
    competencies: ['manajemen-kinerja', 'kepemimpinan'],
    values: ['KOMPETEN', 'HARMONIS'],
    jabatanKeywords: ['kepala', 'lurah', 'camat', 'sekretaris'],
  },
  {
    id: 'perencanaan-sakip',
    title: {
      id: 'Perencanaan, Penganggaran, dan Pelaporan Kinerja (SAKIP)',
      en: 'Planning, budgeting and performance reporting (SAKIP)',
    },
    provider: BPSDM_JATIM,
    hours: 24,
    mode: 'blended',
    competencies: ['perencanaan-anggaran', 'pengelolaan-keuangan', 'manajemen-kinerja'],
    values: ['AKUNTABEL'],
    jabatanKeywords: ['perencana', 'keuangan', 'bendahara', 'sekretaris'],
  },
  {
    id: 'layanan-adminduk',
    title: { id: 'Layanan Administrasi Kependudukan di Kecamatan dan Kelurahan', en: 'Civil registration services at kecamatan and kelurahan' },
    provider: 'Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya',
    hours: 16,
    mode: 'klasikal',
    competencies: ['administrasi-kependudukan', 'pelayanan-prima', 'layanan-digital'],
    values: ['BERORIENTASI_PELAYANAN'],
    jabatanKeywords: ['kependudukan', 'pelayanan', 'kelurahan'],
  },
  {
    id: 'trantib-linmas',
    title: {
      id: 'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat',
      en: 'Public order and community protection',
    },
    provider: 'Satpol PP Kota Surabaya',
    hours: 16,
    mode: 'klasikal',
    competencies: ['ketenteraman-ketertiban', 'komunikasi-publik'],
    values: ['LOYAL', 'HARMONIS'],
    jabatanKeywords: ['trantib', 'ketenteraman', 'ketertiban'],
  },
  {
    id: 'inovasi-pelayanan',
    title: { id: 'Inovasi Pelayanan Publik dan Design Thinking', en: 'Public service innovation and design thinking' },
    provider: BPSDM_JATIM,
    hours: 24,
    mode: 'blended',
    competencies: ['inovasi', 'pelayanan-prima'],
    values: ['ADAPTIF', 'BERORIENTASI_PELAYANAN'],
  },
  {
    id: 'integritas-antikorupsi',
    title: { id: 'Integritas dan Antikorupsi bagi ASN', en: 'Integrity and anti-corruption for civil servants' },
    provider: BKPSDM,
    hours: 8,
    mode: 'e-learning',
    competencies: ['integritas'],
    values: ['AKUNTABEL', 'LOYAL'],
  },
  {
    id: 'kolaborasi-tim',
    title: { id: 'Kolaborasi dan Komunikasi Efektif dalam Tim Kerja', en: 'Collaboration and effective communication in teams' },
    provider: BKPSDM,
    hours: 12,
    mode: 'klasikal',
    competencies: ['kerja-sama-tim', 'komunikasi-publik'],
    values: ['KOLABORATIF', 'HARMONIS'],
  },
  {
    id: 'pemberdayaan-masyarakat',
    title: { id: 'Pemberdayaan Masyarakat dan Pendampingan Kampung', en: 'Community empowerment and neighbourhood facilitation' },
    provider: BKPSDM,
    hours: 16,
    mode: 'klasikal',
    competencies: ['pemberdayaan-masyarakat', 'kerja-sama-tim'],
    values: ['KOLABORATIF'],
    jabatanKeywords: ['pemberdayaan', 'kesejahteraan', 'kelurahan'],
  },
  {
    id: 'nilai-dasar-asn',
    title: { id: 'Wawasan Kebangsaan dan Nilai Dasar ASN BerAKHLAK', en: 'National outlook and the BerAKHLAK core values' },
    provider: BPSDM_JATIM,
    hours: 16,
    mode: 'e-learning',
    competencies: [],
    values: ['LOYAL', 'KOMPETEN', 'ADAPTIF'],
  },
];

export const sampleTrainingCatalogue: readonly TrainingProgramme[] = Object.freeze(
  z
    .array(TrainingProgrammeSchema)
    .parse(programmes)
    .map((p) => Object.freeze(p)),
);
