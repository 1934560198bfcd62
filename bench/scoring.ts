/**
 * Scoring throughput: n synthetic employees (seeded, so every run scores the same people) through
 * evaluateEmployee, then the distribution check over units of ~20 and the whole organisation.
 * Employees are generated in batches outside the timed part, so the heap holds one batch at a time, as
 * a streaming scorer's would; the figure is pure domain work (input validation included) on one core.
 *
 *   npx tsx bench/scoring.ts [n]
 */
import { pathToFileURL } from 'node:url';
import {
  BERAKHLAK,
  type BehaviourFeedback,
  checkDistribution,
  DEFAULT_POLICY_ID,
  type EmployeeEvaluationInput,
  evaluateEmployee,
  getPolicy,
  type Predikat,
  type Rating,
  type Rhk,
} from '../shared/domain';

export type ScoringBenchmark = {
  employees: number;
  ms: number;
  perSecond: number;
  units: number;
  evaluateMs: number;
  calibrateMs: number;
};

const UNIT_SIZE = 20;

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same cohort on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Employees first..first+count−1; employee i is the same whatever the batch it is generated in. */
export function syntheticEmployees(first: number, count: number, seed = 20_270_102): { unitId: string; input: EmployeeEvaluationInput }[] {
  return Array.from({ length: count }, (_, k) => syntheticEmployee(first + k, seed));
}

function syntheticEmployee(i: number, seed: number): { unitId: string; input: EmployeeEvaluationInput } {
  const rand = prng(seed ^ Math.imul(i + 1, 0x9e3779b1));
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const rating = (): Rating => {
    const x = rand();
    return x < 0.7 ? 'SESUAI' : x < 0.9 ? 'DI_ATAS' : 'DI_BAWAH';
  };

  const nip = `1985${String(i).padStart(14, '0')}`;
  const isUnitHead = i % UNIT_SIZE === 0;
  const rhk: Rhk[] = [];
  const realisations: EmployeeEvaluationInput['realisations'] = [];
  const mainCount = int(2, 4);
  const rhkCount = mainCount + int(0, 2);
  for (let r = 0; r < rhkCount; r++) {
    const indicators: Rhk['indicators'] = [];
    for (let k = 0, count = int(1, 3); k < count; k++) {
      const id = `${nip}-r${r}-i${k}`;
      const kind = rand();
      if (kind < 0.15) {
        indicators.push({ id, description: 'Kualitas hasil', target: { kind: 'qualitative', expectation: 'Sesuai standar layanan' } });
        realisations.push({ indicatorId: id, judgement: rating() });
      } else {
        const value = int(1, 1000);
        const direction = kind < 0.4 ? 'lowerIsBetter' : 'higherIsBetter';
        indicators.push({ id, description: 'Capaian', target: { kind: 'quantitative', value, unit: 'dokumen', direction } });
        realisations.push({ indicatorId: id, value: Math.round(value * (0.85 + rand() * 0.35) * 100) / 100 });
      }
    }
    rhk.push({
      id: `${nip}-r${r}`,
      jenis: r < mainCount ? 'utama' : 'tambahan',
      description: `Rencana hasil kerja ${r + 1}`,
      ...(isUnitHead ? {} : { parentRhkId: `atasan-${Math.floor(i / UNIT_SIZE)}-r${r % 3}` }),
      indicators,
    });
  }
  const behaviourFeedback: BehaviourFeedback[] = BERAKHLAK.map((v) => ({ source: 'rater', value: v.value, rating: rating() }));
  for (let p = 0; p < 2; p++) behaviourFeedback.push({ source: 'peer', value: BERAKHLAK[int(0, 6)]!.value, rating: rating() });
  const overrides = rand() < 0.05 ? [{ rhkId: rhk[0]!.id, rating: rating(), reason: 'Pertimbangan kondisi lapangan.' }] : undefined;

  const input: EmployeeEvaluationInput = {
    nip,
    isUnitHead,
    skp: { nip, period: { start: '2027-01-01', end: '2027-12-31' }, rhk },
    realisations,
    behaviourFeedback,
    ...(overrides ? { raterRhkRatings: overrides } : {}),
    ...(rand() < 0.02 ? { raterBehaviourRating: { rating: rating(), reason: 'Catatan pembinaan sepanjang tahun.' } } : {}),
    ...(isUnitHead ? { organisationResult: 'BAIK' as const } : {}),
  };
  return { unitId: `unit-${Math.floor(i / UNIT_SIZE)}`, input };
}

export async function benchScoring(n = 100_000): Promise<ScoringBenchmark> {
  const policy = getPolicy(DEFAULT_POLICY_ID);
  const BATCH = 1_000;
  const byUnit = new Map<string, Predikat[]>();
  let evaluateMs = 0;
  for (let first = 0; first < n; first += BATCH) {
    const batch = syntheticEmployees(first, Math.min(BATCH, n - first));
    const start = performance.now();
    for (const { unitId, input } of batch) {
      const { predikat } = evaluateEmployee(input, policy);
      const list = byUnit.get(unitId);
      if (list) list.push(predikat);
      else byUnit.set(unitId, [predikat]);
    }
    evaluateMs += performance.now() - start;
  }
  const evaluated = performance.now();
  const report = checkDistribution(
    [...byUnit].map(([unitId, predikats]) => ({ unitId, predikats })),
    'BAIK',
    policy,
  );
  const end = performance.now();
  if (report.units.length !== byUnit.size) throw new Error('distribution report lost a unit');

  const calibrateMs = end - evaluated;
  const ms = evaluateMs + calibrateMs;
  return {
    employees: n,
    ms: Math.round(ms),
    perSecond: Math.round((n / ms) * 1000),
    units: byUnit.size,
    evaluateMs: Math.round(evaluateMs),
    calibrateMs: Math.round(calibrateMs),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 100_000);
  const r = await benchScoring(n);
  console.log(
    `scoring: ${r.employees.toLocaleString('en')} employees in ${r.ms.toLocaleString('en')} ms ` +
      `(${r.perSecond.toLocaleString('en')}/s; evaluate ${r.evaluateMs} ms, calibrate ${r.units.toLocaleString('en')} units ${r.calibrateMs} ms)`,
  );
}
