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
      // JSON Schema's uniqueItems compares whole items; the rule is one item per `value`, stated as x-uniqueBy.
      .meta({ 'x-uniqueBy': 'value', description: 'Setiap nilai BerAKHLAK sekali saja (`value` unik) · each BerAKHLAK value once (unique `value`)' })
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

// ─── responses ────────────────────────────────────────────────────────────────────────────────────

const AggregateSchema = z.discriminatedUnion('enough', [
  z.object({
    value: BerakhlakValueSchema,
    enough: z.literal(true),
    voices: z.number().int().min(1),
    counts: z.object({ DI_ATAS: z.number().int(), SESUAI: z.number().int(), DI_BAWAH: z.number().int() }).strict(),
    comments: z.array(z.string()),
  }),
  z.object({ value: BerakhlakValueSchema, enough: z.literal(false), note: z.string(), note_en: z.string() }).strict(),
]);
/**
 * GET /v1/cycles/{cycleId}/evaluations/{nip} (shared/application/queries/evaluation-view.ts). For the
 * employee, their rater and approver `evaluation.feedback` (feedback by author) is absent and the audit's
 * FEEDBACK_GIVEN events have no author; `feedback360.colleagues` aggregates peers and subordinates per
 * BerAKHLAK value, shown only from `minimumVoices` voices; `feedback360.rater` is the rater's own feedback,
 * named. HR (`reader: "hr"`) also gets `evaluation.feedback` with the authors. The employee gets
 * `invitations: {count}`; the others the list.
 */
export const EvaluationViewSchema = z.object({
  reader: z.enum(['hr', 'employee', 'rater', 'approver']),
  evaluation: z.looseObject({ cycleId: z.string(), nip: NipParam, status: z.string() }),
  feedback360: z.object({
    minimumVoices: z.number().int().min(1),
    rater: z.array(z.looseObject({ source: z.literal('rater'), value: BerakhlakValueSchema, rating: RatingSchema })),
    colleagues: z.array(AggregateSchema).length(7),
  }),
  audit: z.array(z.looseObject({ action: z.string(), at: z.string(), actor: z.looseObject({ role: z.string() }) })),
  invitations: z.union([z.array(z.looseObject({ peerNip: NipParam })), z.object({ count: z.number().int().min(0) }).strict()]),
});
// --- periodic evaluations (periods running on their own: quarterly / monthly policy) ---
export const PeriodPath = z.object({ cycleId: CycleIdParam, nip: NipParam, periodId: PeriodIdSchema });
export const PeriodReviewBody = PeriodReviewInputSchema;
