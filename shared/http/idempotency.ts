/**
 * Idempotency-Key on the JWT write routes, as the IETF draft "The Idempotency-Key HTTP Header Field"
 * (draft-ietf-httpapi-idempotency-key-header) describes it, in one place (the router calls it):
 * - a key is bound to the caller (agency + NIP), the route, the path and the body: the same key with
 *   any of these different is refused with 422 and changes nothing;
 * - a replay (same key, same caller, route, path, body) gets the stored answer of the first request
 *   (status and body), with `Idempotent-Replayed: true`, and has no second effect;
 * - only a success is stored (24 h): a refused request may be sent again under the same key.
 * The use cases' change id is derived from the key and what it is bound to (`boundChangeId`), so two
 * concurrent requests under one key cannot both apply, and a key reused by another caller or on another
 * record never reads as a replay there.
 * The public survey and the signed decision links keep their own rules (shared/application/skm, decide).
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { ports } from '../application/context';
import type { Caller } from '../application/ports';
import { badRequest, HttpProblem } from './problem';

/** How long a first answer is kept for its replays. */
export const API_IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
export const REPLAYED_HEADER = 'idempotent-replayed';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Any visible ASCII, up to 255 characters (the draft leaves the form to the client; a UUID is typical). */
const ApiIdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, 'Idempotency-Key harus 1–255 karakter ASCII terlihat / Idempotency-Key must be 1–255 visible ASCII characters');

/** The request's Idempotency-Key when this is a JWT write that sent one (400 when it is malformed). */
export function idempotencyKeyOf(method: string, auth: 'jwt' | 'none', headers: Record<string, string>): string | undefined {
  if (auth !== 'jwt' || !WRITES.has(method)) return undefined;
  const raw = headers['idempotency-key'];
  if (raw === undefined || raw === '') return undefined;
  const key = ApiIdempotencyKey.safeParse(raw);
  if (key.success) return key.data;
  const message = key.error.issues[0]!.message;
  throw badRequest('Header Idempotency-Key tidak valid', 'Invalid Idempotency-Key header', [{ field: 'Idempotency-Key', id: message, en: message }]);
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The change id the use case records: the key bound to caller, route and path (never the raw key). */
export function boundChangeId(key: string, caller: Caller, routeKey: string, rawPath: string): string {
  return `k-${sha(`${caller.agencyId}\n${caller.nip}\n${routeKey}\n${rawPath}\n${key}`).slice(0, 32)}`;
}

export interface Bound {
  keyHash: string;
  fingerprint: string;
}

export async function bind(key: string, caller: Caller, routeKey: string, rawPath: string, body: string): Promise<Bound> {
  return {
    keyHash: await ports().hashes.idempotencyKeyHash('api', key),
    fingerprint: sha(`${caller.agencyId}\n${caller.nip}\n${routeKey}\n${rawPath}\n${sha(body)}`),
  };
}

const reused = () =>
  new HttpProblem(
    422,
    'Unprocessable Content',
    'Idempotency-Key ini sudah dipakai untuk permintaan lain (pengguna, alamat, atau isi berbeda); gunakan kunci baru',
    'This Idempotency-Key was already used for another request (another caller, route or body); use a new key',
    [{ field: 'Idempotency-Key', id: 'Kunci sudah dipakai untuk permintaan lain', en: 'Key already used for another request' }],
  );

export interface Answer {
  statusCode: number;
  body: string;
}

/** The stored answer to replay, or undefined to run the request; 422 when the key was used otherwise. */
export async function replayOf(b: Bound): Promise<Answer | undefined> {
  const seen = await ports().idempotency.get(b.keyHash);
  if (!seen || seen.expiresAt < nowSeconds()) return undefined;
  if (seen.fingerprint !== b.fingerprint) throw reused();
  return { statusCode: seen.status, body: seen.body };
}

/** Keeps a success for its replays; if a concurrent request under the key stored first, its answer wins. */
export async function remember(b: Bound, answer: Answer): Promise<Answer & { replayed?: true }> {
  if (answer.statusCode < 200 || answer.statusCode >= 300) return answer;
  const now = nowSeconds();
  const stored = { fingerprint: b.fingerprint, status: answer.statusCode, body: answer.body, expiresAt: now + API_IDEMPOTENCY_TTL_SECONDS };
  if (await ports().idempotency.put(b.keyHash, stored, now)) return answer;
  const first = await replayOf(b);
  return first ? { ...first, replayed: true } : answer;
}

const nowSeconds = () => Math.floor(ports().clock.now().getTime() / 1000);
