import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY_ID,
  DomainError,
  ExpectationPolicySchema,
  getPolicy,
  listPolicies,
  PolicySchema,
  requireExpectationPolicy,
  requireNumericPolicy,
} from '../../../shared/domain';

describe('policy registry', () => {
  it('serves the default PermenPAN-RB 6/2022 policy', () => {
    const p = getPolicy(DEFAULT_POLICY_ID);
    expect(DEFAULT_POLICY_ID).toBe('permenpanrb-6-2022/v1');
    expect(p).toMatchObject({ id: DEFAULT_POLICY_ID, model: 'ekspektasi', effectiveFrom: '2023-01-01' });
    expect(p.legalSource.join(' ')).toMatch(/PermenPAN-RB No\. 6 Tahun 2022/);
  });

  it.each([
    ['permenpanrb-6-2022/v1', 'ekspektasi'],
    ['pp46-2011/v1', 'numerik'],
    ['pp30-2019/v1', 'numerik'],
  ])('%s is a valid, dated, sourced, frozen %s policy', (id, model) => {
    const p = getPolicy(id);
    expect(PolicySchema.parse(p)).toEqual(p);
    expect(p.model).toBe(model);
    expect(p.legalSource.length).toBeGreaterThan(0);
    expect(Object.isFrozen(p)).toBe(true);
    expect(() => {
      (p.cycle as { objectionDays: number }).objectionDays = 30;
    }).toThrow(TypeError);
  });

  it('lists every policy once', () => {
    expect(listPolicies().map((p) => p.id)).toEqual(['permenpanrb-6-2022/v1', 'pp46-2011/v1', 'pp30-2019/v1']);
  });

  it('holds the configurable values of the spec', () => {
    const p = requireExpectationPolicy(getPolicy(DEFAULT_POLICY_ID));
    expect(p.results).toMatchObject({ abovePercent: 110, meetsPercent: 100, mostMoreThanPercent: 50, aFew: { percent: 25, minimum: 1 } });
    expect(p.cycle).toEqual({
      skpApprovalDeadline: { month: 1, day: 31 },
      hrMayDraftSkpAfterWeeks: 2,
      periodicCheck: 'quarterly',
      approvalDays: 14,
      objectionDays: 14,
    });
    expect(Object.keys(p.distribution).sort()).toEqual(['BAIK', 'BUTUH_PERBAIKAN', 'ISTIMEWA', 'KURANG', 'SANGAT_KURANG']);
    expect(p.skm.bands.map((b) => [b.minIkm, b.mutu])).toEqual([
      [88.31, 'A'],
      [76.61, 'B'],
      [65, 'C'],
      [25, 'D'],
    ]);
  });

  it('rejects an unknown id with a typed, bilingual error', () => {
    try {
      getPolicy('permenpanrb-6-2022/v9');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ code: 'POLICY_UNKNOWN', messageId: 'Kebijakan penilaian "permenpanrb-6-2022/v9" tidak dikenal.' });
    }
  });

  it('narrows by model', () => {
    expect(() => requireNumericPolicy(getPolicy(DEFAULT_POLICY_ID))).toThrow(expect.objectContaining({ code: 'POLICY_MODEL_MISMATCH' }));
    expect(() => requireExpectationPolicy(getPolicy('pp30-2019/v1'))).toThrow(expect.objectContaining({ code: 'POLICY_MODEL_MISMATCH' }));
  });

  it('refuses a band whose rules overlap on part of a group (the small-unit check needs them disjoint)', () => {
    const p = requireExpectationPolicy(getPolicy(DEFAULT_POLICY_ID));
    const overlapping = {
      ...p,
      distribution: {
        ...p.distribution,
        BAIK: [
          { predikats: ['BAIK', 'SANGAT_BAIK'], bound: { kind: 'atMostPercent', percent: 80 } },
          { predikats: ['BAIK'], bound: { kind: 'moreThanPercent', percent: 50 } },
        ],
      },
    };
    expect(ExpectationPolicySchema.safeParse(overlapping).success).toBe(false);
  });
});
