import { describe, expect, it } from 'vitest';
import type { Route } from '../../../shared/http/routes';
import { documentedStatuses, undocumentedStatuses } from '../../support/contract';

const routes: Route[] = [
  { method: 'GET', path: '/v1/a', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/b', functionId: 'hr-api', auth: 'jwt' },
];
const doc = {
  paths: {
    '/v1/a': { get: { responses: { 200: {}, 400: {}, 401: {}, 403: {} } } },
    '/v1/b': { post: { responses: { 201: {}, 400: {} } } },
  },
};
const documented = documentedStatuses(routes, doc);

describe('the contract check (generic over the route table)', () => {
  it('documented statuses come from each operation’s responses', () => {
    expect(documented.get('GET /v1/a')).toEqual([200, 400, 401, 403]);
  });
  it('a route with nothing observed passes; observed ⊆ documented passes', () => {
    expect(undocumentedStatuses({ 'GET /v1/a': { statuses: [200, 403], examples: {} } }, documented)).toEqual([]);
    expect(undocumentedStatuses({}, documented)).toEqual([]);
  });
  it('a status observed but not documented fails, naming the route, the status and where it was seen', () => {
    const problems = undocumentedStatuses({ 'POST /v1/b': { statuses: [201, 409], examples: { 409: 'POST /v1/b (test/x.test.ts)' } } }, documented);
    expect(problems).toEqual(['POST /v1/b: answered 409 (POST /v1/b (test/x.test.ts)), documented 201, 400']);
  });
  it('an observation of a route the table does not have fails', () => {
    expect(undocumentedStatuses({ 'PUT /v1/c': { statuses: [200], examples: {} } }, documented)).toHaveLength(1);
  });
});
