/**
 * The survey's protections, as named settings. The daily limit can be raised per deployment with
 * SKM_DAILY_LIMIT (e.g. for a unit whose survey runs on one shared kiosk); everything else is fixed.
 */
import * as z from 'zod';

/**
 * Submissions one client may make per unit per WIB day. The client is a keyed hash of the source
 * address alone (an IPv6 /64): a changed User-Agent does not make a new client (issue #12).
 */
export const DEFAULT_DAILY_LIMIT = 5;
/**
 * A kiosk (a device token HR issues for one unit's service counter, header X-Kiosk-Token) has its own
 * budget per WIB day instead of its address's: a busy counter is not shut out, and its token can be revoked.
 */
export const KIOSK_DAILY_LIMIT = 1000;
/**
 * Suspicious bursts: from one address (not a kiosk), the `identicalAnswers`-th submission to one unit with
 * exactly the same nine answers within one `windowMinutes` window, and every later one in it, is held for
 * HR's review (the moderation queue) instead of being counted in the IKM. HR approving it counts it;
 * rejecting it discards it. Chosen so a family answering the same way twice on one phone still counts,
 * while a script posting one answer vector over and over moves nothing.
 */
export const BURST_POLICY = { windowMinutes: 10, identicalAnswers: 3 } as const;
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
