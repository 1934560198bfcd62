import { describe, expect, it } from 'vitest';
import { type LocalRoute, RouteConfigError, RouteTable } from '../../../local/http/routes';
import { METHOD_FALLBACK_ROUTES, ROUTES } from '../../../shared/http/routes';

const route = (method: string, path: string, functionId = `${method} ${path}`): LocalRoute => ({
  method,
  path,
  functionId,
  auth: 'none',
});

describe('route matching (API Gateway HTTP API priorities)', () => {
  const table = new RouteTable([
    route('ANY', '/{proxy+}'),
    route('GET', '/pets/{proxy+}'),
    route('GET', '/pets/{id}'),
    route('GET', '/pets/dog'),
    route('ANY', '/pets/dog'),
    route('GET', '/pets/{id}/toys/{toyId}'),
    route('POST', '/pets'),
    route('HEAD', '/health'),
    route('GET', '/'),
    route('ANY', '$default'),
  ]);
  const pick = (method: string, path: string) => table.match(method, path);

  it.each([
    ['GET', '/pets/dog', 'GET /pets/dog', undefined],
    ['POST', '/pets/dog', 'ANY /pets/dog', undefined],
    ['GET', '/pets/cat', 'GET /pets/{id}', { id: 'cat' }],
    ['GET', '/pets/cat/toys/7', 'GET /pets/{id}/toys/{toyId}', { id: 'cat', toyId: '7' }],
    ['GET', '/pets/cat/bowls/1', 'GET /pets/{proxy+}', { proxy: 'cat/bowls/1' }],
    ['DELETE', '/pets/cat', 'ANY /{proxy+}', { proxy: 'pets/cat' }],
    ['POST', '/pets', 'POST /pets', undefined],
    ['GET', '/pets', 'ANY /{proxy+}', { proxy: 'pets' }],
    ['GET', '/', 'GET /', undefined],
    ['POST', '/', '$default', undefined],
  ])('%s %s → %s', (method, path, routeKey, params) => {
    const match = pick(method, path);
    expect(match?.compiled.routeKey).toBe(routeKey);
    expect(match?.pathParameters).toEqual(params);
  });

  it('decodes path parameters but matches the encoded path segment by segment', () => {
    expect(pick('GET', '/pets/a%20b')?.pathParameters).toEqual({ id: 'a b' });
    expect(pick('GET', '/pets/a%2Fb')?.pathParameters).toEqual({ id: 'a/b' });
    expect(pick('GET', '/pets/x/%E2%9C%93')?.pathParameters).toEqual({ proxy: 'x/✓' });
  });

  it('HEAD matches only HEAD or ANY routes, never GET routes', () => {
    expect(pick('HEAD', '/health')?.compiled.routeKey).toBe('HEAD /health');
    expect(pick('HEAD', '/pets/cat')?.compiled.routeKey).toBe('ANY /{proxy+}');
    const getOnly = new RouteTable([route('GET', '/pets/{id}')]);
    expect(getOnly.match('HEAD', '/pets/1')).toBeUndefined();
    expect(getOnly.match('GET', '/pets/1')?.compiled.routeKey).toBe('GET /pets/{id}');
  });

  it('a greedy variable needs at least one segment; a path variable never matches an empty segment', () => {
    const t = new RouteTable([route('GET', '/files/{proxy+}'), route('GET', '/pets/{id}')]);
    expect(t.match('GET', '/files')).toBeUndefined();
    expect(t.match('GET', '/files/')).toBeUndefined();
    expect(t.match('GET', '/files/a')?.pathParameters).toEqual({ proxy: 'a' });
    expect(t.match('GET', '/pets/')).toBeUndefined();
  });

  it('without a $default route an unmatched request has no route; method mismatch is not a match', () => {
    const t = new RouteTable([route('GET', '/pets')]);
    expect(t.match('POST', '/pets')).toBeUndefined();
    expect(t.match('GET', '/other')).toBeUndefined();
  });

  it('matches methods case-insensitively and ignores route declaration order', () => {
    const a = new RouteTable([route('get', '/a/{x}'), route('GET', '/a/b')]);
    const b = new RouteTable([route('GET', '/a/b'), route('get', '/a/{x}')]);
    expect(a.match('get', '/a/b')?.compiled.routeKey).toBe('GET /a/b');
    expect(b.match('GET', '/a/b')?.compiled.routeKey).toBe('GET /a/b');
  });
});

describe('route configuration errors', () => {
  it.each([
    [route('FETCH', '/a'), /unknown method/],
    [route('GET', 'a'), /must start with/],
    [route('GET', '/a/{proxy+}/b'), /must be the last segment/],
    [route('GET', '/a/x{id}'), /whole segment/],
    [route('GET', '/a/{id}/{id}'), /duplicate path variable/],
    [{ ...route('GET', '/a'), functionId: '' }, /functionId is required/],
    [{ ...route('GET', '/a'), auth: 'iam' as 'none' }, /auth must be/],
  ])('rejects %j', (bad, message) => {
    expect(() => new RouteTable([bad])).toThrow(RouteConfigError);
    expect(() => new RouteTable([bad])).toThrow(message);
  });

  it('rejects two routes that differ only by variable names', () => {
    expect(() => new RouteTable([route('GET', '/a/{id}'), route('GET', '/a/{name}')])).toThrow(/conflict/);
  });
});

// Issue 17: the local stack serves the route table and each path's ANY route, as the CDK HTTP API does.
describe('the route table with its ANY routes (METHOD_FALLBACK_ROUTES)', () => {
  const table = new RouteTable([...ROUTES, ...METHOD_FALLBACK_ROUTES]);
  it('builds without a conflict (one ANY per path shape)', () => {
    expect(table.all).toHaveLength(ROUTES.length + METHOD_FALLBACK_ROUTES.length);
  });
  it.each([
    ['GET', '/v1/cycles/c', 'GET /v1/cycles/{cycleId}'],
    ['DELETE', '/v1/cycles/c', 'ANY /v1/cycles/{cycleId}'],
    ['TRACE', '/v1/cycles/c', 'ANY /v1/cycles/{cycleId}'],
    ['HEAD', '/v1/cycles/c', 'ANY /v1/cycles/{cycleId}'],
    ['HEAD', '/v1/decisions/d1', 'HEAD /v1/decisions/{decisionId}'],
    ['OPTIONS', '/openapi.json', 'ANY /openapi.json'],
    ['POST', '/v1/me/decisions/approve-all', 'POST /v1/me/decisions/approve-all'],
    ['GET', '/v1/me/decisions/approve-all', 'ANY /v1/me/decisions/approve-all'],
    ['DELETE', '/v1/skm/kiosks/k1', 'DELETE /v1/skm/kiosks/{kioskId}'],
  ])('%s %s → %s (a method of the path wins over ANY)', (method, path, key) => {
    expect(table.match(method, path)?.compiled.routeKey).toBe(key);
  });
  it('an unknown path matches nothing (404 from the server)', () => {
    expect(table.match('GET', '/v1/nowhere')).toBeUndefined();
    expect(table.match('DELETE', '/v1/cycles/c/evaluations/n/skp/extra')).toBeUndefined();
  });
});
