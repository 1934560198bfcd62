/**
 * HR's rater-bias routes on the memory table: the analysis as JSON (HR of the agency only), the
 * acknowledgement's validation (nothing written on bad input or without a flag), and the report page's
 * own section.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../support/lambda';

setEnv();
const { prime, writeCount } = await import('../support/memory-table');
const { invoke } = await import('../support/lambda');
const { CYCLE, P, as, seedWorld } = await import('../support/world');
const { handler } = await import('../../functions/hr-api/handler');
const { deps } = await import('../../shared/composition');
const { fixedClock } = await import('../../shared/adapters/clock');

const BIAS = '/v1/cycles/{cycleId}/rater-bias';
const ACK = '/v1/cycles/{cycleId}/rater-bias/{raterNip}/acknowledgement';
const rated = (predikat: string) => ({ predikat, score: { resultsRating: 'SESUAI', behaviour: { proposed: 'SESUAI', final: 'SESUAI' } } });

beforeEach(() => {
  deps.clock = fixedClock('2027-02-01T03:00:00Z');
  prime(() =>
    seedWorld({
      stage: 'FOLLOW_UP',
      status: 'FINAL',
      othersStatus: 'FINAL',
      evaluation: { [P.self]: rated('SANGAT_BAIK'), [P.peer]: rated('BAIK'), [P.staffTambak]: rated('BAIK') },
    }),
  );
});

describe('GET /v1/cycles/{cycleId}/rater-bias', () => {
  it('HR gets every rater with their distribution, checks and the policy’s thresholds', async () => {
    const res = await invoke(handler, 'GET', BIAS, { cycleId: CYCLE }, { caller: as.hr });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cycleId: CYCLE, rated: 3, policy: { minTeamSize: 5, alpha: 0.05 } });
    const rater = res.body.raters.find((r: { raterNip: string }) => r.raterNip === P.rater);
    expect(rater).toMatchObject({ teamSize: 2, flags: [], distribution: { SANGAT_BAIK: 1, BAIK: 1 } });
    expect(rater.checks.map((c: { notAssessed?: string }) => c.notAssessed)).toEqual(['TEAM_TOO_SMALL', 'TEAM_TOO_SMALL', 'TEAM_TOO_SMALL', 'TEAM_TOO_SMALL']);
    expect(writeCount()).toBe(0);
  });

  it('anyone but HR → 403', async () => {
    expect((await invoke(handler, 'GET', BIAS, { cycleId: CYCLE }, { caller: as.rater })).status).toBe(403);
  });
});

describe('POST …/rater-bias/{raterNip}/acknowledgement', () => {
  it.each([
    ['an empty note', { note: '  ' }, 400],
    ['no note', {}, 400],
    ['a rater without a flag', { note: 'Sudah dibahas' }, 422],
  ])('%s → %d, nothing written', async (_name, body, status) => {
    const res = await invoke(handler, 'POST', ACK, { cycleId: CYCLE, raterNip: P.rater }, { caller: as.hr, body });
    expect(res.status, res.raw).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(writeCount()).toBe(0);
  });
});

describe('the cycle report', () => {
  it('has its own "Bias penilai" section', async () => {
    const res = await invoke(handler, 'GET', '/v1/cycles/{cycleId}/report', { cycleId: CYCLE }, { caller: as.hr });
    expect(res.status).toBe(200);
    expect(res.raw).toContain('<h2 id="bias-h" class="section-h">Bias penilai</h2>');
    expect(res.raw).toContain('Tidak ada penilai yang ditandai.');
  });
});
