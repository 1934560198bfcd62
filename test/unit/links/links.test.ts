import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDecisionUrl,
  type DecisionLinkParams,
  isLinkForRecipient,
  type LinkKey,
  type LinkKeySet,
  linkFormFields,
  parseDecision,
  recipientTag,
  signDecisionLink,
  verifyDecisionLink,
} from '../../../shared/adapters/links/links';

const keyA: LinkKey = { kid: 'k2026a', secret: Buffer.alloc(32, 0xa1) };
const keyB: LinkKey = { kid: 'k2026b', secret: Buffer.alloc(32, 0xb2) };
const keys: LinkKeySet = { current: keyA };

const NOW = new Date('2027-01-10T02:00:00.000Z');
const E = Math.floor(NOW.getTime() / 1000) + 7 * 24 * 3600;
const params: DecisionLinkParams = {
  decisionId: '01JH8Z6QK3V4TB2N9W7C5XRY0M',
  action: 'approve',
  recipient: 'camat.asemrowo@surabaya.go.id',
  expiresAt: E,
};

function query(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const { d: _d, ...rest } = signDecisionLink(params, keyA);
  return { ...rest, ...overrides };
}

/** Changes one character of a base64url / alphanumeric value, keeping it well-formed. */
function flip(value: string, index = 0): string {
  const c = value[index];
  const replacement = c === 'A' ? 'B' : 'A';
  return value.slice(0, index) + replacement + value.slice(index + 1);
}

describe('signDecisionLink / buildDecisionUrl', () => {
  it('signs every field and verifies', () => {
    const q = signDecisionLink(params, keyA);
    expect(Object.keys(q).sort()).toEqual(['a', 'd', 'e', 'k', 'r', 's']);
    expect(q.e).toBe(String(E));
    expect(q.k).toBe('k2026a');
    expect(q.s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.r).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const result = verifyDecisionLink(q, q.d, keys, NOW);
    expect(result).toEqual({
      ok: true,
      link: { d: q.d, a: 'approve', r: q.r, e: E, k: 'k2026a', s: q.s, expiresAt: new Date(E * 1000) },
    });
  });

  it('accepts a Date as expiry (floored to seconds)', () => {
    const q = signDecisionLink({ ...params, expiresAt: new Date(E * 1000 + 999) }, keyA);
    expect(q.e).toBe(String(E));
  });

  it('builds /v1/decisions/{d} with the signed fields in the query, and no raw recipient', () => {
    const url = new URL(buildDecisionUrl('https://api.kinerja.example.go.id/prod/', params, keyA));
    expect(url.origin + url.pathname).toBe(`https://api.kinerja.example.go.id/prod/v1/decisions/${params.decisionId}`);
    expect([...url.searchParams.keys()]).toEqual(['a', 'r', 'e', 'k', 's']);
    expect(url.toString()).not.toContain('surabaya');
    expect(url.toString()).not.toContain('camat');
    const q = Object.fromEntries(url.searchParams);
    const d = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    expect(verifyDecisionLink(q, d, keys, NOW).ok).toBe(true);
  });

  it('rejects what could not be verified later', () => {
    expect(() => signDecisionLink({ ...params, decisionId: 'short' }, keyA)).toThrow(/decision id/);
    expect(() => signDecisionLink({ ...params, decisionId: 'abc/def/../ghi' }, keyA)).toThrow(/decision id/);
    expect(() => signDecisionLink({ ...params, action: 'delete' as never }, keyA)).toThrow(/action/);
    expect(() => signDecisionLink(params, { kid: 'k1', secret: Buffer.alloc(31) })).toThrow(/at least 32 bytes/);
    expect(() => signDecisionLink(params, { kid: 'bad kid', secret: Buffer.alloc(32) })).toThrow(/key id/);
    expect(() => signDecisionLink({ ...params, expiresAt: 1.5 }, keyA)).toThrow(/expiry/);
    expect(() => signDecisionLink({ ...params, recipient: '  ' }, keyA)).toThrow(/recipient/);
  });
});

describe('verifyDecisionLink: tampering', () => {
  it('rejects a changed decision id (path)', () => {
    expect(verifyDecisionLink(query(), flip(params.decisionId), keys, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('rejects a d in the query that differs from the path', () => {
    expect(verifyDecisionLink(query({ d: flip(params.decisionId) }), params.decisionId, keys, NOW)).toEqual({
      ok: false,
      reason: 'tampered',
    });
    // …while an equal d in the query is fine
    expect(verifyDecisionLink(query({ d: params.decisionId }), params.decisionId, keys, NOW).ok).toBe(true);
  });

  it.each(['view', 'return'])('rejects the action changed to %s', (a) => {
    expect(verifyDecisionLink(query({ a }), params.decisionId, keys, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('rejects a changed recipient tag', () => {
    const r = recipientTag('someone.else@surabaya.go.id', keyA);
    expect(verifyDecisionLink(query({ r }), params.decisionId, keys, NOW)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyDecisionLink(query({ r: flip(query().r as string, 5) }), params.decisionId, keys, NOW)).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('rejects a changed expiry — extended or shortened — as tampered, not expired', () => {
    for (const e of [String(E + 1), String(E + 365 * 86400), String(E - 1)]) {
      expect(verifyDecisionLink(query({ e }), params.decisionId, keys, NOW)).toEqual({ ok: false, reason: 'tampered' });
    }
    // an attacker cannot learn about expiry before the signature checks out
    const late = new Date((E + 10) * 1000);
    expect(verifyDecisionLink(query({ e: String(E + 1) }), params.decisionId, keys, late)).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('rejects a key id changed to an unknown key as unknown-key, to another known key as tampered', () => {
    expect(verifyDecisionLink(query({ k: 'k2026z' }), params.decisionId, keys, NOW)).toEqual({ ok: false, reason: 'unknown-key' });
    const both: LinkKeySet = { current: keyA, previous: keyB };
    expect(verifyDecisionLink(query({ k: keyB.kid }), params.decisionId, both, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('rejects a changed signature', () => {
    const s = query().s as string;
    expect(verifyDecisionLink(query({ s: flip(s, 0) }), params.decisionId, keys, NOW)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyDecisionLink(query({ s: flip(s, 20) }), params.decisionId, keys, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('rejects a non-canonical spelling of the right signature', () => {
    const s = query().s as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(s[42] as string);
    // the last character carries 4 data bits and 2 unused bits: set an unused bit
    const variant = s.slice(0, 42) + alphabet[last ^ 1];
    expect(Buffer.from(variant, 'base64url').equals(Buffer.from(s, 'base64url'))).toBe(true);
    expect(verifyDecisionLink(query({ s: variant }), params.decisionId, keys, NOW).ok).toBe(false);
  });

  it('rejects a signature made with a different key under the same key id', () => {
    const forged = signDecisionLink(params, { kid: keyA.kid, secret: Buffer.alloc(32, 0x00) });
    expect(verifyDecisionLink(forged, params.decisionId, keys, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('property: any single-character change of any field is rejected', () => {
    const base = query() as Record<string, string>;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.constantFrom('d', 'a', 'r', 'e', 'k', 's'), fc.nat(), fc.constantFrom(...alphabet.split('')), (field, pos, ch) => {
        const source = field === 'd' ? params.decisionId : (base[field] as string);
        const i = pos % source.length;
        fc.pre(source[i] !== ch);
        const changed = source.slice(0, i) + ch + source.slice(i + 1);
        const q = field === 'd' ? base : { ...base, [field]: changed };
        const d = field === 'd' ? changed : params.decisionId;
        return verifyDecisionLink(q, d, keys, NOW).ok === false;
      }),
      { numRuns: 500 },
    );
  });
});

describe('verifyDecisionLink: expiry edge (valid while now < e)', () => {
  const at = (ms: number) => new Date(ms);
  it('is valid one second before e', () => {
    expect(verifyDecisionLink(query(), params.decisionId, keys, at((E - 1) * 1000)).ok).toBe(true);
  });
  it('is valid one millisecond before e', () => {
    expect(verifyDecisionLink(query(), params.decisionId, keys, at(E * 1000 - 1)).ok).toBe(true);
  });
  it('has expired exactly at e', () => {
    expect(verifyDecisionLink(query(), params.decisionId, keys, at(E * 1000))).toEqual({ ok: false, reason: 'expired' });
  });
  it('has expired after e', () => {
    expect(verifyDecisionLink(query(), params.decisionId, keys, at((E + 3600) * 1000))).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('verifyDecisionLink: key rotation', () => {
  const signedWithA = signDecisionLink(params, keyA);

  it('a link signed with the previous key still verifies', () => {
    const rotated: LinkKeySet = { current: keyB, previous: keyA };
    const result = verifyDecisionLink(signedWithA, params.decisionId, rotated, NOW);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.link.k).toBe(keyA.kid);
  });

  it('a link signed with the current key verifies during rotation', () => {
    const rotated: LinkKeySet = { current: keyB, previous: keyA };
    expect(verifyDecisionLink(signDecisionLink(params, keyB), params.decisionId, rotated, NOW).ok).toBe(true);
  });

  it('a link signed with a key that has been rotated out reports unknown-key', () => {
    const keyC: LinkKey = { kid: 'k2027a', secret: Buffer.alloc(32, 0xc3) };
    expect(verifyDecisionLink(signedWithA, params.decisionId, { current: keyC, previous: keyB }, NOW)).toEqual({
      ok: false,
      reason: 'unknown-key',
    });
    expect(verifyDecisionLink(signedWithA, params.decisionId, { current: keyB }, NOW)).toEqual({ ok: false, reason: 'unknown-key' });
  });
});

describe('verifyDecisionLink: malformed input', () => {
  const { d: _d, ...good } = signDecisionLink(params, keyA);
  const cases: [string, Record<string, string | undefined>, string | undefined][] = [
    ['empty query', {}, params.decisionId],
    ['missing a', { ...good, a: undefined }, params.decisionId],
    ['missing r', { ...good, r: undefined }, params.decisionId],
    ['missing e', { ...good, e: undefined }, params.decisionId],
    ['missing k', { ...good, k: undefined }, params.decisionId],
    ['missing s', { ...good, s: undefined }, params.decisionId],
    ['missing path id', good, undefined],
    ['short path id', good, 'abc'],
    ['path id with a slash', good, '01JH8Z6QK3V4/B2N9W7C5XRY0M'],
    ['unknown action', { ...good, a: 'delete' }, params.decisionId],
    ['duplicated action joined by API Gateway', { ...good, a: 'approve,return' }, params.decisionId],
    ['expiry with leading zero', { ...good, e: `0${good.e}` }, params.decisionId],
    ['expiry not a number', { ...good, e: '1e12' }, params.decisionId],
    ['negative expiry', { ...good, e: `-${good.e}` }, params.decisionId],
    ['huge expiry', { ...good, e: '9'.repeat(40) }, params.decisionId],
    ['short signature', { ...good, s: good.s.slice(0, 42) }, params.decisionId],
    ['padded signature', { ...good, s: `${good.s}=` }, params.decisionId],
    ['standard base64 signature', { ...good, s: `+${good.s.slice(1)}` }, params.decisionId],
    ['short recipient tag', { ...good, r: good.r.slice(1) }, params.decisionId],
    ['raw email as recipient', { ...good, r: 'camat@surabaya.go.id' }, params.decisionId],
    ['key id with a space', { ...good, k: 'k 1' }, params.decisionId],
    ['empty key id', { ...good, k: '' }, params.decisionId],
    ['newline in key id', { ...good, k: `${good.k}\n` }, params.decisionId],
  ];
  it.each(cases)('%s → malformed', (_name, q, d) => {
    expect(verifyDecisionLink(q, d, keys, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('ignores unrelated query parameters (mail trackers add them)', () => {
    expect(verifyDecisionLink({ ...good, utm_source: 'email' }, params.decisionId, keys, NOW).ok).toBe(true);
  });
});

describe('recipient binding', () => {
  const nip = '19800101 200501 1 001';
  const q = signDecisionLink({ ...params, recipient: nip }, keyA);

  it('matches the same recipient however it is spaced or cased', () => {
    const result = verifyDecisionLink(q, q.d, keys, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(isLinkForRecipient(result.link, '198001012005011001', keys)).toBe(true);
    expect(isLinkForRecipient(result.link, ' 19800101 200501 1 001 ', keys)).toBe(true);
    expect(isLinkForRecipient(result.link, '198001012005011002', keys)).toBe(false);
    expect(isLinkForRecipient(result.link, '', keys)).toBe(false);
  });

  it('is keyed: the tag differs per key and does not reveal the NIP', () => {
    expect(recipientTag(nip, keyA)).not.toBe(recipientTag(nip, keyB));
    expect(q.r).not.toContain('1980');
    expect(recipientTag('Camat@Surabaya.go.id', keyA)).toBe(recipientTag('camat@surabaya.go.id', keyA));
  });

  it('is false when the signing key is gone', () => {
    expect(isLinkForRecipient({ r: q.r, k: 'gone' }, nip, keys)).toBe(false);
  });
});

describe('form round trip and decisions', () => {
  it('linkFormFields echoes exactly what verification needs', () => {
    const verified = verifyDecisionLink(query(), params.decisionId, keys, NOW);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    const fields = linkFormFields(verified.link);
    expect(Object.keys(fields).sort()).toEqual(['a', 'e', 'k', 'r', 's']);
    expect(verifyDecisionLink(fields, params.decisionId, keys, NOW).ok).toBe(true);
  });

  it('parseDecision accepts only approve and return', () => {
    expect(parseDecision('approve')).toBe('approve');
    expect(parseDecision('return')).toBe('return');
    expect(parseDecision('view')).toBeUndefined();
    expect(parseDecision(undefined)).toBeUndefined();
    expect(parseDecision('APPROVE')).toBeUndefined();
  });
});
