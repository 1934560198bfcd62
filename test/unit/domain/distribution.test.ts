import { describe, expect, it } from 'vitest';
import {
  boundFor,
  type CountBound,
  checkDistribution,
  DistributionReportSchema,
  ORGANISATION_SCOPE_ID,
  type OrgPredikat,
  type Predikat,
  PredikatSchema,
  type ScopeDistribution,
} from '../../../shared/domain';
import { policy } from './fixtures';

type Counts = Partial<Record<Predikat, number>>;
const people = (counts: Counts): Predikat[] => PredikatSchema.options.flatMap((p) => Array<Predikat>(counts[p] ?? 0).fill(p));
const checkUnit = (counts: Counts, org: OrgPredikat) => checkDistribution([{ unitId: 'seksi-pelayanan', predikats: people(counts) }], org, policy);
const violated = (s: ScopeDistribution) => s.checks.filter((c) => c.status === 'VIOLATED').map((c) => c.rule.id);
const inapplicable = (s: ScopeDistribution) => s.checks.filter((c) => c.status === 'NOT_APPLICABLE').map((c) => c.rule.id);

describe('rounding a percentage to people', () => {
  it.each<[CountBound, number, { min?: number; max?: number }]>([
    [{ kind: 'atLeastPercent', percent: 60 }, 1, { min: 1 }],
    [{ kind: 'atLeastPercent', percent: 60 }, 2, { min: 2 }],
    [{ kind: 'atLeastPercent', percent: 60 }, 3, { min: 2 }],
    [{ kind: 'atLeastPercent', percent: 60 }, 8, { min: 5 }],
    [{ kind: 'atLeastPercent', percent: 60 }, 10, { min: 6 }],
    [{ kind: 'atLeastPercent', percent: 60 }, 11, { min: 7 }],
    [{ kind: 'atLeastPercent', percent: 10 }, 1, { min: 1 }],
    [{ kind: 'atLeastPercent', percent: 10 }, 8, { min: 1 }], // 0.8 people → 1
    [{ kind: 'atLeastPercent', percent: 10 }, 10, { min: 1 }],
    [{ kind: 'atLeastPercent', percent: 10 }, 11, { min: 2 }],
    [{ kind: 'atLeastPercent', percent: 10 }, 20, { min: 2 }],
    [{ kind: 'moreThanPercent', percent: 50 }, 1, { min: 1 }],
    [{ kind: 'moreThanPercent', percent: 50 }, 2, { min: 2 }],
    [{ kind: 'moreThanPercent', percent: 50 }, 3, { min: 2 }],
    [{ kind: 'moreThanPercent', percent: 50 }, 4, { min: 3 }],
    [{ kind: 'moreThanPercent', percent: 50 }, 7, { min: 4 }],
    [{ kind: 'moreThanPercent', percent: 50 }, 10, { min: 6 }],
    [{ kind: 'atMostPercent', percent: 70 }, 1, { max: 0 }],
    [{ kind: 'atMostPercent', percent: 70 }, 2, { max: 1 }],
    [{ kind: 'atMostPercent', percent: 70 }, 3, { max: 2 }],
    [{ kind: 'atMostPercent', percent: 70 }, 4, { max: 2 }],
    [{ kind: 'atMostPercent', percent: 70 }, 10, { max: 7 }],
    [{ kind: 'atMostPercent', percent: 70 }, 11, { max: 7 }],
    [{ kind: 'atMostPercent', percent: 10 }, 8, { max: 0 }], // as written; units this small are not checked alone
    [{ kind: 'atMostPercent', percent: 10 }, 3, { max: 0 }], // never "at least one" = 33 % of 3
    [{ kind: 'atMostPercent', percent: 10 }, 10, { max: 1 }],
    [{ kind: 'atMostPercent', percent: 10 }, 19, { max: 1 }],
    [{ kind: 'atMostPercent', percent: 10 }, 20, { max: 2 }],
    [{ kind: 'atMostPercent', percent: 0 }, 50, { max: 0 }],
    [{ kind: 'atLeastCount', count: 1 }, 3, { min: 1 }],
  ])('%j of %i people → %j', (bound, n, expected) => {
    expect(boundFor(bound, n)).toEqual(expected);
  });
});

describe('band edges on a unit of 10 (SE MenPAN-RB 3/2023)', () => {
  it.each<[OrgPredikat, Counts, string[]]>([
    // Istimewa: Sangat Baik more than half (≥ 6), at most 70% (≤ 7)
    ['ISTIMEWA', { SANGAT_BAIK: 5, BAIK: 5 }, ['Sangat Baik sebagian besar (lebih dari 50%)']],
    ['ISTIMEWA', { SANGAT_BAIK: 6, BAIK: 4 }, []],
    ['ISTIMEWA', { SANGAT_BAIK: 7, SANGAT_KURANG: 3 }, []],
    ['ISTIMEWA', { SANGAT_BAIK: 8, BAIK: 2 }, ['Sangat Baik maksimal 70%']],
    // Baik: Baik ≥ 6 and ≤ 7; at least one Butuh Perbaikan or Kurang
    ['BAIK', { BAIK: 5, SANGAT_BAIK: 4, KURANG: 1 }, ['Baik sebagian besar (lebih dari 50%)']],
    ['BAIK', { BAIK: 6, SANGAT_BAIK: 3, BUTUH_PERBAIKAN: 1 }, []],
    ['BAIK', { BAIK: 7, SANGAT_KURANG: 2, KURANG: 1 }, []],
    ['BAIK', { BAIK: 8, BUTUH_PERBAIKAN: 2 }, ['Baik maksimal 70%']],
    ['BAIK', { BAIK: 7, SANGAT_BAIK: 3 }, ['harus ada minimal 1 orang Butuh Perbaikan atau Kurang (Misconduct)']],
    // Butuh Perbaikan: ≥ 60% Butuh Perbaikan; Sangat Baik ≤ 10%
    ['BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 6, BAIK: 4 }, []],
    ['BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 5, BAIK: 5 }, ['Butuh Perbaikan minimal 60%']],
    ['BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 8, SANGAT_BAIK: 1, BAIK: 1 }, []],
    ['BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 8, SANGAT_BAIK: 2 }, ['Sangat Baik maksimal 10%']],
    // Kurang: ≥ 60% Kurang; ≥ 10% Butuh Perbaikan; Sangat Baik ≤ 10%
    ['KURANG', { KURANG: 6, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 1, BAIK: 2 }, []],
    ['KURANG', { KURANG: 5, BUTUH_PERBAIKAN: 1, BAIK: 4 }, ['Kurang (Misconduct) minimal 60%']],
    ['KURANG', { KURANG: 9, BAIK: 1 }, ['Butuh Perbaikan minimal 10%']],
    ['KURANG', { KURANG: 6, BUTUH_PERBAIKAN: 2, SANGAT_BAIK: 2 }, ['Sangat Baik maksimal 10%']],
    // Sangat Kurang: ≥ 60% Sangat Kurang; ≥ 10% Kurang or Butuh Perbaikan; no Sangat Baik
    ['SANGAT_KURANG', { SANGAT_KURANG: 6, KURANG: 1, BAIK: 3 }, []],
    ['SANGAT_KURANG', { SANGAT_KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 3 }, []],
    ['SANGAT_KURANG', { SANGAT_KURANG: 5, KURANG: 5 }, ['Sangat Kurang minimal 60%']],
    ['SANGAT_KURANG', { SANGAT_KURANG: 9, BAIK: 1 }, ['Kurang (Misconduct) atau Butuh Perbaikan minimal 10%']],
    ['SANGAT_KURANG', { SANGAT_KURANG: 8, KURANG: 1, SANGAT_BAIK: 1 }, ['tidak ada Sangat Baik']],
  ])('organisation %s, unit %j → violations %j', (org, counts, expected) => {
    const report = checkUnit(counts, org);
    expect(violated(report.units[0]!)).toEqual(expected);
    expect(report.units[0]!.status).toBe(expected.length ? 'VIOLATIONS' : 'OK');
    expect(inapplicable(report.units[0]!)).toEqual([]);
  });

  it('says what is wrong in words HR reads, in both languages', () => {
    const [v] = checkUnit({ BUTUH_PERBAIKAN: 8, SANGAT_BAIK: 2, BAIK: 0 }, 'BUTUH_PERBAIKAN').violations.concat();
    expect(v).toMatchObject({ scope: 'unit', unitId: 'seksi-pelayanan', actual: 2, max: 1 });
    expect(v!.messageId).toBe(
      'Unit seksi-pelayanan: Sangat Baik 2 dari 10 pegawai (20%); untuk organisasi berpredikat Butuh Perbaikan ketentuannya Sangat Baik maksimal 10%, yaitu maksimal 1 orang pada 10 pegawai.',
    );
    expect(v!.messageEn).toBe(
      'Unit seksi-pelayanan: Sangat Baik is 2 of 10 employees (20%); for an organisation rated Butuh Perbaikan the rule is Sangat Baik at most 10%, i.e. at most 1 person(s) of 10.',
    );
  });
});

const ORGS: OrgPredikat[] = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

/** What a unit of n allows or requires under each organisation predikat: the table in shared/domain/README.md. */
const TABLE: Record<OrgPredikat, string> = {
  ISTIMEWA: 'SB ≥ 6; SB ≤ 7',
  BAIK: 'B ≥ 6; B ≤ 7; BP+K ≥ 1',
  BUTUH_PERBAIKAN: 'BP ≥ 6; SB ≤ 1',
  KURANG: 'K ≥ 6; BP ≥ 1; SB ≤ 1',
  SANGAT_KURANG: 'SK ≥ 6; K+BP ≥ 1; SB ≤ 0',
};
const SHORT: Record<Predikat, string> = { SANGAT_BAIK: 'SB', BAIK: 'B', BUTUH_PERBAIKAN: 'BP', KURANG: 'K', SANGAT_KURANG: 'SK' };
const summary = (s: ScopeDistribution) =>
  s.status === 'NOT_APPLICABLE'
    ? 'not checked alone'
    : s.checks.map((c) => `${c.predikats.map((p) => SHORT[p]).join('+')} ${c.min !== undefined ? `≥ ${c.min}` : `≤ ${c.max}`}`).join('; ');

describe('units too small for a percentage (fewer than the policy minimum, 10)', () => {
  it('the minimum is a policy value: 10, the smallest unit where 10 % is one whole person', () => {
    expect(policy.distributionMinUnitSize).toBe(10);
  });

  const sizes = Array.from({ length: 10 }, (_, i) => i + 1);
  it.each(ORGS.flatMap((org) => sizes.map((n) => [org, n] as const)))('under %s, a unit of %i: as in the README table', (org, n) => {
    // The same answer whatever the unit holds: the size alone decides whether the unit is checked alone.
    for (const p of PredikatSchema.options) {
      const unit = checkUnit({ [p]: n }, org).units[0]!;
      expect(summary(unit)).toBe(n < 10 ? 'not checked alone' : TABLE[org]);
      if (n < 10) {
        expect(unit.status).toBe('NOT_APPLICABLE');
        expect(unit.checks.every((c) => c.status === 'NOT_APPLICABLE')).toBe(true);
        expect(unit.checks[0]!.message.id).toContain('(unit terlalu kecil untuk persentase, kurang dari 10 pegawai); diperiksa pada tingkat organisasi');
      }
    }
  });

  it.each(ORGS)('under %s, units of 1, 2 and 3 are treated alike: never flagged on their own, whatever they hold', (org) => {
    for (const n of [1, 2, 3])
      for (const p of PredikatSchema.options) {
        const report = checkUnit({ [p]: n }, org);
        expect(report.units[0]!.status).toBe('NOT_APPLICABLE');
        expect(report.violations.filter((v) => v.scope === 'unit')).toEqual([]);
      }
  });

  it('the cases in issue #16: Istimewa with 1 Baik, 2 Baik, 3 Sangat Baik; Butuh Perbaikan with 1 Sangat Baik of 3', () => {
    for (const [org, counts] of [
      ['ISTIMEWA', { BAIK: 1 }],
      ['ISTIMEWA', { BAIK: 2 }],
      ['ISTIMEWA', { SANGAT_BAIK: 3 }],
      ['BUTUH_PERBAIKAN', { SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 2 }],
    ] as const)
      expect(checkUnit(counts, org).units[0]!.status).toBe('NOT_APPLICABLE');
  });

  it.each(ORGS)('under %s, a unit of 20 (the README row "for scale")', (org) => {
    const row: Record<OrgPredikat, string> = {
      ISTIMEWA: 'SB ≥ 11; SB ≤ 14',
      BAIK: 'B ≥ 11; B ≤ 14; BP+K ≥ 1',
      BUTUH_PERBAIKAN: 'BP ≥ 12; SB ≤ 2',
      KURANG: 'K ≥ 12; BP ≥ 2; SB ≤ 2',
      SANGAT_KURANG: 'SK ≥ 12; K+BP ≥ 2; SB ≤ 0',
    };
    expect(summary(checkUnit({ BAIK: 20 }, org).units[0]!)).toBe(row[org]);
  });

  it('a cap never allows more than its percentage, at any size from 10 up', () => {
    for (let n = 10; n <= 200; n++)
      for (const org of ORGS)
        for (const rule of policy.distribution[org]) {
          if (rule.bound.kind !== 'atMostPercent') continue;
          const { max } = boundFor(rule.bound, n);
          expect((max! * 100) / n).toBeLessThanOrEqual(rule.bound.percent);
          // …and it is the largest count that stays within it.
          expect(((max! + 1) * 100) / n).toBeGreaterThan(rule.bound.percent);
        }
  });

  it('from 10 people up every rule of every default band applies (none is impossible at that size)', () => {
    for (let n = 10; n <= 60; n++) for (const org of ORGS) expect(inapplicable(checkUnit({ SANGAT_KURANG: n }, org).units[0]!)).toEqual([]);
  });

  it('small units still count in the organisation, where the rules apply to the total', () => {
    const units = Array.from({ length: 4 }, (_, i) => ({ unitId: `u${i}`, predikats: people({ SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 2 }) }));
    const report = checkDistribution(units, 'BUTUH_PERBAIKAN', policy);
    expect(report.units.every((u) => u.status === 'NOT_APPLICABLE')).toBe(true);
    // 4 of 12 Sangat Baik is 33 %: the organisation's cap (1 of 12) is violated.
    expect(report.violations.map((v) => [v.scope, v.rule.id, v.actual, v.max])).toEqual([['organisation', 'Sangat Baik maksimal 10%', 4, 1]]);
  });

  it('an organisation below the minimum has no level above it and is not flagged', () => {
    const report = checkUnit({ SANGAT_BAIK: 3 }, 'ISTIMEWA');
    expect(report.organisation.status).toBe('NOT_APPLICABLE');
    expect(report.ok).toBe(true);
  });
});

describe('units large enough that a band cannot hold (custom policies)', () => {
  it('a unit of 10 under a band whose rules on one group conflict: those are not applicable, the rest is checked', () => {
    const conflicting = {
      ...policy,
      distribution: {
        ...policy.distribution,
        BAIK: [
          { predikats: ['BAIK'], bound: { kind: 'atLeastPercent', percent: 80 } },
          { predikats: ['BAIK'], bound: { kind: 'atMostPercent', percent: 70 } },
          { predikats: ['BUTUH_PERBAIKAN', 'KURANG'], bound: { kind: 'atLeastCount', count: 1 } },
        ],
      },
    } satisfies typeof policy;
    const unit = checkDistribution([{ unitId: 'u', predikats: people({ BAIK: 10 }) }], 'BAIK', conflicting).units[0]!;
    expect(inapplicable(unit)).toEqual(['Baik minimal 80%', 'Baik maksimal 70%']);
    expect(unit.checks.find((c) => c.status === 'NOT_APPLICABLE')!.message.id).toContain('diperiksa pada tingkat organisasi');
    expect(violated(unit)).toEqual(['harus ada minimal 1 orang Butuh Perbaikan atau Kurang (Misconduct)']);
  });

  it('caps that together leave no room for everyone are not applicable (a band covering every predikat)', () => {
    const tight = {
      ...policy,
      distribution: {
        ...policy.distribution,
        BAIK: [
          { predikats: ['SANGAT_BAIK', 'BAIK'], bound: { kind: 'atMostPercent', percent: 50 } },
          { predikats: ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'], bound: { kind: 'atMostPercent', percent: 40 } },
        ],
      },
    } satisfies typeof policy;
    const unit = checkDistribution([{ unitId: 'u', predikats: people({ BAIK: 10 }) }], 'BAIK', tight).units[0]!;
    expect(unit.status).toBe('NOT_APPLICABLE');
    expect(unit.checks[0]!.message.en).toContain('the maximums together leave no room for every employee');
  });

  it('minimums that add up to more than the unit are not applicable', () => {
    const heavy = {
      ...policy,
      distribution: {
        ...policy.distribution,
        KURANG: [
          { predikats: ['KURANG'], bound: { kind: 'atLeastPercent', percent: 60 } },
          { predikats: ['BUTUH_PERBAIKAN'], bound: { kind: 'atLeastPercent', percent: 50 } },
        ],
      },
    } satisfies typeof policy;
    const unit = checkDistribution([{ unitId: 'u', predikats: people({ KURANG: 10 }) }], 'KURANG', heavy).units[0]!;
    expect(unit.checks[0]!.message.en).toContain('the minimums together exceed the number of employees');
  });

  it('an empty unit is not applicable', () => {
    const unit = checkUnit({}, 'BAIK').units[0]!;
    expect([unit.size, unit.status]).toEqual([0, 'NOT_APPLICABLE']);
  });
});

describe('the whole organisation', () => {
  const units = [
    { unitId: 'sekretariat', predikats: people({ BAIK: 3, BUTUH_PERBAIKAN: 1 }) },
    { unitId: 'seksi-pelayanan', predikats: people({ BAIK: 10 }) },
    { unitId: 'kelurahan-asemrowo', predikats: people({ BAIK: 8, SANGAT_BAIK: 2 }) },
  ];
  const report = checkDistribution(units, 'BAIK', policy);

  it('pools every unit and checks the band on the total', () => {
    expect(report.organisation).toMatchObject({ scope: 'organisation', unitId: ORGANISATION_SCOPE_ID, size: 24 });
    expect(report.organisation.counts).toEqual({ SANGAT_KURANG: 0, KURANG: 0, BUTUH_PERBAIKAN: 1, BAIK: 21, SANGAT_BAIK: 2 });
    // 21 of 24 Baik is 87.5%: more than 70% (16 people) for the organisation; the unit of 4 is not checked alone.
    expect(violated(report.organisation)).toEqual(['Baik maksimal 70%']);
  });

  it('lists every violation with its scope', () => {
    expect(report.violations.map((v) => [v.scope, v.unitId, v.rule.id])).toEqual([
      ['unit', 'seksi-pelayanan', 'Baik maksimal 70%'],
      ['unit', 'seksi-pelayanan', 'harus ada minimal 1 orang Butuh Perbaikan atau Kurang (Misconduct)'],
      ['unit', 'kelurahan-asemrowo', 'Baik maksimal 70%'],
      ['unit', 'kelurahan-asemrowo', 'harus ada minimal 1 orang Butuh Perbaikan atau Kurang (Misconduct)'],
      ['organisation', ORGANISATION_SCOPE_ID, 'Baik maksimal 70%'],
    ]);
    expect(report.ok).toBe(false);
    expect(report.policyId).toBe(policy.id);
    expect(DistributionReportSchema.parse(report)).toEqual(report);
  });

  it('never changes a predikat', () => {
    const frozen = units.map((u) => Object.freeze({ ...u, predikats: Object.freeze([...u.predikats]) }));
    expect(() => checkDistribution(frozen, 'BAIK', policy)).not.toThrow();
    expect(frozen.map((u) => u.predikats)).toEqual(units.map((u) => u.predikats));
  });

  it('rejects a unit listed twice', () => {
    expect(() => checkDistribution([units[0]!, units[0]!], 'BAIK', policy)).toThrow(expect.objectContaining({ code: 'DISTRIBUTION_DUPLICATE_UNIT' }));
  });
});
