/** Request bodies of the employee, rater and peer routes (functions/evaluation-api). */
import * as z from 'zod';
import { BerakhlakValueSchema } from '../../domain/berakhlak';
import { RealisationSchema } from '../../domain/evaluate';
import { PeriodIdSchema, PeriodReviewInputSchema } from '../../domain/lifecycle/periods';
import { PredikatSchema, RatingSchema } from '../../domain/ratings';
import { CycleIdParam, NipParam, Reason } from './common';

export const ProgressBody = z.object({
  realisations: z.array(RealisationSchema).min(1).max(200),
  /** Realisations of a periodic evaluation running on its own (quarterly/monthly policy), e.g. Q1. */
  periodId: PeriodIdSchema.optional(),
});
export const FeedbackBody = z.object({
  feedback: z
    .array(z.object({ value: BerakhlakValueSchema, rating: RatingSchema, comment: z.string().max(2000).optional() }))
    .min(1)
    .max(7),
});
export const MidyearBody = z.object({ rating: RatingSchema, notes: z.string().trim().min(1).max(4000) });
export const RatingBody = z.object({
  rhkRatings: z
    .array(z.object({ rhkId: z.string().min(1).max(100), rating: RatingSchema, reason: z.string().max(2000).optional() }))
    .max(50)
    .optional(),
  behaviourRating: z.object({ rating: RatingSchema, reason: z.string().max(2000).optional() }).optional(),
});
export const ObjectionBody = z.object({ reason: Reason, requestedPredikat: PredikatSchema.optional() });
export const InvitationsBody = z.object({ peerNips: z.array(NipParam).min(1).max(20) });
const Note = z.string().trim().max(2000).optional();
export const SelfAssessmentBody = z
  .object({
    rhk: z
      .array(z.object({ rhkId: z.string().min(1).max(100), rating: RatingSchema, note: Note }))
      .max(50)
      .optional(),
    behaviour: z
      .array(z.object({ value: BerakhlakValueSchema, rating: RatingSchema, note: Note }))
      .max(7)
      .refine((b) => new Set(b.map((x) => x.value)).size === b.length, 'Setiap nilai BerAKHLAK sekali saja / each BerAKHLAK value once')
      .optional(),
    summary: z.string().trim().min(1).max(4000).optional(),
  })
  .refine((b) => Boolean(b.rhk?.length || b.behaviour?.length || b.summary), 'Isi minimal satu bagian / fill in at least one part');
export type SelfAssessmentBody = z.infer<typeof SelfAssessmentBody>;

const Day = z.iso.date();
export const DelegationBody = z.object({
  delegateNip: NipParam,
  delegatorNip: NipParam.optional(),
  kind: z.enum(['plt', 'plh']),
  from: Day,
  until: Day,
  reason: z.string().trim().max(1000).optional(),
});

// --- periodic evaluations (periods running on their own: quarterly / monthly policy) ---
export const PeriodPath = z.object({ cycleId: CycleIdParam, nip: NipParam, periodId: PeriodIdSchema });
export const PeriodReviewBody = PeriodReviewInputSchema;
