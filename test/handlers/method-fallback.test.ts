/**
 * Issue 17: a method no route serves on a known path is 405 with `Allow`. Every path's ANY route
 * (METHOD_FALLBACK_ROUTES, deployed without an authorizer) goes to the function that serves the path; here
 * each one is sent, without a token, to that real handler: 405 problem+json in both languages, `Allow`
 * from the route table, and nothing read or written — the route can never give data.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { context, setEnv } from '../support/lambda';

setEnv();
const { ddbMock, prime, sfnMock } = await import('../support/memory-table');
const { METHOD_FALLBACK_ROUTES, ROUTES, allowedMethods } = await import('../../shared/http/routes');
type AnyHandler = (event: unknown, ctx: typeof context) => Promise<APIGatewayProxyStructuredResultV2>;
const HANDLERS: Record<string, () => Promise<AnyHandler>> = {
  'hr-api': async () => (await import('../../functions/hr-api/handler')).handler as unknown as AnyHandler,
  'evaluation-api': async () => (await import('../../functions/evaluation-api/handler')).handler as unknown as AnyHandler,
  skm: async () => (await import('../../functions/skm/handler')).handler as unknown as AnyHandler,
  'decision-links': async () => (await import('../../functions/decision-links/handler')).handler as unknown as AnyHandler,
  openapi: async () => (await import('../../functions/openapi/handler')).handler as unknown as AnyHandler,
  'me-api': async () => (await import('../../functions/me-api/handler')).handler as unknown as AnyHandler,
  files: async () => (await import('../../functions/files/handler')).handler as unknown as AnyHandler,
  documents: async () => (await import('../../functions/documents/handler')).handler as unknown as AnyHandler,
  coaching: async () => (await import('../../functions/coaching/handler')).handler as unknown as AnyHandler,
};

/** The event API Gateway sends a path's ANY route (no authorizer context). */
function anyEvent(method: string, template: string) {
  const rawPath = template.replace(/\{(\w+)\}/g, (_, n: string) => (n === 'decisionId' ? 'd0123456789abcdef0123456789abcdef' : `x-${n}`));
  const routeKey = `ANY ${template}`;
  const params = Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map(([, n]) => [n!, rawPath.split('/')[template.split('/').indexOf(`{${n}}`)]!]));
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    body: method === 'PATCH' ? '{"status":"FINAL"}' : undefined,
    isBase64Encoded: false,
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    requestContext: {
      accountId: '0',
      apiId: 'a',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      requestId: 'req-fallback',
      routeKey,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
    },
  };
}

beforeEach(() => prime(() => undefined));

describe('every known path answers a method it does not serve with 405 and Allow', () => {
  it('derives one ANY route per path of the route table, to the function of its routes', () => {
    expect(METHOD_FALLBACK_ROUTES.map((r) => r.path)).toEqual([...new Set(ROUTES.map((r) => r.path))]);
    for (const f of METHOD_FALLBACK_ROUTES) {
      expect(f.auth).toBe('none');
      expect(ROUTES.filter((r) => r.path === f.path).map((r) => r.functionId)).toContain(f.functionId);
    }
  });

  it.each(METHOD_FALLBACK_ROUTES.map((r) => [r.path, r.functionId] as const))('%s (%s)', async (path, functionId) => {
    const handler = await HANDLERS[functionId]!();
    const allow = allowedMethods(path);
    expect(allow.length).toBeGreaterThan(0);
    const methods = ['PATCH', 'OPTIONS', 'TRACE', ...['DELETE', 'PUT', 'HEAD', 'GET', 'POST'].filter((m) => !allow.includes(m as never))];
    for (const method of methods) {
      const res = await handler(anyEvent(method, path), context);
      const where = `${method} ${path}`;
      expect(res.statusCode, where).toBe(405);
      expect(res.headers?.allow, where).toBe(allow.join(', '));
      expect(res.headers?.['content-type'], where).toBe('application/problem+json');
      const body = JSON.parse(String(res.body));
      expect(body, where).toMatchObject({ status: 405, title: 'Method Not Allowed', instance: anyEvent(method, path).rawPath });
      expect(body.detail, where).toContain(`Metode ${method} tidak didukung`);
      expect(body.detail_en, where).toContain(`Method ${method} is not supported`);
    }
    // Nothing read, nothing written, no workflow touched.
    expect(ddbMock.calls()).toHaveLength(0);
    expect(sfnMock.calls()).toHaveLength(0);
  });
});
