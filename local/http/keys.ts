// Local stand-in for the Cognito user pool's signing key, and a token minter.
//
// Algorithm: RS256, not ES256. The HTTP API JWT authorizer supports only RSA-based algorithms
// ("Currently, only RSA-based algorithms are supported", http-api-jwt-authorizer), and Cognito
// signs with RS256. A local ES256 key would let the local authorizer accept tokens the real one
// rejects; RS256 keeps the two worlds identical. The local verifier accepts RS256/384/512 only.
//
// Tokens look like Cognito ID tokens (the kind that carries `custom:*` attributes and
// `cognito:groups`): `aud` is the app client (here LOCAL_JWT_AUDIENCE), `token_use: "id"`.
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';

export const LOCAL_JWT_ISSUER = 'http://127.0.0.1/local-cognito';
export const LOCAL_JWT_AUDIENCE = 'asn-kinerja';
export const LOCAL_JWT_ALG = 'RS256';
/** The keys `npm start` signs and checks with (its work folder is .local/run, remade at each start). */
export const DEFAULT_LOCAL_KEYS_DIR = '.local/run/keys';
export const LOCAL_JWT_PRIVATE_FILE = 'jwt-private.json';
export const LOCAL_JWT_PUBLIC_FILE = 'jwt-public.json';
export const LOCAL_ROLES = ['hr', 'employee'] as const;
export type LocalRole = (typeof LOCAL_ROLES)[number];

export interface LocalJwtKeys {
  /** RSA private JWK (with `kid`, `alg`, `use`); never leaves `.local/`. */
  readonly privateJwk: JWK;
  /** The matching public JWK: give it to the local HTTP API's JWT check. */
  readonly publicJwk: JWK;
  /** Key id (RFC 7638 thumbprint), set as the tokens' `kid` header. */
  readonly kid: string;
  readonly alg: typeof LOCAL_JWT_ALG;
  readonly privateKeyPath: string;
  readonly publicKeyPath: string;
}

export interface MintLocalTokenOptions {
  /** The employee's NIP; also copied to `custom:nip` and `cognito:username`. */
  sub: string;
  /** Cognito groups; at least one. */
  roles: readonly LocalRole[];
  agencyId: string;
  name?: string;
  email?: string;
  /** Lifetime from `now`: '15m', '12h', '7d' or seconds (negative → already expired); default '12h'. */
  expiresIn?: string | number;
  /** Issue time; default now. Lets tests make expired or not-yet-valid tokens. */
  now?: Date;
  issuer?: string;
  audience?: string;
  /** Extra claims, e.g. for negative tests; they override nothing above. */
  extraClaims?: Record<string, unknown>;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

function publicFromPrivate(privateJwk: JWK): JWK {
  const publicJwk: Record<string, unknown> = { ...privateJwk };
  for (const member of PRIVATE_MEMBERS) delete publicJwk[member];
  return publicJwk as JWK;
}

function assertUsablePrivateJwk(value: unknown, path: string): asserts value is JWK & { kid: string } {
  const jwk = value as Partial<JWK> | null;
  const ok =
    jwk !== null &&
    typeof jwk === 'object' &&
    jwk.kty === 'RSA' &&
    typeof jwk.n === 'string' &&
    typeof jwk.e === 'string' &&
    typeof jwk.d === 'string' &&
    typeof jwk.kid === 'string' &&
    jwk.alg === LOCAL_JWT_ALG;
  if (!ok) {
    throw new Error(
      `Local JWT key ${path} is not an ${LOCAL_JWT_ALG} RSA private JWK with a kid. ` +
        `Delete the keys folder (${join(path, '..')}) and it will be recreated; tokens minted with the old key stop working.`,
    );
  }
}

async function readJson(path: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`Local JWT key ${path} is not valid JSON. Delete it and it will be recreated.`);
  }
}

async function createPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(LOCAL_JWT_ALG, { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: LOCAL_JWT_ALG, use: 'sig' };
}

/**
 * Loads the local signing key pair from `dir`, creating it the first time.
 * Safe when several processes start at once (e.g. the local stack and `mint-token`): the
 * private key is published with an atomic hard link, so exactly one key wins and every
 * process reads that one. The public file is always rewritten from the private key.
 */
export async function loadOrCreateLocalJwtKeys(dir: string): Promise<LocalJwtKeys> {
  const privateKeyPath = join(dir, LOCAL_JWT_PRIVATE_FILE);
  const publicKeyPath = join(dir, LOCAL_JWT_PUBLIC_FILE);
  let stored = await readJson(privateKeyPath);
  if (stored === undefined) {
    await mkdir(dir, { recursive: true });
    const candidate = await createPrivateJwk();
    const temp = join(dir, `.${LOCAL_JWT_PRIVATE_FILE}.${process.pid}.${randomUUID()}.tmp`);
    await writeFile(temp, `${JSON.stringify(candidate, null, 2)}\n`, { mode: 0o600 });
    try {
      await link(temp, privateKeyPath); // fails with EEXIST if another process got there first
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    stored = await readJson(privateKeyPath);
  }
  assertUsablePrivateJwk(stored, privateKeyPath);
  const privateJwk = stored;
  const publicJwk = publicFromPrivate(privateJwk);
  const publicText = `${JSON.stringify(publicJwk, null, 2)}\n`;
  const existingPublic = await readFile(publicKeyPath, 'utf8').catch(() => undefined);
  if (existingPublic !== publicText) await writeFile(publicKeyPath, publicText);
  return { privateJwk, publicJwk, kid: privateJwk.kid, alg: LOCAL_JWT_ALG, privateKeyPath, publicKeyPath };
}

/** The `jwt` option of `startLocalHttpApi` for keys made here. */
export function localJwtAuthorizerConfig(keys: Pick<LocalJwtKeys, 'publicJwk'>): {
  publicKey: JWK;
  issuer: string;
  audience: string;
} {
  return { publicKey: keys.publicJwk, issuer: LOCAL_JWT_ISSUER, audience: LOCAL_JWT_AUDIENCE };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** '90s', '15m', '12h', '7d', '1w' or a number of seconds; negative values allowed (expired tokens). */
export function parseTimeSpan(span: string | number): number {
  if (typeof span === 'number') {
    if (!Number.isFinite(span)) throw new Error(`invalid time span: ${span}`);
    return Math.trunc(span);
  }
  const match = /^(-?\d+)\s*([smhdw]?)$/.exec(span.trim());
  if (!match) throw new Error(`invalid time span '${span}' (use e.g. 90s, 15m, 12h, 7d)`);
  return Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
}

/** Mints a Cognito-ID-token-shaped JWT signed with the local key. */
export async function mintLocalToken(keys: Pick<LocalJwtKeys, 'privateJwk' | 'kid'>, options: MintLocalTokenOptions): Promise<string> {
  const { sub, roles, agencyId } = options;
  if (typeof sub !== 'string' || sub.trim() === '') throw new Error('mintLocalToken: sub (the NIP) is required');
  if (!Array.isArray(roles) || roles.length === 0) throw new Error('mintLocalToken: at least one role is required');
  for (const role of roles) {
    if (!(LOCAL_ROLES as readonly string[]).includes(role)) {
      throw new Error(`mintLocalToken: unknown role '${String(role)}' (expected ${LOCAL_ROLES.join(' or ')})`);
    }
  }
  if (typeof agencyId !== 'string' || agencyId.trim() === '') throw new Error('mintLocalToken: agencyId is required');

  const now = options.now ?? new Date();
  const iat = Math.floor(now.getTime() / 1000);
  const key = await importJWK(keys.privateJwk, LOCAL_JWT_ALG);
  const claims: Record<string, unknown> = {
    ...options.extraClaims,
    'cognito:groups': [...new Set(roles)],
    'cognito:username': sub,
    'custom:nip': sub,
    'custom:agencyId': agencyId,
    token_use: 'id',
    auth_time: iat,
    jti: randomUUID(),
  };
  if (options.name !== undefined) claims.name = options.name;
  if (options.email !== undefined) {
    claims.email = options.email;
    claims.email_verified = true;
  }
  const lifetime = parseTimeSpan(options.expiresIn ?? '12h');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: LOCAL_JWT_ALG, kid: keys.kid })
    .setSubject(sub)
    .setIssuer(options.issuer ?? LOCAL_JWT_ISSUER)
    .setAudience(options.audience ?? LOCAL_JWT_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime)
    .sign(key);
}
