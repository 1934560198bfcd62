import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseApiGatewayListClaim, renderClaimsLikeApiGateway } from '../../../local/http/claims';
import { LOCAL_JWT_AUDIENCE, LOCAL_JWT_ISSUER, loadOrCreateLocalJwtKeys, mintLocalToken, parseTimeSpan } from '../../../local/http/keys';
import { NIP, tempDir } from './helpers';

describe('local signing keys', () => {
  it('creates an RS256 key pair once, as JWK files, and loads the same pair afterwards', async () => {
    const dir = await tempDir();
    try {
      const keysDir = join(dir.path, 'nested', 'keys');
      const first = await loadOrCreateLocalJwtKeys(keysDir);
      expect(first.alg).toBe('RS256');
      expect(first.privateJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: first.kid });
      expect(first.privateJwk.d).toBeTypeOf('string');
      expect(first.publicJwk).toMatchObject({ kty: 'RSA', kid: first.kid, n: first.privateJwk.n, e: first.privateJwk.e });
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(first.publicJwk).not.toHaveProperty(secret);

      expect(JSON.parse(await readFile(join(keysDir, 'jwt-private.json'), 'utf8'))).toEqual(first.privateJwk);
      expect(JSON.parse(await readFile(join(keysDir, 'jwt-public.json'), 'utf8'))).toEqual(first.publicJwk);
      expect((await stat(join(keysDir, 'jwt-private.json'))).mode & 0o077).toBe(0);

      const second = await loadOrCreateLocalJwtKeys(keysDir);
      expect(second.privateJwk).toEqual(first.privateJwk);
      expect(second.kid).toBe(first.kid);
    } finally {
      await dir.remove();
    }
  });

  it('gives every concurrent caller the same key (one creator wins)', async () => {
    const dir = await tempDir();
    try {
      const results = await Promise.all(Array.from({ length: 4 }, () => loadOrCreateLocalJwtKeys(dir.path)));
      expect(new Set(results.map((r) => r.kid)).size).toBe(1);
    } finally {
      await dir.remove();
    }
  });

  it('rewrites a missing or stale public file from the private key', async () => {
    const dir = await tempDir();
    try {
      const keys = await loadOrCreateLocalJwtKeys(dir.path);
      await writeFile(join(dir.path, 'jwt-public.json'), '{"kty":"RSA","n":"stale","e":"AQAB"}');
      const again = await loadOrCreateLocalJwtKeys(dir.path);
      expect(JSON.parse(await readFile(join(dir.path, 'jwt-public.json'), 'utf8'))).toEqual(keys.publicJwk);
      expect(again.publicJwk).toEqual(keys.publicJwk);
    } finally {
      await dir.remove();
    }
  });

  it('fails clearly on a damaged private key file, saying how to fix it', async () => {
    const dir = await tempDir();
    try {
      await writeFile(join(dir.path, 'jwt-private.json'), '{ not json');
      await expect(loadOrCreateLocalJwtKeys(dir.path)).rejects.toThrow(/not valid JSON. Delete it/);
      await writeFile(join(dir.path, 'jwt-private.json'), JSON.stringify({ kty: 'EC', crv: 'P-256' }));
      await expect(loadOrCreateLocalJwtKeys(dir.path)).rejects.toThrow(/RS256 RSA private JWK.*Delete the keys folder/);
    } finally {
      await dir.remove();
    }
  });
});

describe('mintLocalToken', () => {
  it('mints a Cognito-ID-token-shaped JWT verifiable with the public key', async () => {
    const dir = await tempDir();
    try {
      const keys = await loadOrCreateLocalJwtKeys(dir.path);
      const now = new Date('2026-01-05T08:00:00Z');
      const token = await mintLocalToken(keys, {
        sub: NIP,
        roles: ['hr', 'employee', 'hr'],
        agencyId: 'kec-asemrowo',
        name: 'Siti Rahayu',
        email: 'siti@example.go.id',
        expiresIn: '2h',
        now,
      });
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: keys.kid });
      const { payload } = await jwtVerify(token, await importJWK(keys.publicJwk, 'RS256'), {
        issuer: LOCAL_JWT_ISSUER,
        audience: LOCAL_JWT_AUDIENCE,
        currentDate: new Date('2026-01-05T09:00:00Z'),
      });
      const iat = now.getTime() / 1000;
      expect(payload).toMatchObject({
        sub: NIP,
        iss: 'http://127.0.0.1/local-cognito',
        aud: 'asn-kinerja',
        'cognito:groups': ['hr', 'employee'],
        'cognito:username': NIP,
        'custom:nip': NIP,
        'custom:agencyId': 'kec-asemrowo',
        token_use: 'id',
        name: 'Siti Rahayu',
        email: 'siti@example.go.id',
        email_verified: true,
        iat,
        auth_time: iat,
        exp: iat + 7200,
      });
    } finally {
      await dir.remove();
    }
  });

  it('defaults to a 12 hour lifetime and leaves out optional claims', async () => {
    const dir = await tempDir();
    try {
      const keys = await loadOrCreateLocalJwtKeys(dir.path);
      const payload = decodeJwt(await mintLocalToken(keys, { sub: NIP, roles: ['employee'], agencyId: 'a' }));
      expect(payload.exp! - payload.iat!).toBe(12 * 3600);
      expect(payload).not.toHaveProperty('email');
      expect(payload).not.toHaveProperty('name');
    } finally {
      await dir.remove();
    }
  });

  it('refuses tokens without sub, roles, a known role or agency', async () => {
    const dir = await tempDir();
    try {
      const keys = await loadOrCreateLocalJwtKeys(dir.path);
      await expect(mintLocalToken(keys, { sub: '', roles: ['hr'], agencyId: 'a' })).rejects.toThrow(/sub/);
      await expect(mintLocalToken(keys, { sub: NIP, roles: [], agencyId: 'a' })).rejects.toThrow(/at least one role/);
      await expect(mintLocalToken(keys, { sub: NIP, roles: ['admin' as 'hr'], agencyId: 'a' })).rejects.toThrow(/unknown role 'admin'/);
      await expect(mintLocalToken(keys, { sub: NIP, roles: ['hr'], agencyId: ' ' })).rejects.toThrow(/agencyId/);
    } finally {
      await dir.remove();
    }
  });

  it.each([
    ['90s', 90],
    ['15m', 900],
    ['12h', 43_200],
    ['7d', 604_800],
    ['1w', 604_800],
    ['-1h', -3600],
    [30, 30],
  ] as const)('parses the time span %j as %i seconds', (span, seconds) => {
    expect(parseTimeSpan(span)).toBe(seconds);
  });

  it('rejects a malformed time span', () => {
    expect(() => parseTimeSpan('soon')).toThrow(/invalid time span/);
  });
});

describe('claims as API Gateway passes them (payload 2.0)', () => {
  it('renders every claim as a string; arrays as "[a b]"', () => {
    expect(
      renderClaimsLikeApiGateway({
        sub: NIP,
        'cognito:groups': ['hr', 'employee'],
        single: ['hr'],
        none: [],
        exp: 1767600000,
        email_verified: true,
        nested: { b: 2, a: 'x' },
        nothing: null,
      }),
    ).toEqual({
      sub: NIP,
      'cognito:groups': '[hr employee]',
      single: '[hr]',
      none: '[]',
      exp: '1767600000',
      email_verified: 'true',
      nested: 'map[a:x b:2]',
      nothing: '<nil>',
    });
  });

  it.each([
    ['[hr employee]', ['hr', 'employee']],
    ['[hr]', ['hr']],
    ['[]', []],
    ['hr', ['hr']],
    [
      ['hr', 'employee'],
      ['hr', 'employee'],
    ],
    [undefined, []],
  ] as const)('parses the list claim %j', (value, expected) => {
    expect(parseApiGatewayListClaim(value)).toEqual(expected);
  });
});
