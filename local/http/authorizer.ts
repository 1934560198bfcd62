// The HTTP API JWT authorizer, reproduced locally.
//
// API Gateway's documented checks (http-api-jwt-authorizer, "Authorizing API requests"):
//   identity source `$request.header.Authorization`, holding the token alone or `Bearer <token>`;
//   RSA-based algorithms only; a `kid` header matching the issuer's key; `iss` equals the
//   configured issuer; `aud` (or `client_id` when there is no `aud`) is one of the configured
//   audiences; `exp` after now; `nbf` and `iat` before now.
// Any failure → 401 {"message":"Unauthorized"} with a `www-authenticate` header, and the
// integration is not invoked. Route authorization scopes are not modelled (our routes use none),
// so `scopes` is always null, as API Gateway sends for routes without scopes.
import type { KeyObject } from 'node:crypto';
import { type CryptoKey, decodeProtectedHeader, errors, importJWK, type JWK, jwtVerify } from 'jose';
import { type ApiGatewayClaims, renderClaimsLikeApiGateway } from './claims';

export const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;

export interface JwtAuthorizerConfig {
  /** The issuer's public key: a JWK (its `kid` must match the token's) or a key object. */
  publicKey: JWK | CryptoKey | KeyObject;
  /** One issuer, or several (the local stack: the tests' tokens and the local OIDC provider's, same key). */
  issuer: string | readonly string[];
  /** One audience or several (the authorizer's `audience` list). */
  audience: string | readonly string[];
  /** Allowed clock skew in seconds; default 0. */
  clockToleranceSeconds?: number;
}

export type JwtCheckResult = { ok: true; claims: ApiGatewayClaims; scopes: null } | { ok: false; description: string };

export type JwtAuthorizer = (authorizationHeader: string | undefined, now?: Date) => Promise<JwtCheckResult>;

function isJwk(key: JwtAuthorizerConfig['publicKey']): key is JWK {
  return typeof key === 'object' && key !== null && 'kty' in key && typeof (key as JWK).kty === 'string';
}

function audienceMatches(payload: Record<string, unknown>, accepted: readonly string[]): boolean {
  // API Gateway validates client_id only if aud is not present; with both, aud decides.
  const aud = payload.aud;
  if (aud !== undefined) {
    const values = Array.isArray(aud) ? aud : [aud];
    return values.some((value) => typeof value === 'string' && accepted.includes(value));
  }
  return typeof payload.client_id === 'string' && accepted.includes(payload.client_id);
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the token does not have a valid issuer';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    if (error.claim === 'exp') return 'the token has no expiry';
    return `the token has an invalid ${error.claim} claim`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature verification failed';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an unsupported algorithm';
  return 'the token is malformed';
}

export async function createJwtAuthorizer(config: JwtAuthorizerConfig): Promise<JwtAuthorizer> {
  const audiences: readonly string[] = typeof config.audience === 'string' ? [config.audience] : [...config.audience];
  if (audiences.length === 0) throw new Error('JWT authorizer: at least one audience is required');
  if (!config.issuer || config.issuer.length === 0) throw new Error('JWT authorizer: issuer is required');
  const issuer = typeof config.issuer === 'string' ? config.issuer : [...config.issuer];
  const expectedKid = isJwk(config.publicKey) ? config.publicKey.kid : undefined;
  let key: CryptoKey | KeyObject | Uint8Array;
  if (isJwk(config.publicKey)) {
    if (config.publicKey.kty !== 'RSA') {
      throw new Error(`JWT authorizer: the HTTP API JWT authorizer supports RSA keys only (got kty ${config.publicKey.kty})`);
    }
    if ('d' in config.publicKey) throw new Error('JWT authorizer: give the public key, not the private one');
    key = await importJWK(config.publicKey, config.publicKey.alg ?? 'RS256');
  } else {
    key = config.publicKey;
  }
  const clockTolerance = config.clockToleranceSeconds ?? 0;

  return async (authorizationHeader, now = new Date()) => {
    const value = authorizationHeader?.trim() ?? '';
    if (value === '') return { ok: false, description: '' };
    const token = /^bearer\s+/i.test(value) ? value.replace(/^bearer\s+/i, '') : value;
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      return { ok: false, description: 'the token is malformed' };
    }
    if (kid === undefined) return { ok: false, description: 'the token has no kid header' };
    if (expectedKid !== undefined && kid !== expectedKid) {
      return { ok: false, description: 'the token is signed by an unknown key (kid)' };
    }
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer,
        algorithms: [...JWT_ALGORITHMS],
        requiredClaims: ['exp'],
        clockTolerance,
        currentDate: now,
      });
      if (!audienceMatches(payload, audiences)) {
        return { ok: false, description: 'the token does not have a valid audience' };
      }
      const nowSeconds = Math.floor(now.getTime() / 1000);
      if (typeof payload.iat === 'number' && payload.iat > nowSeconds + clockTolerance) {
        return { ok: false, description: 'the token was issued in the future (iat)' };
      }
      return { ok: true, claims: renderClaimsLikeApiGateway(payload), scopes: null };
    } catch (error) {
      return { ok: false, description: describe(error) };
    }
  };
}

/** The `www-authenticate` value API Gateway sends with a 401 (RFC 6750 form). */
export function wwwAuthenticate(description: string): string {
  if (description === '') return 'Bearer';
  return `Bearer scope="" error="invalid_token" error_description="${description.replace(/"/g, "'")}"`;
}
