import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DomainError,
  DomainValidationError,
  type EmployeeEvaluationInput,
  EmployeeEvaluationSchema,
  evaluateEmployee,
  getPolicy,
  type OrgPredikat,
  OrgPredikatSchema,
  type Predikat,
  predikatRank,
  type Rating,
  RatingSchema,
  ratingRank,
} from '../../../shared/domain';
import { additional, employee, main, policy, workedExample } from './fixtures';

describe('evaluateEmployee: the worked example', () => {
  const ev = evaluateEmployee(workedExample, policy);

  it('computes achievement per indicator and the lowest per RHK', () => {
    expect(ev.rhk.map((r) => [r.rhkId, r.indicators.map((i) => i.achievement), r.achievement, r.proposed])).toEqual([
      ['rhk-aplikasi', [100.51, 125], 100.51, 'SESUAI'],
      ['rhk-permohonan', [115], 115, 'DI_ATAS'],
      ['rhk-literasi', [null], null, 'DI_ATAS'],
    ]);
  });

  it('counts the additional RHK above in favour: 2 of 3 above, no main below → Di Atas', () => {
    expect(ev.results).toEqual({
      basis: 'rules',
      summary: { rating: 'DI_ATAS', clause: 'MOST_ABOVE', mainCount: 2, mainBelow: 0, aFew: 1, above: { count: 2, of: 3 }, meetOrAbove: { count: 3, of: 3 } },
    });
  });

  it('rates behaviour Di Atas (4 of 7 values above) and gives Sangat Baik', () => {
    expect(ev.behaviour.perValue.map((v) => [v.value, v.rating, v.basis])).toEqual([
      ['BERORIENTASI_PELAYANAN', 'DI_ATAS', 'rater'],
      ['AKUNTABEL', 'SESUAI', 'rater'],
      ['KOMPETEN', 'DI_ATAS', 'rater'],
      ['HARMONIS', 'SESUAI', 'rater'],
      ['LOYAL', 'SESUAI', 'rater'],
      ['ADAPTIF', 'DI_ATAS', 'rater'],
      ['KOLABORATIF', 'DI_ATAS', 'feedback'],
    ]);
    expect(ev.behaviour).toMatchObject({ proposed: 'DI_ATAS', final: 'DI_ATAS' });
    expect(ev.predikat).toBe('SANGAT_BAIK');
    expect(ev.weaknesses).toEqual({ rhkIds: [], values: [] });
  });

  it('records the policy it ran under and matches its own output schema', () => {
    expect(ev.policyId).toBe('permenpanrb-6-2022/v1');
    expect(EmployeeEvaluationSchema.parse(ev)).toEqual(ev);
  });

  it('gives Baik under a main-only policy, where the additional RHK does not count', () => {
    const mainOnly = { ...policy, id: 'test-main-only/v1', results: { ...policy.results, additionalRhk: 'mainOnly' as const } };
    const other = evaluateEmployee(workedExample, mainOnly);
    expect([other.resultsRating, other.predikat, other.policyId]).toEqual(['SESUAI', 'BAIK', 'test-main-only/v1']);
  });
});

describe('rater overrides', () => {
  const base = employee(main('SESUAI', 'SESUAI'));

  it('accepts an RHK override with a reason and records it', () => {
    const ev = evaluateEmployee({ ...base, raterRhkRatings: [{ rhkId: 'rhk-1', rating: 'DI_ATAS', reason: '  Target dinaikkan di tengah tahun.  ' }] }, policy);
    expect(ev.rhk[0]).toMatchObject({ proposed: 'SESUAI', final: 'DI_ATAS', overrideReason: 'Target dinaikkan di tengah tahun.' });
  });

  it('accepts a rating equal to the proposal without a reason', () => {
    const ev = evaluateEmployee({ ...base, raterRhkRatings: [{ rhkId: 'rhk-1', rating: 'SESUAI' }] }, policy);
    expect(ev.rhk[0]).not.toHaveProperty('overrideReason');
  });

  it.each<[string, Partial<EmployeeEvaluationInput>, string]>([
    ['an RHK override without reason', { raterRhkRatings: [{ rhkId: 'rhk-2', rating: 'DI_BAWAH' }] }, 'raterRhkRatings.0.reason'],
    ['an RHK override with a blank reason', { raterRhkRatings: [{ rhkId: 'rhk-1', rating: 'DI_ATAS', reason: '   ' }] }, 'raterRhkRatings.0.reason'],
    ['a behaviour override without reason', { raterBehaviourRating: { rating: 'DI_ATAS' } }, 'raterBehaviourRating.reason'],
    ['a behaviour override with an empty reason', { raterBehaviourRating: { rating: 'DI_BAWAH', reason: '' } }, 'raterBehaviourRating.reason'],
  ])('rejects %s, saying why in both languages', (_, extra, field) => {
    const run = () => evaluateEmployee({ ...base, ...extra }, policy);
    expect(run).toThrow(DomainValidationError);
    const err = catchError(run) as DomainValidationError;
    expect(err.errors).toHaveLength(1);
    expect(err.errors[0]).toMatchObject({ code: 'OVERRIDE_REASON_REQUIRED', field });
    expect(err.errors[0]!.messageId).toMatch(/alasan tertulis wajib diisi/);
    expect(err.errors[0]!.messageEn).toMatch(/written reason is required/);
  });
});

describe('heads of units take the organisation result', () => {
  it.each<[OrgPredikat, Rating]>([
    ['ISTIMEWA', 'DI_ATAS'],
    ['BAIK', 'SESUAI'],
    ['BUTUH_PERBAIKAN', 'DI_BAWAH'],
    ['KURANG', 'DI_BAWAH'],
    ['SANGAT_KURANG', 'DI_BAWAH'],
  ])('organisation %s → results %s, whatever their own RHK say', (org, expected) => {
    const head = employee(main('DI_BAWAH'), undefined, { isUnitHead: true, organisationResult: org });
    const ev = evaluateEmployee(head, policy);
    expect(ev.results).toEqual({ basis: 'organisation', organisationResult: org });
    expect(ev.resultsRating).toBe(expected);
  });

  it('needs the organisation result', () => {
    expect(catchError(() => evaluateEmployee(employee(main('SESUAI'), undefined, { isUnitHead: true }), policy))).toMatchObject({
      errors: [expect.objectContaining({ code: 'ORGANISATION_RESULT_REQUIRED' })],
    });
  });

  it('is exempt from linking RHK to a superior', () => {
    const head = employee(main('SESUAI'), undefined, { isUnitHead: true, organisationResult: 'BAIK' });
    delete head.skp.rhk[0]!.parentRhkId;
    expect(evaluateEmployee(head, policy).predikat).toBe('BAIK');
  });
});

describe('input errors are typed, located and bilingual', () => {
  const base = employee(main('SESUAI', 'SESUAI'));
  it.each<[string, EmployeeEvaluationInput, string, string]>([
    ['a missing realisation', { ...base, realisations: base.realisations.slice(1) }, 'REALISATION_MISSING', 'RHK ke-1, indikator ke-1'],
    [
      'a realisation for an unknown indicator',
      { ...base, realisations: [...base.realisations, { indicatorId: 'x', value: 1 }] },
      'REALISATION_UNKNOWN_INDICATOR',
      'realisasi ke-3',
    ],
    ['two realisations for one indicator', { ...base, realisations: [...base.realisations, base.realisations[0]!] }, 'DUPLICATE_ENTRY', 'RHK ke-1'],
    [
      'a judgement for a quantitative indicator',
      { ...base, realisations: [{ indicatorId: 'rhk-1-i1', judgement: 'SESUAI' }, base.realisations[1]!] },
      'REALISATION_KIND_MISMATCH',
      'kuantitatif',
    ],
    ['a rating for an unknown RHK', { ...base, raterRhkRatings: [{ rhkId: 'nope', rating: 'SESUAI' }] }, 'RATING_UNKNOWN_RHK', 'nope'],
    [
      'two rater ratings of one value',
      { ...base, behaviourFeedback: [...base.behaviourFeedback, { source: 'rater', value: 'LOYAL', rating: 'DI_ATAS' }] },
      'DUPLICATE_ENTRY',
      'Loyal',
    ],
    [
      'an RHK not linked to the superior',
      { ...base, skp: { ...base.skp, rhk: [{ ...base.skp.rhk[0]!, parentRhkId: undefined }, base.skp.rhk[1]!] } },
      'RHK_PARENT_REQUIRED',
      'RHK atasan',
    ],
    [
      'a zero target',
      {
        ...base,
        skp: {
          ...base.skp,
          rhk: [
            {
              ...base.skp.rhk[0]!,
              indicators: [{ id: 'rhk-1-i1', description: 'x', target: { kind: 'quantitative', value: 0, unit: 'x', direction: 'higherIsBetter' } }],
            },
            base.skp.rhk[1]!,
          ],
        },
      },
      'NUMBER_TOO_SMALL',
      'lebih besar dari 0',
    ],
    [
      'a negative realisation',
      { ...base, realisations: [{ indicatorId: 'rhk-1-i1', value: -1 }, base.realisations[1]!] },
      'NUMBER_TOO_SMALL',
      'realisasi ke-1',
    ],
    ['an SKP of someone else', { ...base, skp: { ...base.skp, nip: '198001012005011001' } }, 'SKP_NIP_MISMATCH', 'NIP'],
  ])('%s', (_, input, code, idText) => {
    const err = catchError(() => evaluateEmployee(input, policy));
    expect(err).toBeInstanceOf(DomainValidationError);
    const found = (err as DomainValidationError).errors.find((e) => e.code === code);
    expect(found, JSON.stringify((err as DomainValidationError).errors)).toBeDefined();
    expect(found!.messageId).toContain(idText);
    expect(found!.messageEn.length).toBeGreaterThan(10);
  });

  it('refuses a legacy numeric policy', () => {
    expect(catchError(() => evaluateEmployee(base, getPolicy('pp46-2011/v1')))).toMatchObject({ code: 'POLICY_MODEL_MISMATCH' });
  });

  it('is a DomainError with code, Indonesian and English text', () => {
    const err = catchError(() => evaluateEmployee({ ...base, nip: '123' }, policy)) as DomainValidationError;
    expect(err).toBeInstanceOf(DomainError);
    expect(err.toJSON()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(err.errors[0]).toMatchObject({ code: 'NIP_FORMAT', field: 'nip', messageId: 'NIP: harus 18 digit angka.', messageEn: 'NIP: must be 18 digits.' });
  });
});

describe('improving one rating never lowers the predikat (end to end)', () => {
  const rating = fc.constantFrom(...RatingSchema.options);
  const up = (r: Rating): Rating => RatingSchema.options[ratingRank[r] + 1]!;
  const scenario = fc.record({
    mainRatings: fc.array(rating, { minLength: 1, maxLength: 8 }),
    additionalRatings: fc.array(rating, { maxLength: 3 }),
    values: fc.array(rating, { minLength: 7, maxLength: 7 }),
  });
  const predikat = (s: { mainRatings: Rating[]; additionalRatings: Rating[]; values: Rating[] }): Predikat =>
    evaluateEmployee(employee([...main(...s.mainRatings), ...additional(...s.additionalRatings)], s.values), policy).predikat;

  it('for any RHK realisation that reaches a higher rating', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const all = [...s.mainRatings, ...s.additionalRatings];
        const i = pick % all.length;
        fc.pre(all[i] !== 'DI_ATAS');
        const better = all.map((r, j) => (j === i ? up(r) : r));
        const improved = { ...s, mainRatings: better.slice(0, s.mainRatings.length), additionalRatings: better.slice(s.mainRatings.length) };
        return predikatRank[predikat(improved)] >= predikatRank[predikat(s)];
      }),
      { numRuns: 300 },
    );
  });

  it('for any value the rater rates higher', () => {
    fc.assert(
      fc.property(scenario, fc.nat(6), (s, i) => {
        fc.pre(s.values[i] !== 'DI_ATAS');
        const improved = { ...s, values: s.values.map((r, j) => (j === i ? up(r) : r)) };
        return predikatRank[predikat(improved)] >= predikatRank[predikat(s)];
      }),
      { numRuns: 300 },
    );
  });

  it('for the organisation result of a head of unit', () => {
    const orgs = OrgPredikatSchema.options; // lowest first
    for (let i = 0; i + 1 < orgs.length; i++) {
      const at = (org: OrgPredikat) =>
        predikatRank[evaluateEmployee(employee(main('SESUAI'), undefined, { isUnitHead: true, organisationResult: org }), policy).predikat];
      expect(at(orgs[i + 1]!)).toBeGreaterThanOrEqual(at(orgs[i]!));
    }
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
