/**
 * The contract test: for every route of the route table, every status the tests saw it answer (handler
 * tests, the hostile suite, the whole-cycle and example suites — recorded by test/support/contract-observations.ts)
 * is documented in the OpenAPI document. Runs after every other project of `npm test` (vitest.config.ts:
 * its group order is last), so it reads the observations of the whole run.
 */
import { describe, expect, it } from 'vitest';
import { ROUTES, routeKeyOf } from '../../shared/http/routes';
import { documentedStatuses, undocumentedStatuses } from '../support/contract';
import { readObservations } from '../support/contract-observations';

const observed = readObservations();
const documented = documentedStatuses();

describe('every status a route answers in the tests is documented', () => {
  it('no route answered a status its operation does not document', () => {
    expect(undocumentedStatuses(observed, documented)).toEqual([]);
  });

  it.each(ROUTES.map(routeKeyOf))('%s', (route) => {
    const seen = observed[route]?.statuses ?? [];
    // A route the tests have not reached yet (a new one) passes; what it answered must be documented.
    for (const s of seen) expect(documented.get(route), `${route} answered ${s} at ${observed[route]!.examples[s]}`).toContain(s);
    expect(documented.get(route)!.length).toBeGreaterThan(0);
  });

  it('when the whole suite ran, most routes were exercised (the recording works)', () => {
    const runAlone = Object.keys(observed).length === 0;
    if (runAlone) console.warn('contract: no observations in this run (run with npm test, or with the unit/handlers/integration projects)');
    expect(runAlone || Object.keys(observed).length >= ROUTES.length / 2).toBe(true);
  });
});
