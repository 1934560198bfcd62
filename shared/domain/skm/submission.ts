/**
 * The shapes of the SKM routes, in zod. The answers are checked for type here and for the SKM rules
 * (nine answers, whole numbers 1–4) by the domain's `computeIkm` — the rule lives only there.
 */
import * as z from 'zod';
import { MAX_COMMENT_CHARS, MAX_SERVICE_CHARS } from './limits';
import { hasControlCharacters, hasMarkup, normaliseText } from './text';

export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'periode harus berformat TTTT-BB / period must be YYYY-MM');

/** Unit ids become part of keys: no '#', no spaces, no path tricks. */
export const UnitIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ID unit tidak valid / invalid unit id');

export const CommentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'ID komentar tidak valid / invalid comment id');

/** An Idempotency-Key header: an opaque token chosen by the client (a UUID is typical). */
export const IdempotencyKeySchema = z
  .string()
  .regex(
    /^[A-Za-z0-9._:-]{8,128}$/,
    'Idempotency-Key harus 8–128 karakter A–Z, a–z, 0–9, . _ : - / Idempotency-Key must be 8–128 characters A–Z, a–z, 0–9, . _ : -',
  );

/** Free text from a citizen: plain text only, normalised; an empty string counts as absent. */
export const plainText = (max: number) =>
  z
    .string()
    .transform(normaliseText)
    .refine((s) => !hasControlCharacters(s), 'berisi karakter kendali / contains control characters')
    .refine((s) => !hasMarkup(s), 'tidak boleh berisi tag HTML atau skrip; tulis sebagai teks biasa / must not contain HTML tags or scripts; write plain text')
    .refine((s) => s.length <= max, `maksimal ${max} karakter / at most ${max} characters`)
    .transform((s) => (s === '' ? undefined : s));

/** Coarse demographics as on the PermenPAN-RB 14/2017 questionnaire: groups only, never names or contacts. */
export const AgeGroupSchema = z.enum(['UNDER_20', '20_29', '30_39', '40_49', '50_59', '60_PLUS']);
export const GenderSchema = z.enum(['L', 'P']);
export const EducationSchema = z.enum(['SD', 'SMP', 'SMA', 'D1_D3', 'D4_S1', 'S2', 'S3']);

export const RespondentSchema = z.strictObject({
  ageGroup: AgeGroupSchema.optional(),
  gender: GenderSchema.optional(),
  education: EducationSchema.optional(),
});
export type Respondent = z.infer<typeof RespondentSchema>;

export const SubmissionSchema = z.strictObject({
  period: PeriodSchema.optional(),
  /** One answer per unsur, in SKM_UNSUR order, null for an unsur left blank (at least one answered);
   *  count and range are the domain's to check. */
  answers: z.array(z.number().nullable()),
  comment: plainText(MAX_COMMENT_CHARS).optional(),
  service: plainText(MAX_SERVICE_CHARS).optional(),
  respondent: RespondentSchema.optional(),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const IkmQuerySchema = z.object({ period: PeriodSchema.optional() });

export const CommentStatusSchema = z.enum(['PENDING', 'APPROVED', 'REJECTED']);
export type CommentStatus = z.infer<typeof CommentStatusSchema>;

export const CommentListQuerySchema = z.object({
  status: CommentStatusSchema.default('PENDING'),
  unitId: UnitIdSchema.optional(),
  cursor: z.string().max(4096).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type CommentListQuery = z.infer<typeof CommentListQuerySchema>;

export const ModerationSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason: plainText(1000).optional(),
});
export type Moderation = z.infer<typeof ModerationSchema>;
