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
    [{ kind: 'atMostPercent', percent: 70 }, 1, { max: 1 }],
    [{ kind: 'atMostPercent', percent: 70 }, 2, { max: 1 }],
    [{ kind: 'atMostPercent', percent: 70 }, 3, { max: 2 }],
    [{ kind: 'atMostPercent', percent: 70 }, 4, { max: 2 }],
    [{ kind: 'atMostPercent', percent: 70 }, 10, { max: 7 }],
    [{ kind: 'atMostPercent', percent: 70 }, 11, { max: 7 }],
    [{ kind: 'atMostPercent', percent: 10 }, 8, { max: 1 }], // a positive cap allows one, never bans
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
    const [v] = checkUnit({ BUTUH_PERBAIKAN: 6, SANGAT_BAIK: 2, BAIK: 0 }, 'BUTUH_PERBAIKAN').violations.concat();
    expect(v).toMatchObject({ scope: 'unit', unitId: 'seksi-pelayanan', actual: 2, max: 1 });
    expect(v!.messageId).toBe(
      'Unit seksi-pelayanan: Sangat Baik 2 dari 8 pegawai (25%); untuk organisasi berpredikat Butuh Perbaikan ketentuannya Sangat Baik maksimal 10%, yaitu maksimal 1 orang pada 8 pegawai.',
    );
    expect(v!.messageEn).toBe(
      'Unit seksi-pelayanan: Sangat Baik is 2 of 8 employees (25%); for an organisation rated Butuh Perbaikan the rule is Sangat Baik at most 10%, i.e. at most 1 person(s) of 8.',
    );
  });
});

describe('small units', () => {
  it('a unit of 4 under Baik cannot hold "most Baik" (3) and "at most 70%" (2): those are not applicable, the rest is checked', () => {
    const ok = checkUnit({ BAIK: 3, BUTUH_PERBAIKAN: 1 }, 'BAIK').units[0]!;
    expect(ok.status).toBe('OK');
    expect(inapplicable(ok)).toEqual(['Baik sebagian besar (lebih dari 50%)', 'Baik maksimal 70%']);
    expect(ok.checks.find((c) => c.status === 'NOT_APPLICABLE')!.message.id).toContain('diperiksa pada tingkat organisasi');
    expect(violated(checkUnit({ BAIK: 4 }, 'BAIK').units[0]!)).toEqual(['harus ada minimal 1 orang Butuh Perbaikan atau Kurang (Misconduct)']);
  });

  it.each<[OrgPredikat, number]>([
    ['ISTIMEWA', 2],
    ['ISTIMEWA', 4],
  ])('under %s a unit of %i cannot meet the band at all: NOT_APPLICABLE, not violated', (org, n) => {
    const unit = checkUnit({ BAIK: n }, org).units[0]!;
    expect(unit.status).toBe('NOT_APPLICABLE');
    expect(violated(unit)).toEqual([]);
  });

  it('a unit of 2 under Kurang cannot hold 60% Kurang plus 10% Butuh Perbaikan, but its Sangat Baik cap still applies', () => {
    const unit = checkUnit({ SANGAT_BAIK: 2 }, 'KURANG').units[0]!;
    expect(inapplicable(unit)).toEqual(['Kurang (Misconduct) minimal 60%', 'Butuh Perbaikan minimal 10%']);
    expect(violated(unit)).toEqual(['Sangat Baik maksimal 10%']);
  });

  it('a unit of 1 under Sangat Kurang is still held to "no Sangat Baik"', () => {
    expect(violated(checkUnit({ SANGAT_BAIK: 1 }, 'SANGAT_KURANG').units[0]!)).toEqual(['tidak ada Sangat Baik']);
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

  it('an empty unit is not applicable', () => {
    const unit = checkUnit({}, 'BAIK').units[0]!;
    expect([unit.size, unit.status]).toEqual([0, 'NOT_APPLICABLE']);
  });

  it.each<[OrgPredikat, number[]]>([
    // Unit sizes (1–12) where at least one rule of the band cannot apply.
    ['ISTIMEWA', [2, 4]],
    ['BAIK', [1, 2, 4]],
    ['BUTUH_PERBAIKAN', []],
    ['KURANG', [1, 2]],
    ['SANGAT_KURANG', [1, 2]],
  ])('%s: partly or wholly not applicable at sizes %j', (org, sizes) => {
    const found = Array.from({ length: 12 }, (_, i) => i + 1).filter((n) => inapplicable(checkUnit({ SANGAT_KURANG: n }, org).units[0]!).length > 0);
    expect(found).toEqual(sizes);
  });
});

describe('the whole organisation', () => {
  const units = [
    { unitId: 'sekretariat', predikats: people({ BAIK: 3, BUTUH_PERBAIKAN: 1 }) },
    { unitId: 'seksi-pelayanan', predikats: people({ BAIK: 4 }) },
    { unitId: 'kelurahan-asemrowo', predikats: people({ BAIK: 2, SANGAT_BAIK: 2 }) },
  ];
  const report = checkDistribution(units, 'BAIK', policy);

  it('pools every unit and checks the band on the total', () => {
    expect(report.organisation).toMatchObject({ scope: 'organisation', unitId: ORGANISATION_SCOPE_ID, size: 12 });
    expect(report.organisation.counts).toEqual({ SANGAT_KURANG: 0, KURANG: 0, BUTUH_PERBAIKAN: 1, BAIK: 9, SANGAT_BAIK: 2 });
    // 9 of 12 Baik is 75%: more than 70% (8 people) for the organisation.
    expect(violated(report.organisation)).toEqual(['Baik maksimal 70%']);
  });

  it('lists every violation with its scope', () => {
    expect(report.violations.map((v) => [v.scope, v.unitId, v.rule.id])).toEqual([
      ['unit', 'seksi-pelayanan', 'harus ada minimal 1 orang Butuh Perbaikan atau Kurang (Misconduct)'],
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
