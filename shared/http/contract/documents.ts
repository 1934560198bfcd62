/** Requests of the documents and coaching routes (functions/documents, functions/coaching). */
import * as z from 'zod';
import { PeriodIdSchema } from '../../domain/lifecycle/periods';
import { IsoDateSchema } from '../../domain/skp';

/** A verification code: 16 letters and digits as printed under the QR code. */
export const DocumentCodeParam = z.string().regex(/^[A-Za-z0-9]{8,32}$/, 'Kode dokumen tidak valid / invalid document code');
export const SessionIdParam = z.string().regex(/^S\d{1,4}$/, 'ID sesi tidak valid / invalid session id');

export const DocumentRequestBody = z
  .object({
    kind: z.enum(['SKP', 'EVALUASI_PERIODIK', 'EVALUASI_TAHUNAN', 'CATATAN_PEMBINAAN']),
    /** For EVALUASI_PERIODIK: S1 (semester policy), Q1–Q4 or M01–M12; absent = the latest period the evaluation took part in. */
    periodId: PeriodIdSchema.optional(),
  })
  .strict();
export const PenetapanRequestBody = z.object({ unitId: z.string().min(1).max(64).optional() }).strict();

export const CoachingSessionBody = z
  .object({
    heldOn: IsoDateSchema,
    kind: z.enum(['session', 'recheck']).default('session'),
    notes: z.string().trim().min(1).max(4000),
    actionIds: z
      .array(z.string().regex(/^A\d{1,3}$/))
      .max(50)
      .default([]),
    outcome: z.enum(['IMPROVED', 'NOT_IMPROVED']).optional(),
    competencyNote: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((b) => b.kind !== 'recheck' || b.outcome !== undefined, {
    message: 'Pemeriksaan ulang memerlukan hasil / a re-check needs its outcome',
    path: ['outcome'],
  });
export const AcknowledgementBody = z
  .object({ note: z.string().trim().min(1).max(2000).optional() })
  .strict()
  .default({});
export const CoachingListQuery = z.object({
  status: z.enum(['open', 'overdue']).default('open'),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
