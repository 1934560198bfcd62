/**
 * A minimal OpenID Connect provider for the local stack only (never deployed): the web app signs in
 * with oidc-client-ts exactly as it does against Cognito's managed login or an agency's provider —
 * authorization code with PKCE (S256) — and gets tokens signed with the local key the local JWT
 * authorizer checks, carrying the same claims as the tests' tokens (local/http/keys.ts mintLocalToken).
 *
 * Served by the local HTTP server under `/local/oidc/` (issuer `<api>/local/oidc`):
 *   GET  /.well-known/openid-configuration   discovery
 *   GET  /authorize                          sign-in page: the people of the roster, grouped by unit, with search
 *   POST /authorize                          the chosen person → 302 to redirect_uri?code&state
 *   POST /token                              code + code_verifier (S256) → id_token, access_token
 *   GET  /jwks                               the public key
 *   GET  /logout                             end session → 302 to post_logout_redirect_uri?state
 *   GET  /signin.css                         the page's style (the page's CSP allows no inline style)
 *
 * No password: anyone who can reach 127.0.0.1 may sign in as anyone, which is the point of a local stack.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type LocalJwtKeys, type LocalRole, mintLocalToken } from '../http/keys';
import type { LocalPerson, PageAnswer, PageRequest } from './types';

export type { LocalPerson, PageAnswer, PageRequest } from './types';

import { SIGNIN_CSS, signInPage } from './page';

export const LOCAL_OIDC_PREFIX = '/local/oidc';

export interface LocalOidcOptions {
  /** `<api url>/local/oidc` */
  issuer: string;
  keys: Pick<LocalJwtKeys, 'privateJwk' | 'publicJwk' | 'kid'>;
  clientId: string;
  agencyId: string;
  /** The people the sign-in page lists (read from the roster at each request). */
  people(): Promise<LocalPerson[]>;
  /** Origins a redirect_uri / post_logout_redirect_uri may have: the app's (the server's own) and any dev server. */
  redirectOrigins: readonly string[];
  /** Token lifetime; default '1h' (tests shorten it to see expiry). */
  tokenLifetime?: string | number;
  now?: () => Date;
}

interface PendingCode {
  nip: string;
  roles: LocalRole[];
  name: string;
  email?: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  scope: string;
  expiresAt: number;
}

const CODE_TTL_MS = 60_000;
const b64url = (buf: Buffer) => buf.toString('base64url');
export const s256 = (verifier: string) => b64url(createHash('sha256').update(verifier).digest());

const json = (status: number, body: unknown, extra: Record<string, string> = {}): PageAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra },
  body: JSON.stringify(body),
});
const oauthError = (status: number, error: string, description: string, extra: Record<string, string> = {}) =>
  json(status, { error, error_description: description }, extra);

const PAGE_CSP = (formTargets: string) =>
  `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' ${formTargets}; frame-ancestors 'none'; base-uri 'none'`;

function html(status: number, body: string, formTargets = ''): PageAnswer {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': PAGE_CSP(formTargets).trim(),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    },
    body,
  };
}

export interface LocalOidc {
  issuer: string;
  discovery(): Record<string, unknown>;
  handle(req: PageRequest): Promise<PageAnswer | undefined>;
}

export function createLocalOidc(options: LocalOidcOptions): LocalOidc {
  const issuer = options.issuer.replace(/\/$/, '');
  const prefix = new URL(issuer).pathname;
  const codes = new Map<string, PendingCode>();
  const now = () => options.now?.() ?? new Date();

  const discovery = () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    end_session_endpoint: `${issuer}/logout`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: ['sub', 'name', 'email', 'custom:nip', 'custom:agencyId', 'cognito:groups'],
  });

  const allowedRedirect = (uri: string | null): uri is string => {
    if (!uri) return false;
    try {
      const u = new URL(uri);
      return options.redirectOrigins.includes(u.origin) && !u.hash;
    } catch {
      return false;
    }
  };
  /** CORS for a dev server on another origin (the app on the stack's own origin needs none). */
  const cors = (req: PageRequest): Record<string, string> => {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    return origin && options.redirectOrigins.includes(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
  };

  /** The authorization request's parameters, checked; errors the page shows (never redirected: RFC 6749 §4.1.2.1). */
  function authorizeParams(p: URLSearchParams): { ok: true; params: Record<string, string> } | { ok: false; answer: PageAnswer } {
    const get = (k: string) => p.get(k) ?? '';
    const fail = (msg: string) => ({ ok: false as const, answer: html(400, signInPage({ error: msg, people: [], params: {}, query: '', prefix })) });
    if (get('client_id') !== options.clientId) return fail(`client_id tidak dikenal: "${get('client_id')}" (seharusnya "${options.clientId}")`);
    if (!allowedRedirect(p.get('redirect_uri')))
      return fail(`redirect_uri tidak diizinkan: "${get('redirect_uri')}" (asal yang diizinkan: ${options.redirectOrigins.join(', ')})`);
    if (get('response_type') !== 'code') return fail('response_type harus "code" (authorization code flow)');
    if (get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(get('code_challenge')))
      return fail('PKCE wajib: code_challenge (S256, 43 karakter base64url) dan code_challenge_method=S256');
    if (!get('scope').split(' ').includes('openid')) return fail('scope harus memuat "openid"');
    const keep = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'nonce', 'ui_locales'];
    return { ok: true, params: Object.fromEntries(keep.filter((k) => p.has(k)).map((k) => [k, get(k)])) };
  }

  async function handle(req: PageRequest): Promise<PageAnswer | undefined> {
    if (!req.rawPath.startsWith(`${prefix}/`)) return undefined;
    const path = req.rawPath.slice(prefix.length);
    const method = req.method === 'HEAD' ? 'GET' : req.method;

    if (method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          ...cors(req),
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type, authorization',
          'access-control-max-age': '600',
        },
        body: '',
      };
    }
    if (method === 'GET' && path === '/.well-known/openid-configuration')
      return json(200, discovery(), { ...cors(req), 'cache-control': 'public, max-age=60' });
    if (method === 'GET' && path === '/jwks')
      return json(200, { keys: [{ ...options.keys.publicJwk, use: 'sig', alg: 'RS256' }] }, { ...cors(req), 'cache-control': 'public, max-age=60' });
    if (method === 'GET' && path === '/signin.css')
      return { status: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }, body: SIGNIN_CSS };

    if (path === '/authorize' && (method === 'GET' || method === 'POST')) {
      const form = method === 'POST' ? new URLSearchParams(req.body.toString('utf8')) : req.query;
      const checked = authorizeParams(form);
      if (!checked.ok) return checked.answer;
      const { params } = checked;
      const redirect = new URL(params.redirect_uri!);
      const people = await options.people();
      if (method === 'GET') {
        const q = (req.query.get('q') ?? '').trim();
        return html(200, signInPage({ people, params, query: q, prefix }), redirect.origin);
      }
      const person = people.find((p) => p.nip === form.get('nip'));
      if (!person) return html(400, signInPage({ error: 'Pegawai tidak ditemukan di data pegawai', people, params, query: '', prefix }), redirect.origin);
      const code = b64url(randomBytes(32));
      codes.set(code, {
        nip: person.nip,
        roles: person.roles,
        name: person.name,
        ...(person.email ? { email: person.email } : {}),
        clientId: params.client_id!,
        redirectUri: params.redirect_uri!,
        codeChallenge: params.code_challenge!,
        ...(params.nonce ? { nonce: params.nonce } : {}),
        scope: params.scope!,
        expiresAt: now().getTime() + CODE_TTL_MS,
      });
      redirect.searchParams.set('code', code);
      if (params.state !== undefined) redirect.searchParams.set('state', params.state);
      redirect.searchParams.set('iss', issuer);
      return { status: 302, headers: { location: redirect.toString(), 'cache-control': 'no-store' }, body: '' };
    }

    if (method === 'POST' && path === '/token') {
      const extra = cors(req);
      const form = new URLSearchParams(req.body.toString('utf8'));
      if (form.get('grant_type') !== 'authorization_code') return oauthError(400, 'unsupported_grant_type', 'only authorization_code', extra);
      const code = form.get('code') ?? '';
      const pending = codes.get(code);
      codes.delete(code); // one use, whatever happens next
      if (!pending || pending.expiresAt < now().getTime()) return oauthError(400, 'invalid_grant', 'unknown, used or expired code', extra);
      if (form.get('client_id') !== pending.clientId) return oauthError(400, 'invalid_client', 'client_id does not match the code', extra);
      if (form.get('redirect_uri') !== pending.redirectUri)
        return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request', extra);
      const verifier = form.get('code_verifier') ?? '';
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== pending.codeChallenge)
        return oauthError(400, 'invalid_grant', 'PKCE verification failed (code_verifier does not match code_challenge)', extra);
      const lifetime = options.tokenLifetime ?? '1h';
      const common = {
        sub: pending.nip,
        roles: pending.roles,
        agencyId: options.agencyId,
        name: pending.name,
        ...(pending.email ? { email: pending.email } : {}),
        issuer,
        audience: pending.clientId,
        expiresIn: lifetime,
        now: now(),
      };
      const [idToken, accessToken] = await Promise.all([
        mintLocalToken(options.keys, { ...common, extraClaims: pending.nonce ? { nonce: pending.nonce } : {} }),
        mintLocalToken(options.keys, { ...common, extraClaims: { client_id: pending.clientId, scope: pending.scope } }),
      ]);
      const expiresIn = typeof lifetime === 'number' ? lifetime : undefined;
      return json(
        200,
        {
          access_token: accessToken,
          id_token: idToken,
          token_type: 'Bearer',
          expires_in: expiresIn ?? secondsOf(lifetime),
          scope: pending.scope,
        },
        { ...extra, pragma: 'no-cache' },
      );
    }

    if (method === 'GET' && path === '/logout') {
      const target = req.query.get('post_logout_redirect_uri');
      if (allowedRedirect(target)) {
        const u = new URL(target);
        const state = req.query.get('state');
        if (state !== null) u.searchParams.set('state', state);
        return { status: 302, headers: { location: u.toString(), 'cache-control': 'no-store' }, body: '' };
      }
      return html(200, signInPage({ signedOut: true, people: [], params: {}, query: '', prefix }));
    }
    return json(404, { error: 'not_found', error_description: `${req.method} ${req.rawPath}` });
  }

  return { issuer, discovery, handle };
}

function secondsOf(span: string | number): number {
  if (typeof span === 'number') return span;
  const m = /^(\d+)\s*([smhd]?)$/.exec(span.trim());
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[(m?.[2] || 's') as 's'] ?? 1;
  return m ? Number(m[1]) * unit : 3600;
}
