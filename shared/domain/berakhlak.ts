/**
 * BerAKHLAK, the core values of ASN, each with its three behaviours (panduan perilaku), as set out in
 * SE MenPAN-RB 20/2021 and used for the Rating Perilaku Kerja of PermenPAN-RB 6/2022.
 */
import * as z from 'zod';
import type { Bilingual } from './text';

export const BerakhlakValueSchema = z.enum(['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF']);
export type BerakhlakValue = z.infer<typeof BerakhlakValueSchema>;

export type BerakhlakValueDefinition = { value: BerakhlakValue; name: Bilingual; behaviours: readonly [Bilingual, Bilingual, Bilingual] };

export const BERAKHLAK: readonly BerakhlakValueDefinition[] = [
  {
    value: 'BERORIENTASI_PELAYANAN',
    name: { id: 'Berorientasi Pelayanan', en: 'Service-oriented' },
    behaviours: [
      { id: 'Memahami dan memenuhi kebutuhan masyarakat', en: "Understands and meets the public's needs" },
      { id: 'Ramah, cekatan, solutif, dan dapat diandalkan', en: 'Friendly, quick, solution-minded and reliable' },
      { id: 'Melakukan perbaikan tiada henti', en: 'Keeps improving' },
    ],
  },
  {
    value: 'AKUNTABEL',
    name: { id: 'Akuntabel', en: 'Accountable' },
    behaviours: [
      {
        id: 'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
        en: 'Works honestly, responsibly, carefully, with discipline and integrity',
      },
      {
        id: 'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
        en: 'Uses state resources responsibly, effectively and efficiently',
      },
      { id: 'Tidak menyalahgunakan kewenangan jabatan', en: 'Does not abuse the authority of office' },
    ],
  },
  {
    value: 'KOMPETEN',
    name: { id: 'Kompeten', en: 'Competent' },
    behaviours: [
      {
        id: 'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
        en: 'Keeps learning to meet ever-changing challenges',
      },
      { id: 'Membantu orang lain belajar', en: 'Helps others learn' },
      { id: 'Melaksanakan tugas dengan kualitas terbaik', en: 'Does the work to the best quality' },
    ],
  },
  {
    value: 'HARMONIS',
    name: { id: 'Harmonis', en: 'Harmonious' },
    behaviours: [
      { id: 'Menghargai setiap orang apapun latar belakangnya', en: 'Respects everyone, whatever their background' },
      { id: 'Suka menolong orang lain', en: 'Likes to help others' },
      { id: 'Membangun lingkungan kerja yang kondusif', en: 'Builds a good working environment' },
    ],
  },
  {
    value: 'LOYAL',
    name: { id: 'Loyal', en: 'Loyal' },
    behaviours: [
      {
        id: 'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah',
        en: 'Holds to Pancasila and the 1945 Constitution; loyal to the Unitary State and lawful government',
      },
      { id: 'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara', en: 'Protects the good name of fellow ASN, leaders, the agency and the state' },
      { id: 'Menjaga rahasia jabatan dan negara', en: 'Keeps official and state secrets' },
    ],
  },
  {
    value: 'ADAPTIF',
    name: { id: 'Adaptif', en: 'Adaptive' },
    behaviours: [
      { id: 'Cepat menyesuaikan diri menghadapi perubahan', en: 'Adapts quickly to change' },
      { id: 'Terus berinovasi dan mengembangkan kreativitas', en: 'Keeps innovating and being creative' },
      { id: 'Bertindak proaktif', en: 'Acts proactively' },
    ],
  },
  {
    value: 'KOLABORATIF',
    name: { id: 'Kolaboratif', en: 'Collaborative' },
    behaviours: [
      { id: 'Memberi kesempatan kepada berbagai pihak untuk berkontribusi', en: 'Lets others contribute' },
      { id: 'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah', en: 'Open to working together to add value' },
      {
        id: 'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
        en: 'Mobilises shared resources for common goals',
      },
    ],
  },
];

export const berakhlakName = (value: BerakhlakValue): Bilingual => BERAKHLAK.find((v) => v.value === value)!.name;
