/** Request schemas of the citizens' survey pages and of HR's rater-bias routes (documentation and validation). */
import * as z from 'zod';
import { ACK_NOTE_MAX } from '../../domain/rater-bias';
import { PeriodSchema } from '../../domain/skm/submission';
import { LangQuery, NipParam } from './common';

const Answer = z.enum(['1', '2', '3', '4']).optional().describe('1 = lowest … 4 = highest; absent = skipped');

/** `POST /v1/public/units/{unitId}/survey` (application/x-www-form-urlencoded), as the page's form sends it. */
export const SurveyForm = z.object({
  u1: Answer,
  u2: Answer,
  u3: Answer,
  u4: Answer,
  u5: Answer,
  u6: Answer,
  u7: Answer,
  u8: Answer,
  u9: Answer,
  comment: z.string().max(1000).optional(),
  lang: LangQuery,
  idem: z.string().max(128).optional().describe('one-time token of the page: a double tap counts once'),
  kiosk: z.string().max(256).optional().describe('kiosk device token of a counter tablet (from ?kiosk=)'),
});
export const SurveyPageQuery = z.object({ lang: LangQuery, kiosk: z.string().max(256).optional() });
export const ThanksQuery = z.object({ lang: LangQuery, kiosk: z.string().max(256).optional(), c: z.literal('1').optional() });
export const PublicPageQuery = z.object({ lang: LangQuery });
export const IkmPageQuery = z.object({ period: PeriodSchema.optional(), lang: LangQuery });

export const RaterNipParam = NipParam;
export const RaterBiasAckBody = z.object({ note: z.string().trim().min(1).max(ACK_NOTE_MAX) });
