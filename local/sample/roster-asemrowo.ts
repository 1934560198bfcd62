/**
 * Kecamatan Asemrowo, Kota Surabaya: the organisation as a Surabaya kecamatan is set up (Camat,
 * Sekretariat with two Subbagian, four Seksi, and the kelurahan Asemrowo, Genting Kalianak and Tambak
 * Sarioso), with fictional people. The Camat is rated by the Sekretaris Daerah and, through him,
 * approved by the Wali Kota: both are outside the kecamatan (`external`).
 */
import type { Rating } from '../../shared/domain/ratings';
import type { Skp } from '../../shared/domain/skp';
import { buildPlans, makeEmail, makeNip, type Profile, type RosterMember, type SkmQuality, skmResponses } from './build';
import { mulberry32 } from './random';
import { roleByKey } from './roles';
import type { SampleAgency, SampleEmployee, SampleSkm, SampleUnit } from './schema';
import { SKM_COMMENT_SCRIPT, SKM_COMMENTS_BAD, SKM_COMMENTS_GOOD, skmComplaint, skmPraise } from './texts';

export const ASEMROWO_SEED = 2026;
const YEAR = 2026;
const KEC = 'Kecamatan Asemrowo';
const DOMAIN = 'asemrowo.surabaya.go.id';
const PEMKOT_DOMAIN = 'surabaya.go.id';

type UnitId =
  | 'kec-asemrowo'
  | 'sekretariat'
  | 'subbag-umum'
  | 'subbag-keuangan'
  | 'seksi-pemerintahan'
  | 'seksi-trantib'
  | 'seksi-kesra'
  | 'seksi-ekbang'
  | 'kel-asemrowo'
  | 'kel-genting-kalianak'
  | 'kel-tambak-sarioso'
  | 'pemkot-surabaya';

const UNITS: readonly { unitId: UnitId; name: string; place: string; parent?: UnitId; head: string }[] = [
  { unitId: 'kec-asemrowo', name: KEC, place: 'Asemrowo', head: 'camat' },
  { unitId: 'sekretariat', name: 'Sekretariat Kecamatan Asemrowo', place: 'Asemrowo', parent: 'kec-asemrowo', head: 'sekcam' },
  { unitId: 'subbag-umum', name: 'Subbagian Umum dan Kepegawaian', place: 'Asemrowo', parent: 'sekretariat', head: 'kasubbag-umum' },
  { unitId: 'subbag-keuangan', name: 'Subbagian Perencanaan dan Keuangan', place: 'Asemrowo', parent: 'sekretariat', head: 'kasubbag-keuangan' },
  { unitId: 'seksi-pemerintahan', name: 'Seksi Pemerintahan', place: 'Asemrowo', parent: 'kec-asemrowo', head: 'kasi-pem' },
  { unitId: 'seksi-trantib', name: 'Seksi Ketenteraman dan Ketertiban Umum', place: 'Asemrowo', parent: 'kec-asemrowo', head: 'kasi-trantib' },
  { unitId: 'seksi-kesra', name: 'Seksi Kesejahteraan Rakyat', place: 'Asemrowo', parent: 'kec-asemrowo', head: 'kasi-kesra' },
  { unitId: 'seksi-ekbang', name: 'Seksi Perekonomian dan Pembangunan', place: 'Asemrowo', parent: 'kec-asemrowo', head: 'kasi-ekbang' },
  { unitId: 'kel-asemrowo', name: 'Kelurahan Asemrowo', place: 'Asemrowo', parent: 'kec-asemrowo', head: 'lurah-asemrowo' },
  { unitId: 'kel-genting-kalianak', name: 'Kelurahan Genting Kalianak', place: 'Genting Kalianak', parent: 'kec-asemrowo', head: 'lurah-genting' },
  { unitId: 'kel-tambak-sarioso', name: 'Kelurahan Tambak Sarioso', place: 'Tambak Sarioso', parent: 'kec-asemrowo', head: 'lurah-tambak' },
  // Outside the kecamatan: the officials who rate and approve the Camat.
  { unitId: 'pemkot-surabaya', name: 'Pemerintah Kota Surabaya', place: 'Surabaya', head: 'walikota' },
];

interface Entry {
  key: string;
  name: string;
  gender: 'L' | 'P';
  unit: UnitId;
  /** Role template key (roles.json); externals give their jabatan instead. */
  role?: string;
  jabatan?: string;
  rater?: string;
  head?: boolean;
  pppk?: boolean;
  en?: boolean;
  profile?: Profile;
  bands?: Rating[];
  override?: RosterMember['override'];
  external?: boolean;
}

/** The lenient rater of the sample (rater-bias analytics must flag her): the Kasi Kesra rates her whole team Di Atas. */
const LENIENT: RosterMember['override'] = {
  allAbove: 'Seluruh staf Seksi Kesra bekerja sangat keras sepanjang tahun dan layak mendapat apresiasi tertinggi.',
};

const LURAH_EXPECTATION: NonNullable<Skp['specialExpectations']> = [
  { value: 'BERORIENTASI_PELAYANAN', text: 'Menindaklanjuti setiap pengaduan warga melalui aplikasi WargaKu paling lambat 1×24 jam' },
];

/** In roster order: every rater before the people they rate. */
const ENTRIES: readonly Entry[] = [
  { key: 'camat', name: 'Moch. Ridwan Hakim, S.STP., M.Si.', gender: 'L', unit: 'kec-asemrowo', role: 'camat', rater: 'sekda', head: true },

  // Sekretariat
  { key: 'sekcam', name: 'Endang Sri Rahayu, S.Sos., M.M.', gender: 'P', unit: 'sekretariat', role: 'sekcam', rater: 'camat', head: true },
  { key: 'kasubbag-umum', name: 'Agus Setiawan, S.AP.', gender: 'L', unit: 'subbag-umum', role: 'kasubbag-umum', rater: 'sekcam', head: true },
  {
    key: 'it',
    name: 'Dimas Arya Pratama, S.Kom.',
    gender: 'L',
    unit: 'subbag-umum',
    role: 'pranata-komputer',
    rater: 'kasubbag-umum',
    en: true,
    profile: 'strong',
  },
  { key: 'sdm', name: 'Nurul Fadilah, S.Psi.', gender: 'P', unit: 'subbag-umum', role: 'analis-sdm', rater: 'kasubbag-umum' },
  { key: 'arsiparis', name: 'Sri Wahyuni, A.Md.', gender: 'P', unit: 'subbag-umum', role: 'arsiparis', rater: 'kasubbag-umum' },
  { key: 'bmd', name: 'Slamet Hariyanto', gender: 'L', unit: 'subbag-umum', role: 'pengelola-bmd', rater: 'kasubbag-umum', profile: 'weak' },
  { key: 'perkantoran', name: 'Dewi Kartika Sari', gender: 'P', unit: 'subbag-umum', role: 'pengadministrasi-perkantoran', rater: 'kasubbag-umum', pppk: true },
  {
    key: 'kasubbag-keuangan',
    name: 'Retno Widyastuti, S.E., M.Ak.',
    gender: 'P',
    unit: 'subbag-keuangan',
    role: 'kasubbag-keuangan',
    rater: 'sekcam',
    head: true,
  },
  { key: 'bendahara', name: 'Yuni Purwanti, S.E.', gender: 'P', unit: 'subbag-keuangan', role: 'bendahara', rater: 'kasubbag-keuangan' },
  {
    key: 'perencana',
    name: 'Fajar Nugroho, S.PWK.',
    gender: 'L',
    unit: 'subbag-keuangan',
    role: 'perencana',
    rater: 'kasubbag-keuangan',
    en: true,
    profile: 'strong',
  },
  { key: 'analis-keuangan', name: 'Heru Susanto, S.Ak.', gender: 'L', unit: 'subbag-keuangan', role: 'analis-keuangan', rater: 'kasubbag-keuangan' },
  {
    key: 'adm-keuangan',
    name: 'Anisa Rahmawati, A.Md.Ak.',
    gender: 'P',
    unit: 'subbag-keuangan',
    role: 'pengadministrasi-keuangan',
    rater: 'kasubbag-keuangan',
    pppk: true,
  },

  // Seksi Pemerintahan
  { key: 'kasi-pem', name: 'Teguh Prasetyo, S.H.', gender: 'L', unit: 'seksi-pemerintahan', role: 'kasi-pemerintahan', rater: 'camat', head: true },
  {
    key: 'adminduk',
    name: 'Rina Oktaviani, S.Sos.',
    gender: 'P',
    unit: 'seksi-pemerintahan',
    role: 'pelayanan-kependudukan',
    rater: 'kasi-pem',
    profile: 'strong',
  },
  { key: 'operator-adminduk', name: 'Moh. Holil', gender: 'L', unit: 'seksi-pemerintahan', role: 'operator-kependudukan', rater: 'kasi-pem', pppk: true },
  { key: 'pertanahan', name: 'Arif Kurniawan, S.H.', gender: 'L', unit: 'seksi-pemerintahan', role: 'analis-pertanahan', rater: 'kasi-pem' },
  {
    key: 'pengolah-data',
    name: 'Lestari Handayani, S.Si.',
    gender: 'P',
    unit: 'seksi-pemerintahan',
    role: 'pengolah-data',
    rater: 'kasi-pem',
    bands: ['DI_BAWAH', 'SESUAI'],
    override: {
      rhk: [
        {
          index: 0,
          rating: 'SESUAI',
          reason:
            'Pemutakhiran data RT tertunda karena pemekaran RT di Kelurahan Tambak Sarioso baru ditetapkan Oktober 2026; seluruh RT lama selesai dimutakhirkan dan RT baru dijadwalkan Januari.',
        },
      ],
    },
  },
  {
    key: 'adm-pem',
    name: 'Yudi Hermawan',
    gender: 'L',
    unit: 'seksi-pemerintahan',
    role: 'pengadministrasi-pemerintahan',
    rater: 'kasi-pem',
    pppk: true,
    profile: 'weak',
  },

  // Seksi Ketenteraman dan Ketertiban Umum
  { key: 'kasi-trantib', name: 'Eko Budi Santoso, S.Sos.', gender: 'L', unit: 'seksi-trantib', role: 'kasi-trantib', rater: 'camat', head: true },
  { key: 'satpol-1', name: 'Andik Firmansyah', gender: 'L', unit: 'seksi-trantib', role: 'satpol-patroli', rater: 'kasi-trantib', profile: 'strong' },
  { key: 'satpol-2', name: 'Fathorrahman', gender: 'L', unit: 'seksi-trantib', role: 'satpol-pengamanan', rater: 'kasi-trantib' },
  { key: 'linmas', name: 'Sugeng Widodo', gender: 'L', unit: 'seksi-trantib', role: 'pengelola-trantib', rater: 'kasi-trantib', profile: 'weak' },
  {
    key: 'kebencanaan',
    name: 'Wahyu Ardiansyah, S.T.',
    gender: 'L',
    unit: 'seksi-trantib',
    role: 'analis-kebencanaan',
    rater: 'kasi-trantib',
    override: {
      behaviour: {
        rating: 'DI_ATAS',
        reason:
          'Memimpin evakuasi warga saat kebakaran gudang di Jalan Kalianak (Agustus 2026) dan menyusun SOP kesiapsiagaan yang kini dipakai ketiga kelurahan.',
      },
    },
  },
  { key: 'adm-trantib', name: 'Puji Astuti', gender: 'P', unit: 'seksi-trantib', role: 'pengadministrasi-trantib', rater: 'kasi-trantib', pppk: true },

  // Seksi Kesejahteraan Rakyat
  {
    key: 'kasi-kesra',
    name: 'Ratna Kusumawati, S.K.M., M.Kes.',
    gender: 'P',
    unit: 'seksi-kesra',
    role: 'kasi-kesra',
    rater: 'camat',
    head: true,
    profile: 'strong',
  },
  {
    key: 'kesehatan',
    name: 'Indah Puspitasari, S.K.M.',
    gender: 'P',
    unit: 'seksi-kesra',
    role: 'pengelola-kesehatan',
    rater: 'kasi-kesra',
    profile: 'strong',
    override: LENIENT,
  },
  { key: 'dtks', name: 'Bagus Hartanto, S.Sos.', gender: 'L', unit: 'seksi-kesra', role: 'pengelola-dtks', rater: 'kasi-kesra', override: LENIENT },
  { key: 'psm', name: 'Nur Aini, S.Sos.', gender: 'P', unit: 'seksi-kesra', role: 'penggerak-swadaya', rater: 'kasi-kesra', override: LENIENT },
  {
    key: 'adm-kesra',
    name: 'Abdul Rohim',
    gender: 'L',
    unit: 'seksi-kesra',
    role: 'pengadministrasi-kesra',
    rater: 'kasi-kesra',
    pppk: true,
    override: LENIENT,
  },
  { key: 'penyuluh', name: 'Novita Sari, S.Tr.Sos.', gender: 'P', unit: 'seksi-kesra', role: 'penyuluh-sosial', rater: 'kasi-kesra', override: LENIENT },

  // Seksi Perekonomian dan Pembangunan
  { key: 'kasi-ekbang', name: 'Ir. Joko Purnomo', gender: 'L', unit: 'seksi-ekbang', role: 'kasi-ekbang', rater: 'camat', head: true },
  { key: 'umkm', name: 'Ayu Maharani, S.E.', gender: 'P', unit: 'seksi-ekbang', role: 'pengelola-umkm', rater: 'kasi-ekbang', profile: 'strong' },
  { key: 'sarpras', name: 'Rudi Kuncoro, S.T.', gender: 'L', unit: 'seksi-ekbang', role: 'pengawas-sarpras', rater: 'kasi-ekbang' },
  { key: 'lingkungan', name: 'Dian Permatasari, S.Si.', gender: 'P', unit: 'seksi-ekbang', role: 'pengendali-lingkungan', rater: 'kasi-ekbang' },
  { key: 'adm-ekbang', name: "Imam Syafi'i", gender: 'L', unit: 'seksi-ekbang', role: 'pengadministrasi-pembangunan', rater: 'kasi-ekbang', pppk: true },

  // Kelurahan Asemrowo
  { key: 'lurah-asemrowo', name: 'Hadi Prayitno, S.STP.', gender: 'L', unit: 'kel-asemrowo', role: 'lurah', rater: 'camat', head: true, en: true },
  { key: 'seklur-asemrowo', name: 'Wulan Agustina, S.AP.', gender: 'P', unit: 'kel-asemrowo', role: 'seklur', rater: 'lurah-asemrowo' },
  { key: 'kel1-pelayanan', name: 'Siti Aisyah', gender: 'P', unit: 'kel-asemrowo', role: 'kel-pelayanan', rater: 'seklur-asemrowo', profile: 'strong' },
  { key: 'kel1-pemberdayaan', name: 'Dwi Cahyono', gender: 'L', unit: 'kel-asemrowo', role: 'kel-pemberdayaan', rater: 'seklur-asemrowo' },
  { key: 'kel1-data', name: 'Eka Fitriani, S.Sos.', gender: 'P', unit: 'kel-asemrowo', role: 'kel-data-sosial', rater: 'seklur-asemrowo' },
  { key: 'kel1-administrasi', name: 'Mochamad Sholeh', gender: 'L', unit: 'kel-asemrowo', role: 'kel-administrasi', rater: 'seklur-asemrowo', pppk: true },
  { key: 'kel1-trantib', name: 'Bayu Saputra', gender: 'L', unit: 'kel-asemrowo', role: 'kel-trantib', rater: 'seklur-asemrowo' },
  { key: 'kel1-sarpras', name: 'Hariyanto', gender: 'L', unit: 'kel-asemrowo', role: 'kel-sarpras', rater: 'seklur-asemrowo' },

  // Kelurahan Genting Kalianak
  { key: 'lurah-genting', name: 'Yuliana Dewi, S.Sos., M.AP.', gender: 'P', unit: 'kel-genting-kalianak', role: 'lurah', rater: 'camat', head: true },
  { key: 'seklur-genting', name: 'Prasetyo Adi Nugroho, S.IP.', gender: 'L', unit: 'kel-genting-kalianak', role: 'seklur', rater: 'lurah-genting' },
  {
    key: 'kel2-pelayanan',
    name: 'Fitri Ramadhani, S.E.',
    gender: 'P',
    unit: 'kel-genting-kalianak',
    role: 'kel-pelayanan',
    rater: 'seklur-genting',
    en: true,
    profile: 'strong',
  },
  { key: 'kel2-pemberdayaan', name: 'Adi Gunawan', gender: 'L', unit: 'kel-genting-kalianak', role: 'kel-pemberdayaan', rater: 'seklur-genting' },
  { key: 'kel2-data', name: 'Nurhayati', gender: 'P', unit: 'kel-genting-kalianak', role: 'kel-data-sosial', rater: 'seklur-genting', profile: 'weak' },
  { key: 'kel2-administrasi', name: 'Zainal Arifin', gender: 'L', unit: 'kel-genting-kalianak', role: 'kel-administrasi', rater: 'seklur-genting', pppk: true },
  { key: 'kel2-trantib', name: 'Rizky Maulana', gender: 'L', unit: 'kel-genting-kalianak', role: 'kel-trantib', rater: 'seklur-genting' },

  // Kelurahan Tambak Sarioso
  { key: 'lurah-tambak', name: 'Didik Sulistyo, S.H.', gender: 'L', unit: 'kel-tambak-sarioso', role: 'lurah', rater: 'camat', head: true },
  { key: 'seklur-tambak', name: 'Ani Suryani, S.Sos.', gender: 'P', unit: 'kel-tambak-sarioso', role: 'seklur', rater: 'lurah-tambak' },
  { key: 'kel3-pelayanan', name: 'Mega Lestari', gender: 'P', unit: 'kel-tambak-sarioso', role: 'kel-pelayanan', rater: 'seklur-tambak' },
  { key: 'kel3-pemberdayaan', name: 'Achmad Fauzi', gender: 'L', unit: 'kel-tambak-sarioso', role: 'kel-pemberdayaan', rater: 'seklur-tambak' },
  { key: 'kel3-data', name: 'Yanti Susilowati', gender: 'P', unit: 'kel-tambak-sarioso', role: 'kel-data-sosial', rater: 'seklur-tambak' },
  {
    key: 'kel3-administrasi',
    name: 'Samsul Arifin',
    gender: 'L',
    unit: 'kel-tambak-sarioso',
    role: 'kel-administrasi',
    rater: 'seklur-tambak',
    pppk: true,
    profile: 'weak',
  },
  { key: 'kel3-sarpras', name: 'Heri Purwanto', gender: 'L', unit: 'kel-tambak-sarioso', role: 'kel-sarpras', rater: 'seklur-tambak', profile: 'weak' },

  // Pemerintah Kota Surabaya (external)
  {
    key: 'sekda',
    name: 'Drs. Bambang Suryo Atmodjo, M.Si.',
    gender: 'L',
    unit: 'pemkot-surabaya',
    jabatan: 'Sekretaris Daerah Kota Surabaya',
    rater: 'walikota',
    external: true,
  },
  { key: 'walikota', name: 'Ir. Hendro Wicaksono, M.T.', gender: 'L', unit: 'pemkot-surabaya', jabatan: 'Wali Kota Surabaya', head: true, external: true },
];

// ─── pangkat/golongan ruang (printed on the documents) ────────────────────────────────────────────────

const PNS_RANKS = [
  'Pengatur Muda (II/a)',
  'Pengatur Muda Tk. I (II/b)',
  'Pengatur (II/c)',
  'Pengatur Tk. I (II/d)',
  'Penata Muda (III/a)',
  'Penata Muda Tk. I (III/b)',
  'Penata (III/c)',
  'Penata Tk. I (III/d)',
  'Pembina (IV/a)',
  'Pembina Tk. I (IV/b)',
  'Pembina Utama Muda (IV/c)',
  'Pembina Utama Madya (IV/d)',
] as const;
const PPPK_GRADES = ['V', 'VII', 'IX'] as const;

/**
 * A realistic pangkat/golongan from what the roster says, without the PRNG (so nothing else in the
 * sample moves): the entry rank of the education in the name's titles (SMA II/a, D-III II/c, S1 III/a,
 * S2 III/b), one step per four years since the TMT in the NIP (digits 9–14), capped by the jabatan
 * (staff III/c, Kasi/Kasubbag/Seklur III/d, Lurah/Sekcam IV/a, Camat IV/b); PPPK get their golongan
 * (V, VII, IX). The Wali Kota is elected and has none ("-" on the documents).
 */
function pangkatOf(e: Entry, nip: string): string | undefined {
  if (e.key === 'walikota') return undefined;
  if (e.key === 'sekda') return PNS_RANKS[11];
  const titles = e.name.split(',').slice(1).join(',');
  const master = /\bM\.|\bMM\b|M\.T\./.test(titles);
  const sarjana = master || /\bS\.|\bIr\.|\bDrs\./.test(e.name);
  const diploma = /A\.Md/.test(titles);
  if (e.pppk) return `Golongan ${sarjana ? PPPK_GRADES[2] : diploma ? PPPK_GRADES[1] : PPPK_GRADES[0]} (PPPK)`;
  const start = master ? 5 : sarjana ? 4 : diploma ? 2 : 0;
  const tmtYear = Number(nip.slice(8, 12));
  const cap = e.role === 'camat' ? 9 : e.role === 'sekcam' || e.role === 'lurah' ? 8 : e.head || e.role?.startsWith('seklur') ? 7 : 6;
  return PNS_RANKS[Math.min(cap, start + Math.floor((YEAR - tmtYear) / 4))];
}

export function asemrowoSample(): SampleAgency {
  const rng = mulberry32(ASEMROWO_SEED);
  const nips = new Map<string, number>();
  const emails = new Map<string, number>();
  const unitOf = new Map(UNITS.map((u) => [u.unitId, u]));

  // NIPs first, so raters can be referred to by key whatever the order.
  const nipOf = new Map<string, string>();
  for (const e of ENTRIES) {
    const born: [number, number] = e.external ? [1966, 1972] : e.head ? [1972, 1984] : e.pppk ? [1980, 1996] : [1983, 1998];
    nipOf.set(e.key, makeNip(rng, nips, { born, gender: e.gender, jenis: e.pppk ? 'PPPK' : 'PNS' }));
  }
  const nip = (key: string): string => {
    const n = nipOf.get(key);
    if (!n) throw new Error(`unknown roster key "${key}"`);
    return n;
  };

  const members: RosterMember[] = ENTRIES.map((e): RosterMember => {
    const unit = unitOf.get(e.unit)!;
    const role = e.role ? roleByKey(e.role) : undefined;
    const words = { unit: unit.name, place: unit.place, kec: KEC };
    const employee: SampleEmployee = {
      nip: nip(e.key),
      name: e.name,
      jabatan: role ? role.jabatan.replaceAll('{place}', words.place).replaceAll('{unit}', words.unit) : e.jabatan!,
      unitId: e.unit,
      ...(e.rater ? { raterNip: nip(e.rater) } : {}),
      isUnitHead: e.head === true,
      email: makeEmail(e.name, e.external ? PEMKOT_DOMAIN : DOMAIN, emails),
      locale: e.en ? 'en' : 'id',
      competencies: role ? [...role.competencies] : ['kepemimpinan'],
      jenis: e.pppk ? 'PPPK' : 'PNS',
      ...(pangkatOf(e, nip(e.key)) ? { pangkat: pangkatOf(e, nip(e.key))! } : {}),
      ...(e.external ? { external: true } : {}),
    };
    return {
      employee,
      ...(role ? { role, words } : {}),
      profile: e.profile ?? 'normal',
      ...(e.bands ? { bands: e.bands } : {}),
      ...(e.override ? { override: e.override } : {}),
      ...(e.role === 'lurah' ? { specialExpectations: LURAH_EXPECTATION } : {}),
    };
  });

  const units: SampleUnit[] = UNITS.map((u) => ({
    unitId: u.unitId,
    name: u.name,
    ...(u.parent ? { parentUnitId: u.parent } : {}),
    headNip: nip(u.head),
  }));

  const plans = buildPlans(members, rng, { year: YEAR, evidence: true });

  const shortName = (key: string): string => {
    const name = ENTRIES.find((e) => e.key === key)!.name;
    return name.split(',')[0]!;
  };
  const skm = (unitId: UnitId, count: number, quality: SkmQuality, comments: SampleSkm['comments']): SampleSkm => ({
    unitId,
    responses: skmResponses(rng, count, quality),
    comments,
  });

  return {
    agencyId: 'kec-asemrowo',
    name: `${KEC}, Kota Surabaya`,
    year: YEAR,
    units,
    employees: members.map((m) => m.employee),
    plans,
    skm: [
      skm('kec-asemrowo', 64, 'A', [
        { text: SKM_COMMENTS_GOOD[0] },
        { text: SKM_COMMENTS_GOOD[2] },
        { text: SKM_COMMENTS_BAD[0] },
        { text: skmPraise(shortName('adminduk')), employeeNip: nip('adminduk') },
      ]),
      skm('kel-asemrowo', 52, 'B+', [
        { text: SKM_COMMENTS_GOOD[1] },
        { text: SKM_COMMENTS_BAD[1] },
        { text: skmPraise(shortName('kel1-pelayanan')), employeeNip: nip('kel1-pelayanan') },
      ]),
      skm('kel-genting-kalianak', 45, 'B', [
        { text: SKM_COMMENTS_GOOD[3] },
        { text: SKM_COMMENTS_BAD[2] },
        { text: skmPraise(shortName('kel2-pelayanan')), employeeNip: nip('kel2-pelayanan') },
      ]),
      skm('kel-tambak-sarioso', 38, 'C', [
        { text: SKM_COMMENTS_BAD[3] },
        { text: SKM_COMMENTS_BAD[0] },
        { text: skmComplaint(shortName('kel3-administrasi')), employeeNip: nip('kel3-administrasi') },
        { text: SKM_COMMENT_SCRIPT },
      ]),
    ],
    scenario: {
      returnSkpOf: nip('kel1-trantib'),
      returnEvaluationOf: nip('kel1-pemberdayaan'),
      objection: {
        nip: nip('kel3-administrasi'),
        reason:
          'Target pengagendaan dan pengarsipan surat tidak tercapai karena sejak Juni sampai Agustus 2026 saya ditugaskan Lurah membantu verifikasi data penerima bantuan sosial (surat tugas terlampir). Mohon beban tugas tambahan tersebut dipertimbangkan dalam penilaian.',
        requestedPredikat: 'BAIK',
      },
      lateApproverNip: nip('lurah-genting'),
    },
  };
}
