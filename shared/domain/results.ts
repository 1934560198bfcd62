/**
 * Rating Hasil Kerja (results) under PermenPAN-RB 6/2022: achievement per indicator, a proposed rating
 * per RHK, and the overall results rating by the "most" and "a few" rules.
 */
import * as z from 'zod';
import { domainError } from './errors';
import type { ExpectationPolicy } from './policy';
import { type Rating, RatingSchema, ratingRank } from './ratings';
import type { QuantitativeTarget, RhkJenis } from './skp';
import { roundHalfUp } from './text';

/** Achievement as a ratio: realisation / target; for a lower-is-better indicator 2 − realisation / target
 *  (spec §3a). Not clamped: past twice the target a lower-is-better achievement goes below zero, so it
 *  keeps falling as realisation grows. */
export function achievementRatio(target: QuantitativeTarget, realisation: number): number {
  const r = realisation / target.value;
  return target.direction === 'lowerIsBetter' ? 2 - r : r;
}

/** Achievement in percent, rounded to 2 decimals. The thresholds compare this rounded figure, so the
 *  percentage shown to the employee is exactly the one that decided the rating. */
export function achievementPercent(target: QuantitativeTarget, realisation: number): number {
  return roundHalfUp(achievementRatio(target, realisation) * 100, 2);
}

/** The proposed rating for an achievement: default ≥ 110% above, ≥ 100% meets, else below. */
export function ratingForAchievement(percent: number, policy: ExpectationPolicy): Rating {
  if (percent >= policy.results.abovePercent) return 'DI_ATAS';
  if (percent >= policy.results.meetsPercent) return 'SESUAI';
  return 'DI_BAWAH';
}

/** An RHK with several indicators is proposed at its LOWEST indicator rating. The indicators of one
 *  RHK are joint measures of one result: the result is delivered only when each of them is, and a
 *  mean would let over-delivery on one hide a shortfall on another. The rater may still rate the RHK
 *  higher, with a written reason. */
export function lowestRating(ratings: readonly Rating[]): Rating {
  return ratings.reduce<Rating>((low, r) => (ratingRank[r] < ratingRank[low] ? r : low), 'DI_ATAS');
}

/** "Most" (sebagian besar) = strictly more than the policy's share (default: more than half). */
export function isMost(count: number, of: number, policy: ExpectationPolicy): boolean {
  return of > 0 && count * 100 > of * policy.results.mostMoreThanPercent;
}

/** "A few" (sebagian kecil) of the main RHK = floor(25% × main RHK), but at least 1 (defaults). */
export function aFewOf(mainCount: number, policy: ExpectationPolicy): number {
  const { percent, minimum } = policy.results.aFew;
  return Math.max(minimum, Math.floor((mainCount * percent) / 100));
}

export const ResultsClauseSchema = z.enum(['MOST_ABOVE', 'MOST_MEET', 'MOST_BELOW', 'NO_MAJORITY']);
const CountOfSchema = z.object({ count: z.number().int(), of: z.number().int() });

export const ResultsSummarySchema = z.object({
  rating: RatingSchema,
  /** Which rule decided: MOST_ABOVE → Di Atas, MOST_MEET → Sesuai, MOST_BELOW or NO_MAJORITY → Di Bawah. */
  clause: ResultsClauseSchema,
  mainCount: z.number().int(),
  mainBelow: z.number().int(),
  aFew: z.number().int(),
  /** RHK counted for "most above" (main, plus additional ones above): how many are above, out of how many. */
  above: CountOfSchema,
  /** RHK counted for "most meet": how many meet or exceed, out of how many. */
  meetOrAbove: CountOfSchema,
});
export type ResultsSummary = z.infer<typeof ResultsSummarySchema>;

/**
 * The overall results rating from the final rating of each RHK (spec §3a, PermenPAN-RB 6/2022):
 * - Di Atas: most or all RHK above, and no main RHK below;
 * - Sesuai: most or all RHK meet or exceed, and at most "a few" main RHK below;
 * - Di Bawah: otherwise. The regulation describes it as "most or all below"; when neither that nor the
 *   other two holds (e.g. two main RHK, one met and one not) the proposal is also Di Bawah, because
 *   Sesuai requires most RHK to meet the expectation. `clause` says which case applied.
 *
 * Main vs additional RHK: "below" and "a few" count main RHK only. An additional RHK (tambahan) counts
 * towards a level only when it reaches that level and never against it: one above counts, in
 * numerator and denominator, for "most above"; one meeting or above counts for "most meet"; one below
 * is disregarded. Additional work is beyond the job's main duties, so it may lift the rating but must
 * never lower it; the literal "most of all RHK" would let a failed extra task sink an employee whose
 * main work met expectations. With `additionalRhk: 'mainOnly'` additional RHK are not counted at all.
 * Either way the rule is monotone: improving any RHK, or adding an additional one, never lowers it.
 */
export function resultsRatingFromRhk(rhk: readonly { jenis: RhkJenis; rating: Rating }[], policy: ExpectationPolicy): ResultsSummary {
  const main = rhk.filter((r) => r.jenis === 'utama');
  if (main.length === 0) throw domainError('SKP_NO_MAIN_RHK', undefined, 'rhk');
  const additional = policy.results.additionalRhk === 'countInFavour' ? rhk.filter((r) => r.jenis === 'tambahan') : [];

  const reaching = (level: Rating) => {
    const reached = (r: { rating: Rating }) => ratingRank[r.rating] >= ratingRank[level];
    const extra = additional.filter(reached).length;
    return { count: main.filter(reached).length + extra, of: main.length + extra };
  };
  const above = reaching('DI_ATAS');
  const meetOrAbove = reaching('SESUAI');
  const mainBelow = main.filter((r) => r.rating === 'DI_BAWAH').length;
  const aFew = aFewOf(main.length, policy);
  const summary = { mainCount: main.length, mainBelow, aFew, above, meetOrAbove };

  if (isMost(above.count, above.of, policy) && mainBelow === 0) return { rating: 'DI_ATAS', clause: 'MOST_ABOVE', ...summary };
  if (isMost(meetOrAbove.count, meetOrAbove.of, policy) && mainBelow <= aFew) return { rating: 'SESUAI', clause: 'MOST_MEET', ...summary };
  return { rating: 'DI_BAWAH', clause: isMost(mainBelow, main.length, policy) ? 'MOST_BELOW' : 'NO_MAJORITY', ...summary };
}
