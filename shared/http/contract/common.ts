/** Request pieces every area shares: path parameters, the page language, body size limits. */
import * as z from 'zod';
import { LOCALES, type Locale } from '../../adapters/render/i18n/types';

/** A JSON body; larger is refused with 413 before it is parsed. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A roster CSV of a large agency (20,000 rows) fits; API Gateway's own limit is 10 MB. */
export const MAX_TEXT_BYTES = 6 * 1024 * 1024;

export const NipParam = z.string().regex(/^\d{18}$/, 'NIP harus 18 digit / NIP must be 18 digits');
export const CycleIdParam = z.string().regex(/^[a-z0-9-]{3,64}$/, 'ID siklus tidak valid / invalid cycle id');
/** A unit id in a JWT route's path (the public SKM routes use the domain's UnitIdSchema). */
export const UnitIdParam = z.string().min(1).max(64);

export { LOCALES, type Locale };
export const LocaleSchema = z.enum(LOCALES);
/** `?lang=`: enforced (400 with the allowed values); absent means Indonesian. */
export const LangQuery = LocaleSchema.optional();

export const EvaluationPath = z.object({ cycleId: CycleIdParam, nip: NipParam });
export const CyclePath = z.object({ cycleId: CycleIdParam });
export const Reason = z.string().trim().min(1).max(2000);

/** RFC 9457 problem details: every error answer of the API (shared/http/problem.ts writes them). */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().meta({ description: 'Bahasa Indonesia' }),
  detail_en: z.string().meta({ description: 'English' }),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), id: z.string(), en: z.string() }))
    .optional()
    .meta({ description: 'Isian yang bermasalah · the fields at fault' }),
});
