/**
 * The numeric models, for agencies still on them and for reading old data (spec §3e):
 * - PP 46/2011 with Perka BKN 1/2013: per task, quantity and quality = realisation / target × 100,
 *   time and cost by the efficiency formulas; task score = mean of its aspects; SKP = mean of tasks;
 *   nilai prestasi kerja = 60% SKP + 40% behaviour; bands 91 / 76 / 61 / 51.
 * - PP 30/2019: the same task arithmetic, weighted 70/30 (60/40 with peer input), bands 110 (with an
 *   innovation) / 90 / 70 / 50.
 * The policy (`getPolicy('pp46-2011/v1')` or `'pp30-2019/v1'`) selects weights and bands per cycle.
 */
import * as z from 'zod';
import { parseOrThrow } from './errors';
import { requireNumericPolicy } from './policies';
import { BilingualSchema, type LegacyPredikat, LegacyPredikatSchema, type NumericPolicy, type Policy } from './policy';
import { NipSchema } from './skp';
import { type Bilingual, roundHalfUp } from './text';

export const LegacyAspectSchema = z.object({
  target: z.number().finite().positive(),
  realisation: z.number().finite().min(0),
});
export type LegacyAspect = z.infer<typeof LegacyAspectSchema>;

export const LegacyTaskSchema = z.object({
  name: z.string().optional(),
  quantity: LegacyAspectSchema,
  quality: LegacyAspectSchema,
  time: LegacyAspectSchema,
  /** Only for tasks with a budget; a task without one is scored on three aspects. */
  cost: LegacyAspectSchema.optional(),
});

export const LegacyInputSchema = z.object({
  nip: NipSchema.optional(),
  tasks: z.array(LegacyTaskSchema).min(1),
  /** Behaviour aspect scores (e.g. orientasi pelayanan, integritas, komitmen, disiplin, kerja sama,
   *  kepemimpinan); their mean is the behaviour score. */
  behaviourScores: z.array(z.number().finite().min(0).max(120)).min(1),
  /** PP 30/2019: peers and subordinates rated behaviour, so the 60/40 weights apply. */
  peerInput: z.boolean().optional(),
  /** PP 30/2019: created a new idea or way of working that benefits the organisation (needed for Sangat Baik). */
  innovation: z.boolean().optional(),
});
export type LegacyInput = z.input<typeof LegacyInputSchema>;

export const legacyPredikatLabel: Record<LegacyPredikat, Bilingual> = {
  SANGAT_BAIK: { id: 'Sangat Baik', en: 'Very good' },
  BAIK: { id: 'Baik', en: 'Good' },
  CUKUP: { id: 'Cukup', en: 'Fair' },
  KURANG: { id: 'Kurang', en: 'Poor' },
  BURUK: { id: 'Buruk', en: 'Bad' },
  SANGAT_KURANG: { id: 'Sangat Kurang', en: 'Very poor' },
};

const Score = z.number();
export const LegacyScoreSchema = z.object({
  policyId: z.string(),
  tasks: z.array(z.object({ quantity: Score, quality: Score, time: Score, cost: Score.optional(), score: Score })),
  skpScore: Score,
  behaviourScore: Score,
  weights: z.object({ skp: z.number(), behaviour: z.number() }),
  finalScore: Score,
  predikat: LegacyPredikatSchema,
  predikatLabel: BilingualSchema,
});
export type LegacyScore = z.infer<typeof LegacyScoreSchema>;

/** Quantity and quality: realisation / target × 100. */
export function outputScore(a: LegacyAspect): number {
  return (a.realisation / a.target) * 100;
}

/** Time and cost (Perka BKN 1/2013). Efficiency = 100 − realisation / target × 100. Up to the threshold
 *  (24%): ((1.76 × T − R) / T) × 100, so on target scores 76 and 24% under scores 100. Above it the
 *  Perka's second formula, 76 − ((((1.76 × T − R) / T) × 100) − 100), marks a target set too loosely:
 *  the score falls again as R shrinks (the spec gives only the first formula; this one is the Perka's). */
export function efficiencyScore(a: LegacyAspect, policy: NumericPolicy): number {
  const efficiency = 100 - (a.realisation / a.target) * 100;
  const base = ((1.76 * a.target - a.realisation) / a.target) * 100;
  return efficiency <= policy.legacy.efficiencyThresholdPercent ? base : 76 - (base - 100);
}

export function legacyPredikatFor(score: number, innovation: boolean, policy: NumericPolicy): LegacyPredikat {
  const band = policy.legacy.bands.find((b) => score >= b.min && (!b.requiresInnovation || innovation));
  return band?.predikat ?? policy.legacy.below;
}

export function scoreLegacy(rawInput: LegacyInput, policyArg: Policy): LegacyScore {
  const policy = requireNumericPolicy(policyArg);
  const input = parseOrThrow(LegacyInputSchema, rawInput);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  const tasks = input.tasks.map((t) => {
    const aspects = {
      quantity: outputScore(t.quantity),
      quality: outputScore(t.quality),
      time: efficiencyScore(t.time, policy),
      ...(t.cost ? { cost: efficiencyScore(t.cost, policy) } : {}),
    };
    return { ...aspects, score: mean(Object.values(aspects)) };
  });
  const skpScore = mean(tasks.map((t) => t.score));
  const behaviourScore = mean(input.behaviourScores);
  const weights = input.peerInput ? policy.legacy.weights.withPeerInput : policy.legacy.weights.withoutPeerInput;
  // Scores are published with 2 decimals; the band is read from the published figure.
  const finalScore = roundHalfUp(skpScore * weights.skp + behaviourScore * weights.behaviour, 2);
  const predikat = legacyPredikatFor(finalScore, input.innovation ?? false, policy);

  const r2 = (x: number) => roundHalfUp(x, 2);
  return {
    policyId: policy.id,
    tasks: tasks.map((t) => ({
      quantity: r2(t.quantity),
      quality: r2(t.quality),
      time: r2(t.time),
      ...(t.cost !== undefined ? { cost: r2(t.cost) } : {}),
      score: r2(t.score),
    })),
    skpScore: r2(skpScore),
    behaviourScore: r2(behaviourScore),
    weights: { skp: weights.skp, behaviour: weights.behaviour },
    finalScore,
    predikat,
    predikatLabel: legacyPredikatLabel[predikat],
  };
}
