/** The one router (shared/http/router.ts): auth from the route table, body limits, one problem+json mapping, raw bodies kept. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SubmissionLimitError } from '../../../shared/application/errors';
import { httpApi } from '../../../shared/http/router';

const NIP = '199001012015031001';
interface EventOptions {
  body?: string;
  claims?: Record<string, unknown>;
  headers?: Record<string, string>;
}
function event(method: string, template: string, rawPath: string, opts: EventOptions = {}) {
  const routeKey = `${method} ${template}`;
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: '',
    headers: opts.headers ?? {},
    body: opts.body,
    isBase64Encoded: false,
    pathParameters: { cycleId: 'c-2026', unitId: 'u1', decisionId: 'd1234567' },
    requestContext: {
      accountId: '0',
      apiId: 'a',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      requestId: 'r1',
      routeKey,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'ua' },
      ...(opts.claims ? { authorizer: { jwt: { claims: opts.claims, scopes: [] } } } : {}),
    },
  } as never;
}
const context = { awsRequestId: 'aws-1', functionName: 'f' } as never;
type Answer = { statusCode: number; headers: Record<string, string>; body: string };
const call = (h: ReturnType<typeof httpApi>, e: unknown) => (h as unknown as (e: unknown, c: unknown) => Promise<Answer>)(e, context);

const Body = z.object({ reason: z.string().min(1) });
const api = httpApi({
  'POST /v1/cycles/{cycleId}/resume': async (req) => ({ body: { who: req.caller.nip, ...req.body(Body) } }),
  'GET /v1/public/units/{unitId}/ikm': async () => ({ body: { note: '<b>&</b>' } }),
  'POST /v1/public/units/{unitId}/skm': async () => {
    throw new SubmissionLimitError(3, 3600);
  },
  'GET /v1/cycles/{cycleId}/export.csv': async () => ({ raw: '\ufeffa;b\n', headers: { 'content-type': 'text/csv; charset=utf-8' } }),
});

describe('httpApi', () => {
  it('refuses a route outside the route table at init', () => {
    expect(() => httpApi({ 'GET /nope': async () => ({}) } as never)).toThrow(/route table/);
  });
  it('answers 401 on a JWT route without a caller, before the body is read', async () => {
    const res = await call(api, event('POST', '/v1/cycles/{cycleId}/resume', '/v1/cycles/c-2026/resume', { body: '{bad' }));
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toBe('application/problem+json');
  });
  it('parses the body with the schema: 400 with the fields; the caller from the claims', async () => {
    const claims = { 'custom:nip': NIP, 'cognito:groups': '[hr]', 'custom:agencyId': 'kec-asemrowo' };
    const bad = await call(api, event('POST', '/v1/cycles/{cycleId}/resume', '/v1/cycles/c-2026/resume', { body: '{"reason":""}', claims }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).errors[0].field).toBe('reason');
    const ok = await call(api, event('POST', '/v1/cycles/{cycleId}/resume', '/v1/cycles/c-2026/resume', { body: '{"reason":"x"}', claims }));
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ who: NIP, reason: 'x' });
  });
  it('413 for a body over the limit, before it is parsed', async () => {
    const claims = { 'custom:nip': NIP, 'custom:agencyId': 'kec-asemrowo' };
    const res = await call(api, event('POST', '/v1/cycles/{cycleId}/resume', '/v1/cycles/c-2026/resume', { body: 'x'.repeat(300 * 1024), claims }));
    expect(res.statusCode).toBe(413);
  });
  it('writes JSON that cannot read as markup, with nosniff', async () => {
    const res = await call(api, event('GET', '/v1/public/units/{unitId}/ikm', '/v1/public/units/u1/ikm'));
    expect(res.body).not.toMatch(/[<>&]/);
    expect(JSON.parse(res.body)).toEqual({ note: '<b>&</b>' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
  it('maps the daily limit to 429 with Retry-After (problem.ts)', async () => {
    const res = await call(api, event('POST', '/v1/public/units/{unitId}/skm', '/v1/public/units/u1/skm', { body: '{}' }));
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('3600');
  });
  it('sends a raw body as built (the CSV byte-order mark kept)', async () => {
    const res = await call(
      api,
      event('GET', '/v1/cycles/{cycleId}/export.csv', '/v1/cycles/c-2026/export.csv', { claims: { 'custom:nip': NIP, 'custom:agencyId': 'kec-asemrowo' } }),
    );
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
  });
  it('an unknown route answers 400 (API Gateway never sends one); TRACE on a known path 405 with Allow', async () => {
    expect((await call(api, event('GET', '/v1/x', '/v1/x'))).statusCode).toBe(400);
    const trace = await call(api, event('TRACE', '/v1/decisions/{decisionId}', '/v1/decisions/d1234567'));
    expect(trace.statusCode).toBe(405);
    expect(trace.headers.allow).toBe('GET, HEAD, POST');
  });
  it('routes a request whose headers a Web Request would refuse', async () => {
    const res = await call(api, event('GET', '/v1/public/units/{unitId}/ikm', '/v1/public/units/u1/ikm', { headers: { 'user-agent': 'Ponsel 📱\n' } }));
    expect(res.statusCode).toBe(200);
  });
});
