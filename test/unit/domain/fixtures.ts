// Builders for domain tests: small, explicit employees whose ratings are easy to read in a table.
import {
  BERAKHLAK,
  type BehaviourFeedback,
  DEFAULT_POLICY_ID,
  type EmployeeEvaluationInput,
  type ExpectationPolicy,
  getPolicy,
  type Rating,
  type Rhk,
  type RhkJenis,
  requireExpectationPolicy,
} from '../../../shared/domain';

export const policy: ExpectationPolicy = requireExpectationPolicy(getPolicy(DEFAULT_POLICY_ID));
export const NIP = '199003122015032004';
export const CYCLE = { start: '2027-01-01', end: '2027-12-31' };

/** Realisation against a target of 100 (higher is better) that yields each proposed rating. */
export const REALISATION_FOR: Record<Rating, number> = { DI_ATAS: 110, SESUAI: 100, DI_BAWAH: 90 };

export function quantitativeRhk(id: string, jenis: RhkJenis = 'utama', extra: Partial<Rhk> = {}): Rhk {
  return {
    id,
    jenis,
    description: `RHK ${id}`,
    parentRhkId: 'atasan-1',
    indicators: [
      { id: `${id}-i1`, description: `Indikator ${id}`, target: { kind: 'quantitative', value: 100, unit: 'dokumen', direction: 'higherIsBetter' } },
    ],
    ...extra,
  };
}

/** One feedback from the rater per value, in BERAKHLAK order. */
export function raterFeedback(ratings: readonly Rating[]): BehaviourFeedback[] {
  return BERAKHLAK.map((v, i) => ({ source: 'rater' as const, value: v.value, rating: ratings[i] ?? 'SESUAI' }));
}

/** An employee whose RHK are proposed at `rhk` ratings (through realisations) and whose rater rates the
 *  seven values as `values`. */
export function employee(
  rhk: readonly { jenis: RhkJenis; rating: Rating }[],
  values: readonly Rating[] = Array(7).fill('SESUAI'),
  extra: Partial<EmployeeEvaluationInput> = {},
): EmployeeEvaluationInput {
  const list = rhk.map((r, i) => quantitativeRhk(`rhk-${i + 1}`, r.jenis));
  return {
    nip: NIP,
    isUnitHead: false,
    skp: { nip: NIP, period: CYCLE, rhk: list },
    realisations: list.map((r, i) => ({ indicatorId: r.indicators[0]!.id, value: REALISATION_FOR[rhk[i]!.rating] })),
    behaviourFeedback: raterFeedback(values),
    ...extra,
  };
}

export const main = (...ratings: Rating[]) => ratings.map((rating) => ({ jenis: 'utama' as const, rating }));
export const additional = (...ratings: Rating[]) => ratings.map((rating) => ({ jenis: 'tambahan' as const, rating }));

/** The README's worked example: an IT officer (pranata komputer) at Kecamatan Asemrowo. */
export const workedExample: EmployeeEvaluationInput = {
  nip: NIP,
  isUnitHead: false,
  skp: {
    nip: NIP,
    period: CYCLE,
    rhk: [
      {
        id: 'rhk-aplikasi',
        jenis: 'utama',
        description: 'Aplikasi layanan kecamatan tersedia dan andal',
        parentRhkId: 'kasi-pelayanan-1',
        competencies: ['layanan-digital', 'pengelolaan-aplikasi'],
        indicators: [
          {
            id: 'uptime',
            description: 'Ketersediaan (uptime) aplikasi layanan',
            target: { kind: 'quantitative', value: 99, unit: '%', direction: 'higherIsBetter' },
          },
          {
            id: 'pemulihan',
            description: 'Rata-rata waktu pemulihan gangguan',
            target: { kind: 'quantitative', value: 4, unit: 'jam', direction: 'lowerIsBetter' },
          },
        ],
      },
      {
        id: 'rhk-permohonan',
        jenis: 'utama',
        description: 'Permohonan layanan daring terverifikasi',
        parentRhkId: 'kasi-pelayanan-2',
        competencies: ['layanan-digital'],
        indicators: [
          {
            id: 'verifikasi',
            description: 'Permohonan daring yang diverifikasi',
            target: { kind: 'quantitative', value: 1200, unit: 'permohonan', direction: 'higherIsBetter' },
          },
        ],
      },
      {
        id: 'rhk-literasi',
        jenis: 'tambahan',
        description: 'Pendampingan literasi digital bagi kader kelurahan',
        parentRhkId: 'kasi-pelayanan-2',
        indicators: [
          {
            id: 'kader',
            description: 'Kader di tiga kelurahan memakai aplikasi pelaporan',
            target: { kind: 'qualitative', expectation: 'Kader Asemrowo, Genting Kalianak dan Tambak Sarioso melapor sendiri lewat aplikasi' },
          },
        ],
      },
    ],
  },
  realisations: [
    { indicatorId: 'uptime', value: 99.5 },
    { indicatorId: 'pemulihan', value: 3 },
    { indicatorId: 'verifikasi', value: 1380 },
    { indicatorId: 'kader', judgement: 'DI_ATAS' },
  ],
  behaviourFeedback: [
    { source: 'rater', value: 'BERORIENTASI_PELAYANAN', rating: 'DI_ATAS' },
    { source: 'rater', value: 'AKUNTABEL', rating: 'SESUAI' },
    { source: 'rater', value: 'KOMPETEN', rating: 'DI_ATAS' },
    { source: 'rater', value: 'HARMONIS', rating: 'SESUAI' },
    { source: 'rater', value: 'LOYAL', rating: 'SESUAI' },
    { source: 'rater', value: 'ADAPTIF', rating: 'DI_ATAS' },
    { source: 'peer', value: 'KOLABORATIF', rating: 'DI_ATAS' },
    { source: 'peer', value: 'KOLABORATIF', rating: 'DI_ATAS' },
    { source: 'subordinate', value: 'KOLABORATIF', rating: 'SESUAI' },
  ],
  citizenEvidence: [{ rating: 'DI_ATAS', comment: 'Dibantu daftar akun layanan daring sampai selesai.' }],
};
