/**
 * HR's console routes on the memory table: a stage's progress (counters per unit, a unit's waiting page
 * with the person each evaluation waits on, days past the deadline) and HR's reminder — one email in the
 * outbox, the same day's second click sends nothing; bad bodies and non-HR callers change nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dir, setEnv } from '../support/lambda';

setEnv();
const { prime, put, writeCount } = await import('../support/memory-table');
const { invoke } = await import('../support/lambda');
const { CYCLE, P, as, seedWorld } = await import('../support/world');
const { handler } = await import('../../functions/hr-api/handler');
const { deps } = await import('../../shared/composition');
const { fixedClock } = await import('../../shared/adapters/clock');
const { keys } = await import('../../shared/adapters/dynamodb/keys');
const { readOutbox } = await import('../../shared/adapters/mail/outbox');

const PROGRESS = '/v1/cycles/{cycleId}/progress';
const REMIND = '/v1/cycles/{cycleId}/reminders';
const remindersTo = async (nip: string) =>
  (await readOutbox(`${dir}/outbox`)).filter((m) => m.to.includes(`${nip}@example.go.id`) && m.tags.kind === 'reminder');

beforeEach(() => {
  // 25 July 2026, 10:00 WIB: the mid-year stage opened on 1 July; its deadline (day 21) was 22 July.
  deps.clock = fixedClock('2026-07-25T03:00:00Z');
  prime(() => {
    seedWorld({ stage: 'MIDYEAR', status: 'MONITORING', othersStatus: 'MIDYEAR_REVIEWED', otherAgency: true });
    put({
      ...keys.unitStats(CYCLE, 'seksi-kesra'),
      type: 'UNITSTAT',
      cycleId: CYCLE,
      unitId: 'seksi-kesra',
      employees: 3,
      status_MONITORING: 1,
      status_MIDYEAR_REVIEWED: 2,
    });
  });
});

describe('GET /v1/cycles/{cycleId}/progress', () => {
  it('the current stage: deadline, days late, done/pending per unit; with unitId, who waits and on whom', async () => {
    const res = await invoke(handler, 'GET', PROGRESS, { cycleId: CYCLE }, { caller: as.hr, query: { unitId: 'seksi-kesra' } });
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({ stage: 'MIDYEAR', current: true, deadline: '2026-07-22T01:00:00.000Z', daysLate: 3 });
    expect(res.body.units).toEqual([{ unitId: 'seksi-kesra', name: 'Seksi Kesra', employees: 3, pending: 1, done: 2 }]);
    expect(res.body.waiting.items).toEqual([
      expect.objectContaining({ nip: P.self, status: 'MONITORING', waitsOn: expect.objectContaining({ nip: P.rater }) }),
    ]);
    expect(res.body.waiting.next).toBeNull();
    expect(writeCount()).toBe(0);
  });

  it('a bad stage → 400; an unknown unit → 422; not HR → 403; another agency’s HR → 403', async () => {
    expect((await invoke(handler, 'GET', PROGRESS, { cycleId: CYCLE }, { caller: as.hr, query: { stage: 'SIESTA' } })).status).toBe(400);
    expect((await invoke(handler, 'GET', PROGRESS, { cycleId: CYCLE }, { caller: as.hr, query: { unitId: 'tidak-ada' } })).status).toBe(422);
    expect((await invoke(handler, 'GET', PROGRESS, { cycleId: CYCLE }, { caller: as.rater })).status).toBe(403);
    expect((await invoke(handler, 'GET', PROGRESS, { cycleId: CYCLE }, { caller: { nip: P.x, hr: true, agencyId: 'kec-lain' } })).status).toBe(403);
  });
});

describe('POST /v1/cycles/{cycleId}/reminders', () => {
  it('one person: the reminder email once; a second click the same day says it was already sent', async () => {
    const before = (await remindersTo(P.rater)).length;
    const first = await invoke(handler, 'POST', REMIND, { cycleId: CYCLE }, { caller: as.hr, body: { nip: P.rater } });
    expect(first.status, first.raw).toBe(200);
    expect(first.body).toMatchObject({ stage: 'MIDYEAR', day: '2026-07-25', sent: [{ nip: P.rater }], alreadySent: [] });
    const mails = await remindersTo(P.rater);
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)!.links.some((l) => l.endsWith(`/siklus/${CYCLE}/tim/${P.self}`))).toBe(true);
    const again = await invoke(handler, 'POST', REMIND, { cycleId: CYCLE }, { caller: as.hr, body: { nip: P.rater } });
    expect(again.body).toMatchObject({ sent: [], alreadySent: [{ nip: P.rater }] });
    expect((await remindersTo(P.rater)).length).toBe(before + 1);
  });

  it('a unit: everyone its waiting evaluations wait on', async () => {
    const res = await invoke(handler, 'POST', REMIND, { cycleId: CYCLE }, { caller: as.hr, body: { unitId: 'seksi-kesra' } });
    expect(res.status, res.raw).toBe(200);
    expect([...res.body.sent, ...res.body.alreadySent].map((p: { nip: string }) => p.nip)).toEqual([P.rater]);
  });

  it.each([
    ['no target', {}, 400],
    ['both targets', { nip: P.rater, unitId: 'seksi-kesra' }, 400],
    ['a bad NIP', { nip: '123' }, 400],
    ['someone nothing waits on', { nip: P.peer }, 422],
    ['an unknown unit', { unitId: 'tidak-ada' }, 422],
  ])('%s: problem+json, nothing sent', async (_name, body, status) => {
    const res = await invoke(handler, 'POST', REMIND, { cycleId: CYCLE }, { caller: as.hr, body });
    expect(res.status, res.raw).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(writeCount()).toBe(0);
  });

  it('not HR → 403 before anything is read', async () => {
    expect((await invoke(handler, 'POST', REMIND, { cycleId: CYCLE }, { caller: as.rater, body: { nip: P.rater } })).status).toBe(403);
    expect(writeCount()).toBe(0);
  });
});
