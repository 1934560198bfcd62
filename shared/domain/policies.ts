/**
 * The policy registry: one dated, versioned object per policy, frozen at load (validated by its test).
 * To change a rule for a new year, add a new version (…/v2) rather than editing one a cycle ran under.
 */
import { domainError } from './errors';
import type { CurveRule, ExpectationPolicy, NumericPolicy, Policy } from './policy';
import { DEFAULT_RATER_BIAS_POLICY } from './rater-bias';
import type { OrgPredikat } from './ratings';

export const DEFAULT_POLICY_ID = 'permenpanrb-6-2022/v1';

const skm: Policy['skm'] = {
  // PermenPAN-RB 14/2017, Lampiran: nilai interval konversi IKM → mutu pelayanan → kinerja unit.
  bands: [
    { minIkm: 88.31, mutu: 'A', kinerjaUnit: { id: 'Sangat Baik', en: 'Very good' } },
    { minIkm: 76.61, mutu: 'B', kinerjaUnit: { id: 'Baik', en: 'Good' } },
    { minIkm: 65.0, mutu: 'C', kinerjaUnit: { id: 'Kurang Baik', en: 'Fair' } },
    { minIkm: 25.0, mutu: 'D', kinerjaUnit: { id: 'Tidak Baik', en: 'Poor' } },
  ],
};

const cycle: Policy['cycle'] = {
  skpApprovalDeadline: { month: 1, day: 31 }, // SKP approved by the end of January
  hrMayDraftSkpAfterWeeks: 2, // HR may draft a missing SKP after the 2nd week
  periodicCheck: 'quarterly',
  approvalDays: 14,
  objectionDays: 14, // PP 30/2019 Ps. 59: keberatan within 14 days of receiving the result
};

/** SE MenPAN-RB 3/2023, pola distribusi predikat kinerja pegawai per predikat kinerja organisasi.
 *  The numbers come from one secondary source (spec §3d), hence data, not code. */
const distribution: Record<OrgPredikat, CurveRule[]> = {
  // "sebagian besar (maksimal 70%) … Sangat Baik; pegawai lainnya dapat …"
  ISTIMEWA: [
    { predikats: ['SANGAT_BAIK'], bound: { kind: 'moreThanPercent', percent: 50 } },
    { predikats: ['SANGAT_BAIK'], bound: { kind: 'atMostPercent', percent: 70 } },
  ],
  // "sebagian besar (maksimal 70%) … Baik, harus ada … Butuh Perbaikan dan/atau Kurang"
  BAIK: [
    { predikats: ['BAIK'], bound: { kind: 'moreThanPercent', percent: 50 } },
    { predikats: ['BAIK'], bound: { kind: 'atMostPercent', percent: 70 } },
    { predikats: ['BUTUH_PERBAIKAN', 'KURANG'], bound: { kind: 'atLeastCount', count: 1 } },
  ],
  // "minimal 60% … Butuh Perbaikan; … Sangat Baik (maksimal 10%)"
  BUTUH_PERBAIKAN: [
    { predikats: ['BUTUH_PERBAIKAN'], bound: { kind: 'atLeastPercent', percent: 60 } },
    { predikats: ['SANGAT_BAIK'], bound: { kind: 'atMostPercent', percent: 10 } },
  ],
  // "minimal 60% … Kurang, minimal 10% … Butuh Perbaikan; … Sangat Baik (maksimal 10%)"
  KURANG: [
    { predikats: ['KURANG'], bound: { kind: 'atLeastPercent', percent: 60 } },
    { predikats: ['BUTUH_PERBAIKAN'], bound: { kind: 'atLeastPercent', percent: 10 } },
    { predikats: ['SANGAT_BAIK'], bound: { kind: 'atMostPercent', percent: 10 } },
  ],
  // "minimal 60% … Sangat Kurang, minimal 10% … Kurang dan/atau Butuh Perbaikan; tidak ada … Sangat Baik"
  SANGAT_KURANG: [
    { predikats: ['SANGAT_KURANG'], bound: { kind: 'atLeastPercent', percent: 60 } },
    { predikats: ['KURANG', 'BUTUH_PERBAIKAN'], bound: { kind: 'atLeastPercent', percent: 10 } },
    { predikats: ['SANGAT_BAIK'], bound: { kind: 'atMostPercent', percent: 0 } },
  ],
};

const permenpanrb6v1: ExpectationPolicy = {
  id: DEFAULT_POLICY_ID,
  model: 'ekspektasi',
  title: {
    id: 'Pengelolaan Kinerja Pegawai ASN (PermenPAN-RB 6/2022), versi 1',
    en: 'ASN performance management (PermenPAN-RB 6/2022), version 1',
  },
  effectiveFrom: '2023-01-01', // first year scored with the SE 3/2023 distribution curve
  legalSource: [
    'PermenPAN-RB No. 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai ASN',
    'SE MenPAN-RB No. 20 Tahun 2021 tentang Implementasi Core Values dan Employer Branding ASN (BerAKHLAK)',
    'SE MenPAN-RB No. 3 Tahun 2023 tentang Penetapan Predikat Kinerja Pegawai (pola distribusi; angka dari sumber sekunder)',
    'PP No. 30 Tahun 2019 tentang Penilaian Kinerja PNS (Ps. 57 masa perbaikan, Ps. 59 keberatan)',
    'PermenPAN-RB No. 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat',
  ],
  cycle,
  skm,
  results: {
    abovePercent: 110,
    meetsPercent: 100,
    mostMoreThanPercent: 50,
    aFew: { percent: 25, minimum: 1 },
    additionalRhk: 'countInFavour',
    headOfUnitResult: {
      ISTIMEWA: 'DI_ATAS',
      BAIK: 'SESUAI',
      BUTUH_PERBAIKAN: 'DI_BAWAH',
      KURANG: 'DI_BAWAH',
      SANGAT_KURANG: 'DI_BAWAH',
    },
  },
  behaviour: { raterFirst: true, valueWithoutFeedback: 'SESUAI' },
  distribution,
  // The smallest unit where every percentage of SE 3/2023 (the smallest is 10 %) is a whole person.
  distributionMinUnitSize: 10,
  followUp: {
    consequences: {
      SANGAT_BAIK: ['RECOGNITION', 'TALENT_POOL_CANDIDATE', 'TRAINING_PRIORITY'],
      BAIK: [],
      BUTUH_PERBAIKAN: ['COACHING_PLAN', 'MATCHED_TRAINING'],
      KURANG: ['COUNSELLING', 'DISCIPLINARY_REVIEW'],
      SANGAT_KURANG: ['IMPROVEMENT_PERIOD'],
    },
    improvementPeriodMonths: 6, // PP 30/2019 Ps. 57
    maxTrainingRecommendations: 3,
  },
  raterBias: DEFAULT_RATER_BIAS_POLICY, // rater-bias analytics (advisory; shared/domain/README.md)
};

const pp46v1: NumericPolicy = {
  id: 'pp46-2011/v1',
  model: 'numerik',
  title: { id: 'Penilaian Prestasi Kerja PNS (PP 46/2011), versi 1', en: 'Civil servant work performance (PP 46/2011), version 1' },
  effectiveFrom: '2014-01-01', // PP 46/2011 applied to assessments from 1 January 2014
  legalSource: ['PP No. 46 Tahun 2011 tentang Penilaian Prestasi Kerja PNS', 'Perka BKN No. 1 Tahun 2013 (petunjuk pelaksanaan)'],
  cycle,
  skm,
  legacy: {
    // Nilai prestasi kerja = 60% SKP + 40% perilaku kerja (PP 46/2011).
    weights: { withoutPeerInput: { skp: 0.6, behaviour: 0.4 }, withPeerInput: { skp: 0.6, behaviour: 0.4 } },
    efficiencyThresholdPercent: 24,
    bands: [
      { min: 91, predikat: 'SANGAT_BAIK' },
      { min: 76, predikat: 'BAIK' },
      { min: 61, predikat: 'CUKUP' },
      { min: 51, predikat: 'KURANG' },
    ],
    below: 'BURUK',
  },
};

const pp30v1: NumericPolicy = {
  id: 'pp30-2019/v1',
  model: 'numerik',
  title: { id: 'Penilaian Kinerja PNS (PP 30/2019, model angka), versi 1', en: 'Civil servant performance (PP 30/2019, numeric model), version 1' },
  effectiveFrom: '2021-01-01',
  legalSource: ['PP No. 30 Tahun 2019 tentang Penilaian Kinerja PNS'],
  cycle,
  skm,
  legacy: {
    // 70% SKP + 30% perilaku; 60% + 40% when peers and subordinates rated behaviour.
    weights: { withoutPeerInput: { skp: 0.7, behaviour: 0.3 }, withPeerInput: { skp: 0.6, behaviour: 0.4 } },
    efficiencyThresholdPercent: 24,
    bands: [
      // Sangat Baik needs 110–120 *and* a new idea or way of working that benefits the organisation;
      // without it a score of 110–120 is Baik (whose range, 90–120, overlaps on purpose).
      { min: 110, predikat: 'SANGAT_BAIK', requiresInnovation: true },
      { min: 90, predikat: 'BAIK' },
      { min: 70, predikat: 'CUKUP' },
      { min: 50, predikat: 'KURANG' },
    ],
    below: 'SANGAT_KURANG',
  },
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

// The policies are typed constants, checked against PolicySchema (its refinements: bands, curve, weights)
// by test/unit/domain/policy.test.ts, so a malformed one fails the build, not a cycle. Not parsed again
// here: that cost ~20 ms of every function's init.
const registry: ReadonlyMap<string, Policy> = new Map([permenpanrb6v1, pp46v1, pp30v1].map((p) => [p.id, deepFreeze(p)] as const));

export function getPolicy(id: string): Policy {
  const policy = registry.get(id);
  if (!policy) throw domainError('POLICY_UNKNOWN', { value: id });
  return policy;
}

export function listPolicies(): Policy[] {
  return [...registry.values()];
}

export function requireExpectationPolicy(policy: Policy): ExpectationPolicy {
  if (policy.model !== 'ekspektasi') {
    throw domainError('POLICY_MODEL_MISMATCH', {
      value: policy.id,
      expected: { id: 'PermenPAN-RB 6/2022 (rating ekspektasi)', en: 'PermenPAN-RB 6/2022 (expectation rating)' },
    });
  }
  return policy;
}

export function requireNumericPolicy(policy: Policy): NumericPolicy {
  if (policy.model !== 'numerik') {
    throw domainError('POLICY_MODEL_MISMATCH', {
      value: policy.id,
      expected: { id: 'model angka (PP 46/2011, PP 30/2019)', en: 'numeric (PP 46/2011, PP 30/2019)' },
    });
  }
  return policy;
}
