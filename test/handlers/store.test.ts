/**
 * The store's scale-bearing pieces with aws-sdk-client-mock: the cycle walk fills pages across units
 * (so page count follows the cohort, not the unit count), unit counters move with each change, and a
 * transaction cancelled by a conflict is retried while a failed condition is not.
 */

import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../support/lambda';

setEnv();
const { ddbMock, prime, put } = await import('../support/memory-table');
let repo: typeof import('../../shared/adapters/dynamodb/repository');
beforeAll(async () => {
  repo = await import('../../shared/adapters/dynamodb/repository');
});
beforeEach(() => ddbMock.reset());

type Item = Record<string, unknown>;

/** The items in the memory table, queried like DynamoDB (sorted, ExclusiveStartKey and Limit honoured). */
const serve = (items: Item[]) => prime(() => items.forEach(put));

function agency(unitSizes: number[]): Item[] {
  const items: Item[] = [];
  unitSizes.forEach((size, u) => {
    const unitId = `u${String(u).padStart(3, '0')}`;
    items.push({ PK: 'AGENCY#a', SK: `UNIT#${unitId}`, unitId, name: unitId });
    for (let n = 0; n < size; n++) {
      const nip = `${unitId}-${String(n).padStart(4, '0')}`;
      items.push({ PK: `EVAL#c#${nip}`, SK: 'EVAL', GSI1PK: `CYCLE#c#UNIT#${unitId}`, GSI1SK: `STATUS#MONITORING#${nip}`, nip, unitId, status: 'MONITORING' });
    }
  });
  return items;
}

async function walk(limit: number) {
  const pages: string[][] = [];
  let cursor: import('../../shared/adapters/dynamodb/repository').CycleWalkCursor | undefined = {};
  while (cursor) {
    const page: Awaited<ReturnType<typeof repo.evaluationsOfCyclePage>> = await repo.evaluationsOfCyclePage({ cycleId: 'c', agencyId: 'a' }, cursor, limit);
    pages.push(page.items.map((e) => e.nip));
    cursor = page.next;
    if (pages.length > 10_000) throw new Error('the walk does not end');
  }
  return pages;
}

describe('the cycle walk (evaluationsOfCyclePage)', () => {
  it.each([
    { name: '120 units of 3 (the old per-unit paging took 120 pages)', sizes: Array(120).fill(3), limit: 100, pages: 4 },
    { name: 'one unit larger than a page', sizes: [250], limit: 100, pages: 3 },
    { name: 'units that end exactly on a page boundary', sizes: [50, 50, 100], limit: 100, pages: 2 },
    { name: 'empty units among full ones', sizes: [0, 7, 0, 0, 5, 0], limit: 4, pages: 3 },
    { name: 'more units than one unit page (50)', sizes: Array(130).fill(1), limit: 100, pages: 2 },
    { name: 'no evaluations at all', sizes: [0, 0], limit: 100, pages: 1 },
  ])('$name: every evaluation once, in $pages pages', async ({ sizes, limit, pages }) => {
    serve(agency(sizes));
    const out = await walk(limit);
    const all = out.flat();
    expect(all).toHaveLength(sizes.reduce((a, b) => a + b, 0));
    expect(new Set(all).size).toBe(all.length);
    // Every page is full but the last; a walk may end with one empty page (when a page ended on a unit boundary).
    const filled = out.filter((p) => p.length > 0);
    expect(Math.max(filled.length, 1)).toBe(pages);
    expect(out.length - filled.length).toBeLessThanOrEqual(1);
    for (const page of filled.slice(0, -1)) expect(page).toHaveLength(limit);
  });
});

describe('unit counters (unitStatUpdates)', () => {
  const adds = (items: ReturnType<typeof repo.unitStatUpdates>) =>
    items.map((i) => {
      const u = i.Update!;
      const names = u.ExpressionAttributeNames!;
      const values = u.ExpressionAttributeValues!;
      const deltas = Object.fromEntries(
        Object.keys(names)
          .filter((n) => n.startsWith('#a'))
          .map((n) => [names[n], values[`:d${n.slice(2)}`]]),
      );
      return { sk: u.Key!.SK, deltas };
    });

  it('a new evaluation counts one employee in its status', () => {
    expect(adds(repo.unitStatUpdates('c', undefined, { unitId: 'u1', status: 'SKP_DRAFT' }))).toEqual([
      { sk: 'UNITSTAT#u1', deltas: { employees: 1, status_SKP_DRAFT: 1 } },
    ]);
  });
  it('a status change moves one count; the employee count does not change', () => {
    expect(
      adds(repo.unitStatUpdates('c', { unitId: 'u1', status: 'AWAITING_RATING' }, { unitId: 'u1', status: 'AWAITING_APPROVAL', predikat: 'BAIK' })),
    ).toEqual([{ sk: 'UNITSTAT#u1', deltas: { status_AWAITING_RATING: -1, status_AWAITING_APPROVAL: 1, predikat_BAIK: 1 } }]);
  });
  it('an objection that changes the predikat moves it', () => {
    expect(
      adds(
        repo.unitStatUpdates(
          'c',
          { unitId: 'u1', status: 'OBJECTED', predikat: 'BUTUH_PERBAIKAN' },
          { unitId: 'u1', status: 'OBJECTION_DECIDED', predikat: 'BAIK' },
        ),
      )[0]!.deltas,
    ).toEqual({ status_OBJECTED: -1, status_OBJECTION_DECIDED: 1, predikat_BUTUH_PERBAIKAN: -1, predikat_BAIK: 1 });
  });
  it('a transfer moves the employee, status and predikat between units', () => {
    expect(
      adds(repo.unitStatUpdates('c', { unitId: 'u1', status: 'MONITORING', predikat: 'BAIK' }, { unitId: 'u2', status: 'MONITORING', predikat: 'BAIK' })),
    ).toEqual([
      { sk: 'UNITSTAT#u1', deltas: { employees: -1, status_MONITORING: -1, predikat_BAIK: -1 } },
      { sk: 'UNITSTAT#u2', deltas: { employees: 1, status_MONITORING: 1, predikat_BAIK: 1 } },
    ]);
  });
  it('a change of fields only (no status, unit or predikat change) touches no counter', () => {
    expect(repo.unitStatUpdates('c', { unitId: 'u1', status: 'MONITORING' }, { unitId: 'u1', status: 'MONITORING' })).toEqual([]);
  });
  it('countsOf reads the counters back without their prefix, zeros dropped', () => {
    const stats = { cycleId: 'c', unitId: 'u1', employees: 3, status_FINAL: 3, status_MONITORING: 0, predikat_BAIK: 2, predikat_SANGAT_BAIK: 1 };
    expect(repo.countsOf(stats, 'status')).toEqual({ FINAL: 3 });
    expect(repo.countsOf(stats, 'predikat')).toEqual({ BAIK: 2, SANGAT_BAIK: 1 });
  });
});

describe('transactWrite', () => {
  const cancelled = (code: string) =>
    new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'None' }, { Code: code }] });

  it('retries a transaction cancelled by a conflict on a shared counter, and succeeds', async () => {
    ddbMock.on(TransactWriteCommand).rejectsOnce(cancelled('TransactionConflict')).rejectsOnce(cancelled('TransactionConflict')).resolves({});
    await repo.transactWrite([{ Put: { TableName: 't', Item: { PK: 'x', SK: 'y' } } }]);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });
  it('never retries a failed condition (the caller decides: replay or 409)', async () => {
    ddbMock.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed'));
    await expect(repo.transactWrite([{ Put: { TableName: 't', Item: { PK: 'x', SK: 'y' } } }])).rejects.toThrow(TransactionCanceledException);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
  it('gives up after its attempts and surfaces the error (the step is then retried by Step Functions)', async () => {
    ddbMock.on(TransactWriteCommand).rejects(cancelled('TransactionConflict'));
    await expect(repo.transactWrite([{ Put: { TableName: 't', Item: { PK: 'x', SK: 'y' } } }], 3)).rejects.toThrow(TransactionCanceledException);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });
});

describe('the sparse predikat index (GSI3) kept by changeEvaluation', () => {
  const current = {
    cycleId: 'c',
    nip: '1',
    name: 'A',
    jabatan: 'J',
    unitId: 'u1',
    isUnitHead: false,
    status: 'AWAITING_RATING' as const,
    version: 3,
    policyId: 'p',
    updatedAt: 'x',
  };
  const update = () => ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Update!;

  it('a rating that gives a predikat sets the index keys (per predikat, then unit and NIP)', async () => {
    ddbMock.on(TransactWriteCommand).resolves({});
    await repo.changeEvaluation(
      {
        cycleId: 'c',
        nip: '1',
        changeId: 'r1',
        from: 'AWAITING_RATING',
        to: 'AWAITING_APPROVAL',
        set: { predikat: 'BAIK' },
        audit: { at: 't', actor: { role: 'system' }, action: 'RATED' },
      },
      current,
    );
    expect(update().UpdateExpression).toContain('GSI3PK = :gsi3pk');
    expect(update().ExpressionAttributeValues).toMatchObject({ ':gsi3pk': 'CYCLE#c#PREDIKAT#BAIK', ':gsi3sk': 'UNIT#u1#1' });
  });
  it('a transfer of a rated evaluation moves it to the new unit in the index', async () => {
    ddbMock.on(TransactWriteCommand).resolves({});
    await repo.changeEvaluation(
      { cycleId: 'c', nip: '1', changeId: 't1', set: { unitId: 'u2', raterNip: 'r' }, audit: { at: 't', actor: { role: 'hr' }, action: 'TRANSFER' } },
      { ...current, status: 'RATED' as never, predikat: 'BAIK' },
    );
    expect(update().ExpressionAttributeValues).toMatchObject({ ':gsi3sk': 'UNIT#u2#1' });
  });
  it('a change that clears the predikat (returned for re-rating) removes the keys', async () => {
    ddbMock.on(TransactWriteCommand).resolves({});
    await repo.changeEvaluation(
      { cycleId: 'c', nip: '1', changeId: 'x1', set: { predikat: null }, audit: { at: 't', actor: { role: 'system' }, action: 'CLEARED' } },
      { ...current, predikat: 'BAIK' },
    );
    expect(update().UpdateExpression).toMatch(/REMOVE GSI3PK, GSI3SK$/);
  });
  it('an unrated evaluation is not in the index', async () => {
    ddbMock.on(TransactWriteCommand).resolves({});
    await repo.changeEvaluation(
      {
        cycleId: 'c',
        nip: '1',
        changeId: 'p1',
        from: 'AWAITING_RATING',
        to: 'AWAITING_RATING',
        set: { note: 'x' },
        audit: { at: 't', actor: { role: 'system' }, action: 'NOTE' },
      },
      current,
    );
    expect(update().UpdateExpression).not.toContain('GSI3');
  });
});

describe('several evaluations in one transaction (changeEvaluationsTogether)', () => {
  const cancelled = (code: string) =>
    new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'None' }, { Code: code }] });
  const evaluation = (nip: string, unitId: string) => ({
    cycleId: 'c',
    nip,
    name: nip,
    jabatan: 'Staf',
    unitId,
    isUnitHead: false,
    status: 'APPROVED' as const,
    version: 3,
    policyId: 'p',
    updatedAt: 't',
  });
  const change = (nip: string) => ({
    cycleId: 'c',
    nip,
    changeId: `c:OBJECTION:open:${nip}`,
    from: 'APPROVED' as const,
    to: 'RESULT_ISSUED' as const,
    audit: { at: '2027-02-01T00:00:00.000Z', actor: { role: 'system' as const }, action: 'STAGE_OPENED:OBJECTION' },
  });

  it('writes each evaluation conditionally with its audit event, unit counters merged per unit, shared items once', async () => {
    ddbMock.on(TransactWriteCommand).resolves({});
    const batch = [
      ['1', 'u1'],
      ['2', 'u1'],
      ['3', 'u2'],
    ].map(([nip, unit]) => ({ change: change(nip!), current: evaluation(nip!, unit!) }));
    const shared = [
      {
        Update: {
          TableName: 't',
          Key: { PK: 'CYCLE#c', SK: 'STAGE#OBJECTION' },
          UpdateExpression: 'ADD #total :total',
          ExpressionAttributeNames: { '#total': 'total' },
          ExpressionAttributeValues: { ':total': 3 },
        },
      },
    ];
    expect(await repo.changeEvaluationsTogether(batch, shared)).toBe('applied');
    const items = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const evalUpdates = items.filter((i) => String(i.Update?.Key?.SK) === 'EVAL');
    expect(evalUpdates).toHaveLength(3);
    for (const u of evalUpdates) expect(u.Update!.ConditionExpression).toContain('version = :version');
    expect(items.filter((i) => String(i.Put?.Item?.SK).startsWith('AUDIT#'))).toHaveLength(3);
    const unitStats = items.filter((i) => String(i.Update?.Key?.SK).startsWith('UNITSTAT#'));
    expect(unitStats.map((i) => i.Update!.Key!.SK)).toEqual(['UNITSTAT#u1', 'UNITSTAT#u2']);
    const u1 = unitStats[0]!.Update!;
    const deltas = Object.fromEntries(
      Object.keys(u1.ExpressionAttributeNames!)
        .filter((n) => n.startsWith('#a'))
        .map((n) => [u1.ExpressionAttributeNames![n], u1.ExpressionAttributeValues![`:d${n.slice(2)}`]]),
    );
    expect(deltas).toEqual({ status_APPROVED: -2, status_RESULT_ISSUED: 2 });
    expect(items.filter((i) => i.Update?.Key?.SK === 'STAGE#OBJECTION')).toHaveLength(1);
    // No item twice in one transaction (DynamoDB refuses that).
    const keysOf = items.map((i) => JSON.stringify(i.Put ? { PK: i.Put.Item!.PK, SK: i.Put.Item!.SK } : (i.Update ?? i.Delete ?? i.ConditionCheck)!.Key));
    expect(new Set(keysOf).size).toBe(keysOf.length);
  });

  it('a failed condition writes nothing and says so (the caller applies the changes one by one)', async () => {
    ddbMock.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed'));
    expect(await repo.changeEvaluationsTogether([{ change: change('1'), current: evaluation('1', 'u1') }])).toBe('conflict');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('refuses the same evaluation twice in one batch', async () => {
    await expect(repo.changeEvaluationsTogether([1, 2].map(() => ({ change: change('1'), current: evaluation('1', 'u1') })))).rejects.toThrow(/twice/);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
