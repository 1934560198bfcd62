/**
 * The survey's protections, as named settings. The daily limit can be raised per deployment with
 * SKM_DAILY_LIMIT (e.g. for a unit whose survey runs on one shared kiosk); everything else is fixed.
 */
import * as z from 'zod';

/** Submissions one client (keyed hash of source address + user agent) may make per unit per WIB day. */
export const DEFAULT_DAILY_LIMIT = 5;
/** Largest request body the public survey accepts, in bytes (a full submission is < 2 KB). */
export const MAX_SUBMISSION_BYTES = 8 * 1024;
export const MAX_COMMENT_CHARS = 1000;
export const MAX_SERVICE_CHARS = 100;
/** How long an Idempotency-Key is remembered. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** Daily counters outlive their day by this much (DynamoDB deletes expired items within ~48 h anyway;
 *  the day is part of the key, so a late deletion never carries a count over). */
export const LIMIT_TTL_GRACE_SECONDS = 24 * 3600;
/** At most this many NIPs named in one comment are linked (more is not a comment about a person). */
export const MAX_NAMED_NIPS = 5;

const LimitSchema = z.coerce.number().int().min(1).max(10_000);

/** The daily limit from the deployment's settings (shared/composition.ts passes the environment). */
export function dailyLimit(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.SKM_DAILY_LIMIT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_DAILY_LIMIT;
  const parsed = LimitSchema.safeParse(raw);
  if (!parsed.success) throw new Error('SKM_DAILY_LIMIT must be a whole number from 1 to 10000');
  return parsed.data;
}
