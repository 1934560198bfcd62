/**
 * Keys for keyed hashes (the survey's client and idempotency hashes, every list's page cursors),
 * derived from the link-signing key (installed by shared/composition.ts with useLinkKeys): one secret to rotate, and a separate derived key per purpose, so a hash made for one purpose can never be
 * replayed as another. After a rotation the previous key still verifies cursors; client hashes simply
 * change (a client's daily count starts again once, which is harmless).
 */
import { createHash, createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { LinkKeyProvider } from './link-keys';

type Purpose = 'client' | 'cursor' | 'idempotency';

let source: (() => LinkKeyProvider) | undefined;
/** The link-signing keys every derived key comes from (shared/composition.ts sets it once). */
export function useLinkKeys(provider: () => LinkKeyProvider): void {
  source = provider;
}

const derived = new Map<string, Buffer>();
function derive(secret: Uint8Array, kid: string, purpose: Purpose): Buffer {
  const id = `${kid}:${purpose}`;
  let key = derived.get(id);
  if (!key) {
    key = createHmac('sha256', secret).update(`asn-kinerja/skm/${purpose}/v1`).digest();
    derived.set(id, key);
  }
  return key;
}

/** The derived keys of one purpose (current, and previous after a rotation). */
export async function keysFor(purpose: Purpose): Promise<{ current: Buffer; previous?: Buffer }> {
  if (!source) throw new Error('No link keys installed: import shared/composition first');
  const set = await source().keys();
  return {
    current: derive(set.current.secret, set.current.kid, purpose),
    ...(set.previous ? { previous: derive(set.previous.secret, set.previous.kid, purpose) } : {}),
  };
}

export const mac = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** IPv4 as is; IPv6 cut to its /64 prefix, since one subscriber usually holds a whole /64. */
export function normaliseIp(ip: string): string {
  const addr = ip.trim().toLowerCase();
  if (!isIPv6(addr)) return addr;
  if (addr.includes('.')) return addr; // IPv4-mapped forms are rare here; keep them whole
  const [head = '', tail = ''] = addr.split('::');
  const h = head ? head.split(':') : [];
  const t = addr.includes('::') ? (tail ? tail.split(':') : []) : [];
  const full = addr.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client a submission comes from, for the daily limit and burst counters: a keyed hash
 * (HMAC-SHA256, 128 bits kept) of the source address alone (IPv6 cut to its /64). The User-Agent is not
 * part of it: a client chooses its User-Agent, so it could lift the limit by changing it (issue #12).
 * The address is not stored; the hash cannot be reversed without the key, and changes when the key rotates.
 */
export async function clientHash(sourceIp: string): Promise<string> {
  const { current } = await keysFor('client');
  return mac(current, normaliseIp(sourceIp)).subarray(0, 16).toString('base64url');
}

/** The Idempotency-Key as stored: a keyed hash, so the client's token never sits in the table. */
export async function idempotencyKeyHash(unitId: string, key: string): Promise<string> {
  const { current } = await keysFor('idempotency');
  return mac(current, `${unitId}\n${key}`).subarray(0, 16).toString('base64url');
}

/** A digest of what was submitted, to tell a retry from a different submission under the same key. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32);
}
