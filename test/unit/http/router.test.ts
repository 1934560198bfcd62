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
/** The event as API Gateway sends it to another route key (a path's ANY route). */
const withKey = (e: unknown, routeKey: string) => ({ ...(e as object), routeKey }) as never;
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
  // Issue 17: a method no route serves on a known path is 405 with Allow (API Gateway sends it to the path's ANY route).
  describe('405 with Allow', () => {
    const claims = { 'custom:nip': NIP, 'custom:agencyId': 'kec-asemrowo' };
    it('answers an event of a path’s ANY route with 405, Allow from the route table, in both languages, before auth', async () => {
      for (const method of ['DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'GET', 'TRACE']) {
        const res = await call(
          api,
          withKey(event(method, '/v1/cycles/{cycleId}/resume', '/v1/cycles/c-2026/resume', { body: '{bad' }), 'ANY /v1/cycles/{cycleId}/resume'),
        );
        expect(res.statusCode, method).toBe(405);
        expect(res.headers.allow).toBe('POST');
        expect(res.headers['content-type']).toBe('application/problem+json');
        const body = JSON.parse(res.body);
        expect(body).toMatchObject({ status: 405, title: 'Method Not Allowed', instance: '/v1/cycles/c-2026/resume' });
        expect(body.detail).toBe(`Metode ${method} tidak didukung di alamat ini; yang didukung: POST`);
        expect(body.detail_en).toBe(`Method ${method} is not supported here; supported: POST`);
      }
    });
    it('lists every method of the path, HEAD only where a route serves it', async () => {
      const decisions = await call(api, withKey(event('PUT', '/v1/decisions/{decisionId}', '/v1/decisions/d1234567'), 'ANY /v1/decisions/{decisionId}'));
      expect(decisions.headers.allow).toBe('GET, HEAD, POST');
      const documents = await call(
        api,
        withKey(
          event('PUT', '/v1/cycles/{cycleId}/evaluations/{nip}/documents', '/v1/cycles/c-2026/evaluations/1/documents'),
          'ANY /v1/cycles/{cycleId}/evaluations/{nip}/documents',
        ),
      );
      expect(documents.headers.allow).toBe('GET, POST');
      const ikm = await call(api, withKey(event('HEAD', '/v1/public/units/{unitId}/ikm', '/v1/public/units/u1/ikm'), 'ANY /v1/public/units/{unitId}/ikm'));
      expect(ikm.statusCode).toBe(405);
      expect(ikm.headers.allow).toBe('GET');
    });
    it('is problem+json even where the function renders its errors as pages', async () => {
      const pages = httpApi(
        { 'GET /v1/decisions/{decisionId}': async () => ({ raw: '<p>ok</p>' }) },
        { renderError: () => ({ statusCode: 500, body: '<p>page</p>' }) },
      );
      for (const [method, routeKey] of [
        ['TRACE', 'TRACE /v1/decisions/{decisionId}'],
        ['DELETE', 'ANY /v1/decisions/{decisionId}'],
      ] as const) {
        const res = await call(pages, withKey(event(method, '/v1/decisions/{decisionId}', '/v1/decisions/d1234567'), routeKey));
        expect(res.statusCode, method).toBe(405);
        expect(res.headers['content-type']).toBe('application/problem+json');
      }
    });
    it('an event for a method the path does not serve, on its own route key, is 405 too; a served one routed to the wrong function is 400', async () => {
      const del = await call(api, event('DELETE', '/v1/cycles/{cycleId}/resume', '/v1/cycles/c-2026/resume', { claims }));
      expect(del.statusCode).toBe(405);
      expect(del.headers.allow).toBe('POST');
      // GET /v1/cycles/{cycleId} is a route of the table, but not of this function: a wiring error, not the client's method.
      expect((await call(api, event('GET', '/v1/cycles/{cycleId}', '/v1/cycles/c-2026', { claims }))).statusCode).toBe(400);
    });
    it('a static segment’s path wins over a variable’s when the event names no template', async () => {
      const res = await call(api, event('GET', '/v1/me/decisions/approve-all', '/v1/me/decisions/approve-all', { claims }));
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('POST');
    });
  });
  it('routes a request whose headers a Web Request would refuse', async () => {
    const res = await call(api, event('GET', '/v1/public/units/{unitId}/ikm', '/v1/public/units/u1/ikm', { headers: { 'user-agent': 'Ponsel 📱\n' } }));
    expect(res.statusCode).toBe(200);
  });
});
