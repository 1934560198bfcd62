/**
 * The shape of a scoring policy. Every value the spec marks *configurable* is a field here; the
 * values themselves are in policies.ts, one dated, versioned object per policy with its legal source.
 * A cycle stores its policy id, and every computed result records it, so old results can be re-read
 * under the rules they were made with.
 */
import * as z from 'zod';
import { RaterBiasPolicySchema } from './rater-bias';
import { OrgPredikatSchema, PredikatSchema, RatingSchema } from './ratings';

export const BilingualSchema = z.object({ id: z.string().min(1), en: z.string().min(1) });
const PercentSchema = z.number().min(0).max(100);
const IsoDateSchema = z.iso.date();

/** How many people a distribution rule allows or requires, as written in SE MenPAN-RB 3/2023.
 *  The rounding of each kind for small units is in distribution.ts (`boundFor`). */
export const CountBoundSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('atLeastPercent'), percent: PercentSchema }), // "minimal 60%"
  z.object({ kind: z.literal('moreThanPercent'), percent: PercentSchema }), // "sebagian besar" = more than half
  z.object({ kind: z.literal('atMostPercent'), percent: PercentSchema }), // "maksimal 70%"; 0 = "tidak ada"
  z.object({ kind: z.literal('atLeastCount'), count: z.number().int().min(1) }), // "harus ada"
]);
export type CountBound = z.infer<typeof CountBoundSchema>;

export const CurveRuleSchema = z.object({
  predikats: z.array(PredikatSchema).min(1),
  bound: CountBoundSchema,
});
export type CurveRule = z.infer<typeof CurveRuleSchema>;

/** The rules of one band must be on groups of predikat that are identical or disjoint; that keeps the
 *  "can a unit of this size satisfy the band at all?" question exact and simple (distribution.ts). */
const CurveSchema = z.array(CurveRuleSchema).refine(
  (rules) => {
    const groups = [...new Set(rules.map((r) => [...r.predikats].sort().join('+')))].map((g) => g.split('+'));
    return groups.every((a, i) => groups.slice(i + 1).every((b) => !a.some((p) => b.includes(p))));
  },
  { message: 'rules of one band must be on identical or disjoint groups of predikat' },
);

export const ConsequenceCodeSchema = z.enum([
  'RECOGNITION',
  'TALENT_POOL_CANDIDATE',
  'TRAINING_PRIORITY',
  'COACHING_PLAN',
  'MATCHED_TRAINING',
  'COUNSELLING',
  'DISCIPLINARY_REVIEW',
  'IMPROVEMENT_PERIOD',
]);
export type ConsequenceCode = z.infer<typeof ConsequenceCodeSchema>;

export const MutuSchema = z.enum(['A', 'B', 'C', 'D']);
export type Mutu = z.infer<typeof MutuSchema>;

/** SKM bands, highest first; a value belongs to the first band whose minimum it reaches. */
const SkmPolicySchema = z.object({
  bands: z
    .array(z.object({ minIkm: z.number().min(25).max(100), mutu: MutuSchema, kinerjaUnit: BilingualSchema }))
    .min(1)
    .refine((b) => b.every((band, i) => i === 0 || band.minIkm < b[i - 1]!.minIkm), 'bands must be highest first')
    .refine((b) => b[b.length - 1]?.minIkm === 25, 'the last band must start at 25, the lowest IKM'),
});

/** Deadlines of the cycle (spec §2). The workflow reads them from here so a cycle replays under the
 *  deadlines it ran with; the scoring functions do not use them. */
const CyclePolicySchema = z.object({
  skpApprovalDeadline: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  hrMayDraftSkpAfterWeeks: z.number().int().min(0),
  /** Informational: what the period length is by default under this policy. The workflow runs the
   *  cycle's own schedule value `periodicEvaluation` (lifecycle/periods.ts; semester when absent), so a
   *  cycle keeps the periods it started with. */
  periodicCheck: z.enum(['monthly', 'quarterly', 'semester']),
  approvalDays: z.number().int().min(1),
  objectionDays: z.number().int().min(1),
});

const PolicyBase = {
  id: z.string().regex(/^[a-z0-9-]+\/v\d+$/),
  title: BilingualSchema,
  effectiveFrom: IsoDateSchema,
  legalSource: z.array(z.string().min(1)).min(1),
  cycle: CyclePolicySchema,
  skm: SkmPolicySchema,
};

/** PermenPAN-RB 6/2022: ratings against expectations, predikat by the matrix, distribution curve. */
export const ExpectationPolicySchema = z.object({
  ...PolicyBase,
  model: z.literal('ekspektasi'),
  results: z.object({
    /** Proposed RHK rating from achievement: ≥ abovePercent → Di Atas, ≥ meetsPercent → Sesuai. */
    abovePercent: z.number().positive(),
    meetsPercent: z.number().positive(),
    /** "Most" (sebagian besar) = strictly more than this share. */
    mostMoreThanPercent: PercentSchema,
    /** "A few" (sebagian kecil) = floor(percent × main RHK), but at least `minimum`. */
    aFew: z.object({ percent: PercentSchema, minimum: z.number().int().min(0) }),
    /** How additional RHK (RHK tambahan) enter the overall rating; see results.ts. */
    additionalRhk: z.enum(['countInFavour', 'mainOnly']),
    /** A head of unit's results rating is the organisation's result (capaian kinerja organisasi). */
    headOfUnitResult: z.record(OrgPredikatSchema, RatingSchema),
  }),
  behaviour: z.object({
    /** The rater's own rating of a value decides it; peers, subordinates and citizens only inform. */
    raterFirst: z.boolean(),
    /** The rating of a value nobody gave feedback on. */
    valueWithoutFeedback: RatingSchema,
  }),
  distribution: z.record(OrgPredikatSchema, CurveSchema),
  /** Units with fewer people than this are not checked on their own: too small for a percentage, they
   *  are checked in the organisation's total (distribution.ts). */
  distributionMinUnitSize: z.number().int().min(1),
  followUp: z.object({
    consequences: z.record(PredikatSchema, z.array(ConsequenceCodeSchema)),
    improvementPeriodMonths: z.number().int().min(1),
    maxTrainingRecommendations: z.number().int().min(1),
  }),
  /** Rater-bias analytics thresholds (rater-bias.ts); absent → DEFAULT_RATER_BIAS_POLICY. */
  raterBias: RaterBiasPolicySchema.optional(),
});
export type ExpectationPolicy = z.infer<typeof ExpectationPolicySchema>;

export const LegacyPredikatSchema = z.enum(['BURUK', 'SANGAT_KURANG', 'KURANG', 'CUKUP', 'BAIK', 'SANGAT_BAIK']);
export type LegacyPredikat = z.infer<typeof LegacyPredikatSchema>;

const WeightsSchema = z
  .object({ skp: z.number().min(0).max(1), behaviour: z.number().min(0).max(1) })
  .refine((w) => Math.abs(w.skp + w.behaviour - 1) < 1e-9, 'weights must add up to 1');

/** The numeric models: PP 46/2011 (with Perka BKN 1/2013) and PP 30/2019. */
export const NumericPolicySchema = z.object({
  ...PolicyBase,
  model: z.literal('numerik'),
  legacy: z.object({
    weights: z.object({ withoutPeerInput: WeightsSchema, withPeerInput: WeightsSchema }),
    /** Time and cost: the efficiency formula applies up to this efficiency, the penalty formula above it. */
    efficiencyThresholdPercent: PercentSchema,
    /** Highest first; a score belongs to the first band whose minimum it reaches (and, where marked,
     *  only with an innovation), otherwise to `below`. */
    bands: z.array(z.object({ min: z.number(), predikat: LegacyPredikatSchema, requiresInnovation: z.boolean().optional() })).min(1),
    below: LegacyPredikatSchema,
  }),
});
export type NumericPolicy = z.infer<typeof NumericPolicySchema>;

export const PolicySchema = z.discriminatedUnion('model', [ExpectationPolicySchema, NumericPolicySchema]);
export type Policy = z.infer<typeof PolicySchema>;
