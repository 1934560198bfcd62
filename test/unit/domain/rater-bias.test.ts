/** Rater-bias analytics: the exact tests, each flag's threshold and minimum team size, as tables of cases. */
import { describe, expect, it } from 'vitest';
import { getPolicy } from '../../../shared/domain/policies';
import { PolicySchema } from '../../../shared/domain/policy';
import {
  analyseRaterBias,
  type BiasKind,
  binomialUpperTail,
  DEFAULT_RATER_BIAS_POLICY,
  type RatedPerson,
  RaterBiasPolicySchema,
} from '../../../shared/domain/rater-bias';
import type { Predikat, Rating } from '../../../shared/domain/ratings';

let seq = 0;
const person = (raterNip: string, predikat: Predikat, extra: Partial<RatedPerson> = {}): RatedPerson => ({
  nip: `19900101201001${String(1000 + seq++).padStart(4, '0')}`,
  raterNip,
  unitId: `unit-${raterNip}`,
  predikat,
  ...extra,
});
const team = (raterNip: string, counts: Partial<Record<Predikat, number>>) =>
  Object.entries(counts).flatMap(([p, n]) => Array.from({ length: n }, () => person(raterNip, p as Predikat)));

/** A realistic agency: four ordinary raters of 10 (8 Baik, 1 Sangat Baik, 1 Butuh Perbaikan each). */
const ordinary = ['R1', 'R2', 'R3', 'R4'].flatMap((r) => team(r, { BAIK: 8, SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 1 }));

const flagsOf = (people: RatedPerson[], rater: string) => analyseRaterBias(people).raters.find((r) => r.raterNip === rater)!;

describe('binomialUpperTail: P(X ≥ k), X ~ Binomial(n, p)', () => {
  it.each([
    [0, 5, 0.3, 1],
    [6, 5, 0.3, 0],
    [5, 5, 0.5, 0.03125],
    [1, 1, 0.25, 0.25],
    [2, 4, 0.5, 11 / 16],
    [3, 3, 0, 0],
    [3, 3, 1, 1],
    [9, 10, 0.1, 10 * 0.1 ** 9 * 0.9 + 0.1 ** 10],
  ])('k=%d n=%d p=%d → %d', (k, n, p, expected) => {
    expect(binomialUpperTail(k, n, p)).toBeCloseTo(expected, 12);
  });
  it('stays a probability for a large team', () => {
    const v = binomialUpperTail(400, 1000, 0.38);
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(0.5);
  });
});

describe('leniency, severity and central tendency against the other raters', () => {
  it.each<[string, Partial<Record<Predikat, number>>, BiasKind[]]>([
    ['everyone Sangat Baik (5 of 5)', { SANGAT_BAIK: 5 }, ['LENIENCY']],
    ['4 of 6 Sangat Baik', { SANGAT_BAIK: 4, BAIK: 2 }, ['LENIENCY']],
    ['2 of 6 Sangat Baik: a gap of 23 points, under 25', { SANGAT_BAIK: 2, BAIK: 4 }, []],
    ['like the others', { SANGAT_BAIK: 1, BAIK: 4, BUTUH_PERBAIKAN: 1 }, []],
    ['4 of 6 Butuh Perbaikan or lower', { BUTUH_PERBAIKAN: 3, KURANG: 1, BAIK: 2 }, ['SEVERITY']],
    ['a team of 4, all Sangat Baik: under the minimum team size, no flag', { SANGAT_BAIK: 4 }, []],
  ])('%s → %j', (_name, counts, expected) => {
    const r = flagsOf([...ordinary, ...team('X', counts)], 'X');
    expect(r.flags).toEqual(expected);
  });

  it('central tendency: everyone Baik is flagged only where the others spread their ratings', () => {
    const spread = ['R1', 'R2', 'R3'].flatMap((r) => team(r, { BAIK: 4, SANGAT_BAIK: 3, BUTUH_PERBAIKAN: 3 }));
    expect(flagsOf([...spread, ...team('X', { BAIK: 12 })], 'X').flags).toEqual(['CENTRAL_TENDENCY']);
    // In an agency that rates 80 % Baik, 12 of 12 Baik is not unusual enough (p = 0.8^12 ≈ 0.07).
    expect(flagsOf([...ordinary, ...team('X', { BAIK: 12 })], 'X').flags).toEqual([]);
  });

  it('reports the statistic, the peers’ share, the p-value and the thresholds of every check', () => {
    const r = flagsOf([...ordinary, ...team('X', { SANGAT_BAIK: 5 })], 'X');
    const leniency = r.checks.find((c) => c.kind === 'LENIENCY')!;
    expect(leniency).toMatchObject({ raised: true, value: 1, reference: 0.1, threshold: { minGap: 0.25, alpha: 0.05, minTeamSize: 5 } });
    expect(leniency.pValue).toBeCloseTo(1e-5, 10);
    expect(leniency.explanation.id).toContain('5 dari 5');
    expect(leniency.explanation.en).toContain('5 of 5');
    expect(r.checks.map((c) => c.kind)).toEqual(['LENIENCY', 'SEVERITY', 'CENTRAL_TENDENCY', 'HALO']);
  });

  it('raises nothing when the peers are too few to compare with', () => {
    const r = flagsOf([...team('R1', { BAIK: 5 }), ...team('X', { SANGAT_BAIK: 6 })], 'X');
    expect(r.flags).toEqual([]);
    expect(r.checks[0]!.notAssessed).toBe('REFERENCE_TOO_SMALL');
  });

  it('a small team is marked TEAM_TOO_SMALL on every check', () => {
    const r = flagsOf([...ordinary, ...team('X', { SANGAT_BAIK: 3 })], 'X');
    expect(r.checks.every((c) => c.notAssessed === 'TEAM_TOO_SMALL' && !c.raised)).toBe(true);
  });

  it('heads of units (results set by the organisation) are left out of the checks', () => {
    const heads = team('X', { BAIK: 8 }).map((p) => ({ ...p, isUnitHead: true }));
    const spread = ['R1', 'R2', 'R3'].flatMap((r) => team(r, { BAIK: 4, SANGAT_BAIK: 3, BUTUH_PERBAIKAN: 3 }));
    const r = flagsOf([...spread, ...heads], 'X');
    expect(r.flags).toEqual([]);
    expect(r.checks[0]!.notAssessed).toBe('TEAM_TOO_SMALL');
    expect(r.distribution.BAIK).toBe(8);
  });

  it('the policy’s thresholds decide: a stricter minimum team size silences the flag', () => {
    const people = [...ordinary, ...team('X', { SANGAT_BAIK: 5 })];
    const strict = { ...DEFAULT_RATER_BIAS_POLICY, minTeamSize: 6 };
    expect(analyseRaterBias(people, { policy: strict }).raters.find((r) => r.raterNip === 'X')!.flags).toEqual([]);
  });
});

describe('halo: results and behaviour moving together beyond the evidence', () => {
  const pair = (r: Rating, b: Rating, pr: Rating, pb: Rating): Partial<RatedPerson> => ({
    results: r,
    behaviour: b,
    proposedResults: pr,
    proposedBehaviour: pb,
  });
  const rated = (rater: string, pairs: Partial<RatedPerson>[]) => pairs.map((x) => person(rater, 'BAIK', x));

  it.each<[string, Partial<RatedPerson>[], boolean]>([
    ['every gap the evidence showed is closed (6 of 6)', Array.from({ length: 6 }, () => pair('DI_ATAS', 'DI_ATAS', 'SESUAI', 'DI_ATAS')), true],
    ['ratings follow the evidence', Array.from({ length: 6 }, () => pair('SESUAI', 'DI_ATAS', 'SESUAI', 'DI_ATAS')), false],
    [
      'two closed, four already agreeing: excess 33 points but p = 0.25',
      [
        ...Array.from({ length: 2 }, () => pair('SESUAI', 'SESUAI', 'DI_ATAS', 'SESUAI')),
        ...Array.from({ length: 4 }, () => pair('SESUAI', 'SESUAI', 'SESUAI', 'SESUAI')),
      ],
      false,
    ],
    ['too few pairs with evidence (4)', Array.from({ length: 4 }, () => pair('DI_ATAS', 'DI_ATAS', 'SESUAI', 'DI_ATAS')), false],
  ])('%s → flagged %s', (_name, pairs, expected) => {
    const people = [...ordinary, ...rated('X', pairs), ...(pairs.length < 5 ? team('X', { BAIK: 1 }) : [])];
    const halo = flagsOf(people, 'X').checks.find((c) => c.kind === 'HALO')!;
    expect(halo.raised).toBe(expected);
  });
});

describe('context: unit, agency and previous cycles', () => {
  it('gives the rater’s distribution beside the unit’s, the agency’s and their own earlier cycles', () => {
    const now = [...ordinary, ...team('X', { SANGAT_BAIK: 5 })];
    const before = [...team('X', { BAIK: 4, SANGAT_BAIK: 1 }), ...team('R1', { BAIK: 3 })];
    const r = analyseRaterBias(now, { previous: [{ cycleId: 'a-2025', year: 2025, people: before }] }).raters.find((x) => x.raterNip === 'X')!;
    expect(r.distribution.SANGAT_BAIK).toBe(5);
    expect(r.unit).toEqual({ size: 5, distribution: expect.objectContaining({ SANGAT_BAIK: 5 }) });
    expect(r.agency.size).toBe(45);
    expect(r.previous).toEqual([{ cycleId: 'a-2025', year: 2025, teamSize: 5, distribution: expect.objectContaining({ BAIK: 4, SANGAT_BAIK: 1 }) }]);
  });

  it('never changes its input (advisory only)', () => {
    const people = [...ordinary, ...team('X', { SANGAT_BAIK: 5 })];
    const copy = structuredClone(people);
    analyseRaterBias(people);
    expect(people).toEqual(copy);
  });
});

describe('policy', () => {
  it('the default thresholds are valid and are the default policy’s', () => {
    expect(RaterBiasPolicySchema.parse(DEFAULT_RATER_BIAS_POLICY)).toEqual(DEFAULT_RATER_BIAS_POLICY);
    const policy = getPolicy('permenpanrb-6-2022/v1');
    expect(PolicySchema.safeParse(policy).success).toBe(true);
    expect(policy.model === 'ekspektasi' && policy.raterBias).toEqual(DEFAULT_RATER_BIAS_POLICY);
  });
});
