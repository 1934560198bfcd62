/**
 * Opaque, tamper-proof page cursors for every list (HR evaluations, SKM moderation queues): the
 * DynamoDB LastEvaluatedKey, signed with a key derived from the link-signing secret and bound to the
 * query it came from.
 */
import { timingSafeEqual } from 'node:crypto';
import { TABLE_KEY_SCHEMA } from '../adapters/dynamodb/keys';
import { keysFor, mac } from '../adapters/links/derived-keys';
import { badRequest } from './problem';

/** The key attributes a cursor may carry: the table's and every GSI's (keys.ts TABLE_KEY_SCHEMA). */
const CURSOR_KEY_NAMES = new Set<string>([
  TABLE_KEY_SCHEMA.partitionKey,
  TABLE_KEY_SCHEMA.sortKey,
  ...TABLE_KEY_SCHEMA.gsis.flatMap((g) => [g.partitionKey, g.sortKey]),
]);

/**
 * An opaque page cursor: base64url(JSON of the LastEvaluatedKey) '.' base64url(HMAC). The MAC also
 * covers `scope` (the query it belongs to), so a cursor cannot be moved to another query either.
 */
export async function signCursor(lastKey: Record<string, unknown> | undefined, scope: string): Promise<string | null> {
  if (!lastKey) return null;
  const payload = Buffer.from(JSON.stringify(lastKey)).toString('base64url');
  const { current } = await keysFor('cursor');
  return `${payload}.${mac(current, `${scope}\n${payload}`).toString('base64url')}`;
}

const invalidCursor = () => badRequest('Kursor halaman tidak sah atau bukan untuk permintaan ini', 'The page cursor is invalid or belongs to another query');

/** Verifies and decodes a cursor; anything forged, altered or from another query → 400. */
export async function verifyCursor(cursor: string | undefined, scope: string): Promise<Record<string, string> | undefined> {
  if (!cursor) return undefined;
  const [payload, sig, ...rest] = cursor.split('.');
  if (!payload || !sig || rest.length > 0 || !/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(sig)) throw invalidCursor();
  const given = Buffer.from(sig, 'base64url');
  const { current, previous } = await keysFor('cursor');
  const ok = [current, previous].some((k) => {
    if (!k) return false;
    const expected = mac(k, `${scope}\n${payload}`);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!ok) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidCursor();
  const entries = Object.entries(parsed);
  if (entries.length === 0 || entries.some(([k, v]) => !CURSOR_KEY_NAMES.has(k) || typeof v !== 'string' || v.length > 400)) throw invalidCursor();
  return Object.fromEntries(entries) as Record<string, string>;
}
