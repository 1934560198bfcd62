/**
 * Rating Perilaku Kerja (behaviour): feedback per BerAKHLAK value from the rater, peers and
 * subordinates, citizen feedback as evidence for Berorientasi Pelayanan, and a proposed rating the
 * rater confirms or overrides with a reason (PermenPAN-RB 6/2022; spec §3b).
 */
import * as z from 'zod';
import { BERAKHLAK, type BerakhlakValue, BerakhlakValueSchema } from './berakhlak';
import type { ExpectationPolicy } from './policy';
import { medianRating, type Rating, RatingSchema } from './ratings';
import { NipSchema } from './skp';

export const FeedbackSourceSchema = z.enum(['rater', 'peer', 'subordinate']);
export type FeedbackSource = z.infer<typeof FeedbackSourceSchema>;

export const BehaviourFeedbackSchema = z.object({
  source: FeedbackSourceSchema,
  value: BerakhlakValueSchema,
  rating: RatingSchema,
  comment: z.string().max(2000).optional(),
  fromNip: NipSchema.optional(),
});
export type BehaviourFeedback = z.infer<typeof BehaviourFeedbackSchema>;

/** A citizen's (moderated) rating of this employee's service, e.g. an SKM comment naming them.
 *  It is evidence for Berorientasi Pelayanan only, so it carries no value of its own. */
export const CitizenEvidenceSchema = z.object({
  rating: RatingSchema,
  comment: z.string().max(2000).optional(),
  reference: z.string().max(200).optional(),
});
export type CitizenEvidence = z.infer<typeof CitizenEvidenceSchema>;

export const ValueAssessmentSchema = z.object({
  value: BerakhlakValueSchema,
  rating: RatingSchema,
  /** rater: the rater's own rating; feedback: median of the other voices; noFeedback: policy default. */
  basis: z.enum(['rater', 'feedback', 'noFeedback']),
  voices: z.number().int(),
});
export type ValueAssessment = z.infer<typeof ValueAssessmentSchema>;

/**
 * The rating of one value:
 * 1. rater first (default policy): if the rater rated the value, that is the value's rating: peers,
 *    subordinates and citizens are advisory (spec §1: "the rater decides");
 * 2. otherwise the median of the other voices: each peer and subordinate is one voice, and all citizen
 *    evidence together is one voice (its own median) on Berorientasi Pelayanan, so a flood of
 *    submissions cannot outweigh colleagues; when voices split evenly, Sesuai (see medianRating);
 * 3. nobody rated it: the policy's `valueWithoutFeedback` (default Sesuai: behaviour is expected to
 *    meet the standard unless someone observed otherwise); `basis` shows it so the rater can look.
 * With `raterFirst: false` the rater is one voice among the others.
 */
export function assessValue(
  value: BerakhlakValue,
  feedback: readonly BehaviourFeedback[],
  citizenEvidence: readonly CitizenEvidence[],
  policy: ExpectationPolicy,
): ValueAssessment {
  const onValue = feedback.filter((f) => f.value === value);
  const rater = onValue.find((f) => f.source === 'rater');
  if (rater && policy.behaviour.raterFirst) return { value, rating: rater.rating, basis: 'rater', voices: 1 };

  const voices = onValue.map((f) => f.rating); // no rater feedback here, or the rater is one voice
  const citizens = value === 'BERORIENTASI_PELAYANAN' ? medianRating(citizenEvidence.map((c) => c.rating)) : undefined;
  if (citizens) voices.push(citizens);

  const median = medianRating(voices);
  return median
    ? { value, rating: median, basis: 'feedback', voices: voices.length }
    : { value, rating: policy.behaviour.valueWithoutFeedback, basis: 'noFeedback', voices: 0 };
}

/** The proposed behaviour rating: the median of the seven value ratings, which is the rating held by the
 *  majority of values when there is one (4 of 7), and otherwise the middle one (e.g. 3 above, 1 meets,
 *  3 below → meets). */
export function proposeBehaviourRating(
  feedback: readonly BehaviourFeedback[],
  citizenEvidence: readonly CitizenEvidence[],
  policy: ExpectationPolicy,
): { proposed: Rating; perValue: ValueAssessment[] } {
  const perValue = BERAKHLAK.map((v) => assessValue(v.value, feedback, citizenEvidence, policy));
  return { proposed: medianRating(perValue.map((v) => v.rating))!, perValue };
}
