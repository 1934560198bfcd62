/**
 * One employee's final scoring (evaluasi tahunan), in one call: achievement per indicator → proposed
 * and final rating per RHK → results rating → behaviour rating → predikat (PermenPAN-RB 6/2022).
 * Every input problem is reported at once, as typed, bilingual errors; nothing is guessed.
 */
import * as z from 'zod';
import { BehaviourFeedbackSchema, CitizenEvidenceSchema, proposeBehaviourRating, ValueAssessmentSchema } from './behaviour';
import { BerakhlakValueSchema, berakhlakName } from './berakhlak';
import { type DomainError, domainError, parseOrThrow, throwIfAny } from './errors';
import { requireExpectationPolicy } from './policies';
import type { ExpectationPolicy, Policy } from './policy';
import { predikatFor } from './predikat';
import { OrgPredikatSchema, PredikatSchema, type Rating, RatingSchema, ratingLabel } from './ratings';
import { achievementPercent, lowestRating, ResultsSummarySchema, ratingForAchievement, resultsRatingFromRhk } from './results';
import { IdSchema, type Indicator, indicatorAt, NipSchema, type Rhk, RhkJenisSchema, SkpSchema, skpRuleErrors } from './skp';
import type { Bilingual } from './text';

/** A quantitative indicator's realisation is a number; a qualitative one is the rater's judgement. */
export const RealisationSchema = z.object({
  indicatorId: IdSchema,
  value: z.number().finite().min(0).optional(),
  judgement: RatingSchema.optional(),
  evidence: z.array(z.string().max(500)).max(50).optional(),
});
export type Realisation = z.infer<typeof RealisationSchema>;

/** The rater's rating; a reason is required when it differs from the system's proposal. */
export const RaterRatingSchema = z.object({ rating: RatingSchema, reason: z.string().max(2000).optional() });
export const RaterRhkRatingSchema = RaterRatingSchema.extend({ rhkId: IdSchema });

export const EmployeeEvaluationInputSchema = z.object({
  nip: NipSchema,
  isUnitHead: z.boolean(),
  skp: SkpSchema,
  realisations: z.array(RealisationSchema),
  raterRhkRatings: z.array(RaterRhkRatingSchema).optional(),
  behaviourFeedback: z.array(BehaviourFeedbackSchema),
  citizenEvidence: z.array(CitizenEvidenceSchema).optional(),
  raterBehaviourRating: RaterRatingSchema.optional(),
  /** The organisation's result set by HR; required for a head of unit. */
  organisationResult: OrgPredikatSchema.optional(),
});
export type EmployeeEvaluationInput = z.input<typeof EmployeeEvaluationInputSchema>;

export const IndicatorResultSchema = z.object({
  indicatorId: z.string(),
  kind: z.enum(['quantitative', 'qualitative']),
  /** Percent, 2 decimals; null for a qualitative indicator. */
  achievement: z.number().nullable(),
  rating: RatingSchema,
});

export const RhkResultSchema = z.object({
  rhkId: z.string(),
  jenis: RhkJenisSchema,
  /** The lowest quantitative achievement among its indicators, or null when all are qualitative. */
  achievement: z.number().nullable(),
  indicators: z.array(IndicatorResultSchema),
  proposed: RatingSchema,
  final: RatingSchema,
  overrideReason: z.string().optional(),
  competencies: z.array(z.string()),
});
export type RhkResult = z.infer<typeof RhkResultSchema>;

export const EmployeeEvaluationSchema = z.object({
  policyId: z.string(),
  nip: z.string(),
  isUnitHead: z.boolean(),
  rhk: z.array(RhkResultSchema),
  results: z.discriminatedUnion('basis', [
    z.object({ basis: z.literal('rules'), summary: ResultsSummarySchema }),
    z.object({ basis: z.literal('organisation'), organisationResult: OrgPredikatSchema }),
  ]),
  resultsRating: RatingSchema,
  behaviour: z.object({
    proposed: RatingSchema,
    final: RatingSchema,
    overrideReason: z.string().optional(),
    perValue: z.array(ValueAssessmentSchema),
  }),
  predikat: PredikatSchema,
  weaknesses: z.object({ rhkIds: z.array(z.string()), values: z.array(BerakhlakValueSchema) }),
});
export type EmployeeEvaluation = z.infer<typeof EmployeeEvaluationSchema>;

export function evaluateEmployee(rawInput: EmployeeEvaluationInput, policyArg: Policy): EmployeeEvaluation {
  const policy = requireExpectationPolicy(policyArg);
  // Parsed even when the caller is typed: targets > 0 and known enum values are what make the
  // arithmetic below safe, and a stored document may predate today's types.
  const input = parseOrThrow(EmployeeEvaluationInputSchema, rawInput);
  throwIfAny(inputErrors(input));

  const realisationOf = new Map(input.realisations.map((r) => [r.indicatorId, r]));
  const raterRatingOf = new Map((input.raterRhkRatings ?? []).map((r, k) => [r.rhkId, { ...r, k }]));
  const overrides: DomainError[] = [];

  const rhk = input.skp.rhk.map((r, i): RhkResult => {
    const indicators = r.indicators.map((ind) => rateIndicator(ind, realisationOf.get(ind.id)!, policy));
    const quantitative = indicators.flatMap((ind) => (ind.achievement === null ? [] : [ind.achievement]));
    const proposed = lowestRating(indicators.map((ind) => ind.rating));
    const rater = raterRatingOf.get(r.id);
    const at = () => ({ id: `RHK ke-${i + 1} (${r.id})`, en: `RHK ${i + 1} (${r.id})` });
    const final = rater ? overridden(rater, proposed, at, `raterRhkRatings.${rater.k}.reason`, overrides) : { rating: proposed };
    return {
      rhkId: r.id,
      jenis: r.jenis,
      achievement: quantitative.length ? Math.min(...quantitative) : null,
      indicators,
      proposed,
      final: final.rating,
      ...(final.reason ? { overrideReason: final.reason } : {}),
      competencies: r.competencies ?? [],
    };
  });

  const { proposed: behaviourProposed, perValue } = proposeBehaviourRating(input.behaviourFeedback, input.citizenEvidence ?? [], policy);
  const behaviour = input.raterBehaviourRating
    ? overridden(input.raterBehaviourRating, behaviourProposed, () => BEHAVIOUR_AT, 'raterBehaviourRating.reason', overrides)
    : { rating: behaviourProposed };
  throwIfAny(overrides);

  // Heads of units take the organisation's result as their results rating (PermenPAN-RB 6/2022).
  const results: EmployeeEvaluation['results'] = input.isUnitHead
    ? { basis: 'organisation', organisationResult: input.organisationResult! }
    : {
        basis: 'rules',
        summary: resultsRatingFromRhk(
          rhk.map((r) => ({ jenis: r.jenis, rating: r.final })),
          policy,
        ),
      };
  const resultsRating = results.basis === 'organisation' ? policy.results.headOfUnitResult[results.organisationResult] : results.summary.rating;

  return {
    policyId: policy.id,
    nip: input.nip,
    isUnitHead: input.isUnitHead,
    rhk,
    results,
    resultsRating,
    behaviour: {
      proposed: behaviourProposed,
      final: behaviour.rating,
      ...(behaviour.reason ? { overrideReason: behaviour.reason } : {}),
      perValue,
    },
    predikat: predikatFor(resultsRating, behaviour.rating),
    weaknesses: {
      rhkIds: rhk.filter((r) => r.final === 'DI_BAWAH').map((r) => r.rhkId),
      values: perValue.filter((v) => v.rating === 'DI_BAWAH').map((v) => v.value),
    },
  };
}

const BEHAVIOUR_AT: Bilingual = { id: 'Rating perilaku kerja', en: 'Behaviour rating' };

/** The rater's rating stands; when it differs from the proposal it needs a written reason. */
function overridden(
  rater: { rating: Rating; reason?: string | undefined },
  proposed: Rating,
  at: () => Bilingual,
  field: string,
  errors: DomainError[],
): { rating: Rating; reason?: string } {
  if (rater.rating === proposed) return { rating: proposed };
  const reason = rater.reason?.trim() ?? '';
  if (!reason) {
    const labels = { proposed: ratingLabel[proposed], chosen: ratingLabel[rater.rating] };
    errors.push(domainError('OVERRIDE_REASON_REQUIRED', { at: at(), ...labels }, field));
  }
  return { rating: rater.rating, reason };
}

function rateIndicator(ind: Indicator, real: Realisation, policy: ExpectationPolicy): RhkResult['indicators'][number] {
  if (ind.target.kind === 'quantitative') {
    const achievement = achievementPercent(ind.target, real.value!);
    return { indicatorId: ind.id, kind: 'quantitative', achievement, rating: ratingForAchievement(achievement, policy) };
  }
  // Qualitative indicators have no number: the rater judges them directly against the expectation.
  return { indicatorId: ind.id, kind: 'qualitative', achievement: null, rating: real.judgement! };
}

type ParsedInput = z.output<typeof EmployeeEvaluationInputSchema>;

/** The rules between fields of the evaluation input; each failure names where it is. */
function inputErrors(input: ParsedInput): DomainError[] {
  const errors: DomainError[] = skpRuleErrors(input.skp, { isUnitHead: input.isUnitHead });
  if (input.skp.nip !== input.nip) errors.push(domainError('SKP_NIP_MISMATCH', undefined, 'skp.nip'));

  // Realisations: exactly one per indicator, of the indicator's kind.
  const indicators = new Map<string, { ind: Indicator; i: number; j: number }>();
  input.skp.rhk.forEach((r: Rhk, i) => r.indicators.forEach((ind, j) => indicators.set(ind.id, { ind, i, j })));
  const seen = new Set<string>();
  input.realisations.forEach((real, k) => {
    const field = `realisations.${k}`;
    const target = indicators.get(real.indicatorId);
    if (!target) {
      const at = { id: `realisasi ke-${k + 1}`, en: `realisation ${k + 1}` };
      errors.push(domainError('REALISATION_UNKNOWN_INDICATOR', { at, value: real.indicatorId }, field));
      return;
    }
    if (seen.has(real.indicatorId)) {
      errors.push(domainError('DUPLICATE_ENTRY', { at: indicatorAt(target.i, target.j, real.indicatorId) }, field));
      return;
    }
    seen.add(real.indicatorId);
    const quantitative = target.ind.target.kind === 'quantitative';
    const fits = quantitative ? real.value !== undefined && real.judgement === undefined : real.judgement !== undefined && real.value === undefined;
    const at = indicatorAt(target.i, target.j, real.indicatorId);
    if (!fits) errors.push(domainError('REALISATION_KIND_MISMATCH', { at, quantitative }, field));
  });
  for (const [id, { i, j }] of indicators) {
    if (!seen.has(id)) errors.push(domainError('REALISATION_MISSING', { at: indicatorAt(i, j, id) }, 'realisations'));
  }

  // The rater's RHK ratings: known RHK, one each.
  const rated = new Set<string>();
  (input.raterRhkRatings ?? []).forEach((rr, k) => {
    const field = `raterRhkRatings.${k}`;
    const at = { id: `rating RHK ke-${k + 1} (${rr.rhkId})`, en: `RHK rating ${k + 1} (${rr.rhkId})` };
    if (!input.skp.rhk.some((r) => r.id === rr.rhkId)) errors.push(domainError('RATING_UNKNOWN_RHK', { at, value: rr.rhkId }, field));
    else if (rated.has(rr.rhkId)) errors.push(domainError('DUPLICATE_ENTRY', { at }, field));
    rated.add(rr.rhkId);
  });

  // Behaviour: one rating per value from the rater (peers and subordinates may be many).
  const raterValues = new Set<string>();
  input.behaviourFeedback.forEach((f, k) => {
    if (f.source !== 'rater') return;
    if (raterValues.has(f.value)) {
      const name = berakhlakName(f.value);
      const at = { id: `umpan balik pejabat penilai untuk ${name.id}`, en: `rater's feedback on ${name.en}` };
      errors.push(domainError('DUPLICATE_ENTRY', { at }, `behaviourFeedback.${k}`));
    }
    raterValues.add(f.value);
  });

  if (input.isUnitHead && !input.organisationResult) errors.push(domainError('ORGANISATION_RESULT_REQUIRED', undefined, 'organisationResult'));
  return errors;
}
