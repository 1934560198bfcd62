/**
 * Idempotency-Key bound to caller, route, path and body (issue #12, finding 7; IETF Idempotency-Key
 * draft), through the real handlers on the memory table: a replay gets the first answer (status and
 * body) with `Idempotent-Replayed: true` and no second write; the same key with another body, caller,
 * record or route gets 422 and writes nothing. Before, a repeated key was answered "replayed" whoever
 * sent it and whatever it carried.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../support/lambda';

setEnv();
const { ddbMock, prime, writeCount } = await import('../support/memory-table');
const { invoke } = await import('../support/lambda');
const { CYCLE, P, as, seedWorld } = await import('../support/world');
const { handler } = await import('../../functions/evaluation-api/handler');
const { deps } = await import('../../shared/composition');
const { fixedClock } = await import('../../shared/adapters/clock');

const EVAL = '/v1/cycles/{cycleId}/evaluations/{nip}';
const KEY = 'kunci-progres-0001';
const BODY = { realisations: [{ indicatorId: 'iki-1', value: 70 }] };
const progress = (caller: { nip: string; hr?: boolean }, body: unknown, opts: { nip?: string; key?: string } = {}) =>
  invoke(handler, 'PUT', `${EVAL}/progress`, { cycleId: CYCLE, nip: opts.nip ?? P.self }, { caller, body, headers: { 'idempotency-key': opts.key ?? KEY } });
const transactions = () => ddbMock.commandCalls(TransactWriteCommand).length;

beforeEach(() => {
  deps.clock = fixedClock('2026-07-15T03:00:00Z');
  prime(() => seedWorld({ stage: 'MIDYEAR', status: 'MONITORING', othersStatus: 'MONITORING', openedAt: '2026-07-01T01:00:00.000Z' }));
});

describe('Idempotency-Key on the JWT writes', () => {
  it('a replay returns the stored first answer (status and body), marked replayed, with no second effect', async () => {
    const first = await progress(as.self, BODY);
    expect(first.status, first.raw).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const txAfterFirst = transactions();
    const second = await progress(as.self, BODY);
    expect(second.status).toBe(200);
    expect(second.raw).toBe(first.raw);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(transactions()).toBe(txAfterFirst);
  });

  it.each([
    ['another body', as.self, { realisations: [{ indicatorId: 'iki-1', value: 99 }] }, {}],
    ['another caller (HR, who may record progress too)', as.hr, BODY, {}],
    ['another record (route path)', as.hr, BODY, { nip: P.peer }],
  ] as const)('the same key with %s → 422, nothing written', async (_name, caller, body, opts) => {
    expect((await progress(as.self, BODY)).status).toBe(200);
    ddbMock.resetHistory();
    const res = await progress(caller, body, opts);
    expect(res.status, res.raw).toBe(422);
    expect(res.body.errors?.[0]?.field).toBe('Idempotency-Key');
    expect(writeCount()).toBe(0);
  });

  it('the same key on another route → 422', async () => {
    expect((await progress(as.self, BODY)).status).toBe(200);
    ddbMock.resetHistory();
    const res = await invoke(
      handler,
      'PUT',
      `${EVAL}/self-assessment`,
      { cycleId: CYCLE, nip: P.self },
      { caller: as.self, body: { summary: 'Target utama tercapai' }, headers: { 'idempotency-key': KEY } },
    );
    expect(res.status, res.raw).toBe(422);
    expect(writeCount()).toBe(0);
  });

  it('a refused request is not stored: the same key may be sent again once it is fixed', async () => {
    const bad = await progress(as.self, { realisations: [{ indicatorId: 'iki-9', value: 70 }] });
    expect(bad.status).toBe(422);
    const fixed = await progress(as.self, BODY);
    expect(fixed.status, fixed.raw).toBe(200);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a malformed key → 400, nothing written', async () => {
    const res = await progress(as.self, BODY, { key: 'kunci dengan spasi' });
    expect(res.status).toBe(400);
    expect(writeCount()).toBe(0);
  });
});
