/**
 * The HR API through the real handler and use cases, DynamoDB and Step Functions mocked by the memory
 * table. The evaluation list in depth (filters, order, cursors, Query only, read amplification); for
 * every other HR route a success and a refusal.
 */

import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../support/lambda';

setEnv();
const { ddbMock, sfnMock, get, prime, writeCount } = await import('../support/memory-table');
const { invoke } = await import('../support/lambda');
const { AGENCY, CYCLE, P, as, seedWorld } = await import('../support/world');
const { handler } = await import('../../functions/hr-api/handler');
const { keys } = await import('../../shared/adapters/dynamodb/keys');
const { deps } = await import('../../shared/composition');
const { fixedClock } = await import('../../shared/adapters/clock');
const { subtreeOf } = await import('../../shared/application/queries/evaluation-list');
const { API_DOCS } = await import('../../shared/http/openapi');

type Caller = { nip: string; hr?: boolean } | null;
const LIST = '/v1/cycles/{cycleId}/evaluations';
const list = (query: Record<string, string>, caller: Caller = as.hr) => invoke(handler, 'GET', LIST, { cycleId: CYCLE }, { caller, query });
const nips = (res: { body: { items: { nip: string }[] } }) => res.body.items.map((i) => i.nip);
/** Items DynamoDB evaluated (ScannedCount) over the index Queries since the last history reset. */
const itemsRead = async () => {
  const calls = ddbMock.commandCalls(QueryCommand).filter((c) => c.args[0].input.IndexName);
  const outs = (await Promise.all(calls.map((c) => c.returnValue))) as { ScannedCount?: number }[];
  return outs.reduce((n, o) => n + (o.ScannedCount ?? 0), 0);
};
const world = (stage: string, status: string, extra: Record<string, unknown> = {}) => prime(() => seedWorld({ stage, status, ...extra }));

beforeEach(() => {
  deps.clock = fixedClock('2026-07-10T03:00:00Z');
});

// Final scoring: P.self and P.staffRw are rated (with a predikat), everyone else awaits the rating.
const RATED = {
  stage: 'FINAL_SCORING',
  status: 'RATED',
  othersStatus: 'AWAITING_RATING',
  evaluation: { [P.self]: { predikat: 'SANGAT_BAIK' }, [P.staffRw]: { status: 'RATED', predikat: 'BAIK' } },
};
function ratedWorld() {
  prime(() => {
    seedWorld(RATED as never);
    // seedWorld keys a person's GSI1SK by `othersStatus`; P.staffRw is rated: re-key it.
    const e = get(keys.evaluation(CYCLE, P.staffRw))!;
    Object.assign(e, keys.evaluationByUnit(CYCLE, 'rw-tambak', 'RATED', P.staffRw), { status: 'RATED' });
  });
}

describe('GET /v1/cycles/{cycleId}/evaluations (HR)', () => {
  beforeEach(ratedWorld);

  it('one unit, as before: a GSI1 Query, NIP order within a status', async () => {
    const res = await list({ unitId: 'seksi-kesra' });
    expect(res.status, res.raw).toBe(200);
    // status AWAITING_RATING (P.peer, P.rater by NIP) sorts before RATED (P.self).
    expect(nips(res)).toEqual([P.rater, P.peer, P.self]);
    expect(res.body.next).toBeNull();
    expect(ddbMock.commandCalls(ScanCommand)).toHaveLength(0);
  });

  it('a unit with its sub-units, in tree order (parent first)', async () => {
    const res = await list({ unitId: 'kel-tambak', includeSubunits: 'true' });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.items.map((i: { unitId: string }) => i.unitId)).toEqual(['kel-tambak', 'kel-tambak', 'rw-tambak']);
    const whole = await list({ unitId: 'kecamatan', includeSubunits: 'true' });
    expect(whole.body.items).toHaveLength(8);
    expect(
      subtreeOf(
        [
          { unitId: 'a', name: 'a' },
          { unitId: 'c', name: 'c', parentUnitId: 'a' },
          { unitId: 'b', name: 'b', parentUnitId: 'a' },
          { unitId: 'd', name: 'd', parentUnitId: 'b' },
        ],
        'a',
      ),
    ).toEqual(['a', 'b', 'd', 'c']);
  });

  it('a stage lists those still waiting in it (WAITING_STATUSES), each status a key condition', async () => {
    const res = await list({ unitId: 'kecamatan', includeSubunits: 'true', stage: 'FINAL_SCORING' });
    expect(nips(res).sort()).toEqual([P.head, P.rater, P.peer, P.lurah, P.staffTambak, P.hr].sort());
    const conditions = ddbMock
      .commandCalls(QueryCommand)
      .filter((c) => c.args[0].input.IndexName === 'GSI1')
      .map((c) => c.args[0].input.ExpressionAttributeValues![':sk']);
    expect(new Set(conditions)).toEqual(new Set(['STATUS#AWAITING_RATING#']));
    expect((await list({ unitId: 'seksi-kesra', stage: 'FINAL_SCORING', status: 'RATED' })).body.items).toEqual([]);
    expect((await list({ unitId: 'seksi-kesra', stage: 'CALIBRATION' })).body.items).toEqual([]);
  });

  it('a predikat, on the sparse predikat index (GSI3), one key condition per unit, no filter', async () => {
    const res = await list({ unitId: 'kecamatan', includeSubunits: 'true', predikat: 'BAIK' });
    expect(nips(res)).toEqual([P.staffRw]);
    const queries = ddbMock
      .commandCalls(QueryCommand)
      .map((c) => c.args[0].input)
      .filter((i) => i.IndexName);
    expect(new Set(queries.map((i) => i.IndexName))).toEqual(new Set(['GSI3']));
    expect(queries.every((i) => !i.FilterExpression)).toBe(true);
    // with a stage too, the stage's statuses filter what the index returns
    expect(nips(await list({ unitId: 'seksi-kesra', predikat: 'SANGAT_BAIK', stage: 'FINAL_SCORING' }))).toEqual([]);
    expect(nips(await list({ unitId: 'seksi-kesra', predikat: 'SANGAT_BAIK', status: 'RATED' }))).toEqual([P.self]);
  });

  it('a rater (GSI2), alone or with a unit, a status or a predikat', async () => {
    expect(nips(await list({ rater: P.lurah }))).toEqual([P.staffTambak, P.staffRw].sort());
    expect(nips(await list({ rater: P.lurah, unitId: 'kel-tambak' }))).toEqual([P.staffTambak]);
    expect(nips(await list({ rater: P.lurah, unitId: 'kel-tambak', includeSubunits: 'true', status: 'RATED' }))).toEqual([P.staffRw]);
    expect(nips(await list({ rater: P.rater, predikat: 'SANGAT_BAIK' }))).toEqual([P.self]);
    expect(ddbMock.commandCalls(QueryCommand).some((c) => c.args[0].input.IndexName === 'GSI2')).toBe(true);
  });

  it('order=desc reverses the key order (ScanIndexForward=false), sub-units included', async () => {
    const asc = nips(await list({ unitId: 'kecamatan', includeSubunits: 'true', stage: 'FINAL_SCORING' }));
    ddbMock.resetHistory();
    const desc = nips(await list({ unitId: 'kecamatan', includeSubunits: 'true', stage: 'FINAL_SCORING', order: 'desc' }));
    expect(desc).toEqual([...asc].reverse());
    expect(
      ddbMock
        .commandCalls(QueryCommand)
        .filter((c) => c.args[0].input.IndexName)
        .every((c) => c.args[0].input.ScanIndexForward === false),
    ).toBe(true);
  });

  it('pages across units with signed cursors; the pages add up to the whole list; reads ≤ items returned + 1 per page', async () => {
    const whole = nips(await list({ unitId: 'kecamatan', includeSubunits: 'true' }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    ddbMock.resetHistory();
    do {
      const res = await list({ unitId: 'kecamatan', includeSubunits: 'true', limit: '3', ...(cursor ? { cursor } : {}) });
      expect(res.status, res.raw).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...nips(res));
      cursor = res.body.next;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(whole);
    expect(pages).toBe(3);
    // No filter: each Query asks for exactly what still fits (Limit = room): items read = items returned.
    const limits = ddbMock
      .commandCalls(QueryCommand)
      .filter((c) => c.args[0].input.IndexName)
      .map((c) => c.args[0].input.Limit!);
    expect(limits.every((l) => l <= 3)).toBe(true);
    expect(await itemsRead()).toBe(seen.length);
  });

  it('a single unit costs one GetItem for the unit, never the agency’s whole unit list (6,000 items at 100,000 employees)', async () => {
    ddbMock.resetHistory();
    expect((await list({ unitId: 'seksi-kesra' })).status).toBe(200);
    const unitListQueries = ddbMock.commandCalls(QueryCommand).filter((c) => c.args[0].input.ExpressionAttributeValues?.[':sk'] === 'UNIT#');
    expect(unitListQueries).toHaveLength(0);
    expect((await list({ unitId: 'no-such-unit' })).status).toBe(422);
  });

  it('pages a predikat list with its signed cursor (the cursor carries the predikat index keys)', async () => {
    const all = nips(await list({ unitId: 'seksi-kesra', predikat: 'SANGAT_BAIK' }));
    expect(all).toEqual([P.self]);
    const first = await list({ unitId: 'kecamatan', includeSubunits: 'true', predikat: 'BAIK', limit: '1' });
    expect(first.status).toBe(200);
    expect(first.body.next).toBeTruthy(); // more units of the sub-tree are still to read
    const second = await list({ unitId: 'kecamatan', includeSubunits: 'true', predikat: 'BAIK', limit: '1', cursor: first.body.next });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.items).toEqual([]);
  });

  it('read amplification: 1.0 by unit, status, stage or predikat', async () => {
    ddbMock.resetHistory();
    const byStage = await list({ unitId: 'kecamatan', includeSubunits: 'true', stage: 'FINAL_SCORING' });
    expect(await itemsRead()).toBe(byStage.body.items.length);
    ddbMock.resetHistory();
    const byPredikat = await list({ unitId: 'kecamatan', includeSubunits: 'true', predikat: 'BAIK' });
    expect(byPredikat.body.items).toHaveLength(1);
    expect(await itemsRead()).toBe(1); // only the matching evaluation: the predikat index is sparse
  });

  it('a cursor from another query, or altered, → 400 problem+json', async () => {
    const first = await list({ unitId: 'kecamatan', includeSubunits: 'true', limit: '2' });
    expect(first.body.next).toBeTruthy();
    const other = await list({ unitId: 'kecamatan', limit: '2', cursor: first.body.next });
    expect(other.status).toBe(400);
    const [payload, sig] = String(first.body.next).split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), GSI1PK: 'CYCLE#x#UNIT#y' })).toString('base64url')}.${sig}`;
    const res = await list({ unitId: 'kecamatan', includeSubunits: 'true', limit: '2', cursor: forged });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
  });

  it.each([
    ['no unit and no rater', 400, {}],
    ['includeSubunits without a unit', 400, { rater: P.lurah, includeSubunits: 'true' }],
    ['an unknown status', 400, { unitId: 'seksi-kesra', status: 'DONE' }],
    ['an unknown stage', 400, { unitId: 'seksi-kesra', stage: 'AUDIT' }],
    ['an unknown predikat', 400, { unitId: 'seksi-kesra', predikat: 'ISTIMEWA' }],
    ['a malformed rater NIP', 400, { rater: '1990' }],
    ['a bad order', 400, { unitId: 'seksi-kesra', order: 'random' }],
    ['a limit over 500', 400, { unitId: 'seksi-kesra', limit: '501' }],
    ['includeSubunits=yes', 400, { unitId: 'seksi-kesra', includeSubunits: 'yes' }],
    ['a unit of no one', 422, { unitId: 'kel-tidak-ada' }],
  ] as const)('%s → %s problem+json with id and en, never 500', async (_name, status, query) => {
    const res = await list(query as Record<string, string>);
    expect(res.status, res.raw).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body.detail).toBeTruthy();
    expect(res.body.detail_en).toBeTruthy();
  });

  it('a non-HR caller gets their own team only, whatever the filters', async () => {
    const res = await list({ unitId: 'kel-tambak', predikat: 'BAIK' }, as.rater);
    expect(res.status).toBe(200);
    expect(res.body.items.every((i: { raterNip: string }) => i.raterNip === P.rater)).toBe(true);
  });
});

describe('the other HR routes: a success and a refusal each', () => {
  it('POST /v1/cycles: created and its first stage started → 201; an unknown policy → 400', async () => {
    prime(() => seedWorld({ stage: 'PLANNING', status: 'SKP_DRAFT' }));
    const res = await invoke(handler, 'POST', '/v1/cycles', {}, { caller: as.hr, body: { year: 2027 } });
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toEqual({ cycleId: `${AGENCY}-2027`, created: true });
    expect(sfnMock.commandCalls(StartExecutionCommand)[0]!.args[0].input.name).toBe(`${AGENCY}-2027-PLANNING`);
    const bad = await invoke(handler, 'POST', '/v1/cycles', {}, { caller: as.hr, body: { year: 2027, policyId: 'tidak-ada' } });
    expect(bad.status).toBe(400);
  });

  it('GET /v1/cycles/{cycleId}: the summary; an unknown cycle → 404', async () => {
    world('MIDYEAR', 'MONITORING');
    const res = await invoke(handler, 'GET', '/v1/cycles/{cycleId}', { cycleId: CYCLE }, { caller: as.hr });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.cycle).toMatchObject({ cycleId: CYCLE, stage: 'MIDYEAR' });
    expect((await invoke(handler, 'GET', '/v1/cycles/{cycleId}', { cycleId: 'kec-asemrowo-1999' }, { caller: as.hr })).status).toBe(404);
  });

  it('POST …/resume: starts the current stage again; an unknown cycle → 404', async () => {
    world('MIDYEAR', 'MONITORING');
    const res = await invoke(handler, 'POST', '/v1/cycles/{cycleId}/resume', { cycleId: CYCLE }, { caller: as.hr });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.outcome).toBeTruthy();
    expect((await invoke(handler, 'POST', '/v1/cycles/{cycleId}/resume', { cycleId: 'kec-asemrowo-1999' }, { caller: as.hr })).status).toBe(404);
  });

  it('PUT …/organisation-predikat: set before calibration; once calibration starts → 409', async () => {
    world('MIDYEAR', 'MONITORING');
    const route = '/v1/cycles/{cycleId}/organisation-predikat';
    const res = await invoke(handler, 'PUT', route, { cycleId: CYCLE }, { caller: as.hr, body: { orgPredikat: 'ISTIMEWA' } });
    expect(res.status, res.raw).toBe(200);
    expect(get(keys.cycle(CYCLE))!.orgPredikat).toBe('ISTIMEWA');
    world('CALIBRATION', 'RATED');
    expect((await invoke(handler, 'PUT', route, { cycleId: CYCLE }, { caller: as.hr, body: { orgPredikat: 'BAIK' } })).status).toBe(409);
  });

  it('POST …/calibration/{unitId}/resolution: resolved with a reason; a unit without a flag → 404', async () => {
    world('CALIBRATION', 'RATED', { calibrationFlags: [{ unitId: 'seksi-kesra', resolved: false }] });
    const route = '/v1/cycles/{cycleId}/calibration/{unitId}/resolution';
    const res = await invoke(handler, 'POST', route, { cycleId: CYCLE, unitId: 'seksi-kesra' }, { caller: as.hr, body: { reason: 'Ditinjau bersama Camat' } });
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toEqual({ resolved: true, already: false });
    expect((await invoke(handler, 'POST', route, { cycleId: CYCLE, unitId: 'kel-tambak' }, { caller: as.hr, body: { reason: 'x' } })).status).toBe(404);
  });

  it('GET …/export.csv: CSV with a BOM; an unknown cycle → 404', async () => {
    world('FOLLOW_UP', 'FINAL');
    const res = await invoke(handler, 'GET', '/v1/cycles/{cycleId}/export.csv', { cycleId: CYCLE }, { caller: as.hr });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.raw.charCodeAt(0)).toBe(0xfeff);
    expect(res.raw).toContain(P.self);
    expect((await invoke(handler, 'GET', '/v1/cycles/{cycleId}/export.csv', { cycleId: 'kec-asemrowo-1999' }, { caller: as.hr })).status).toBe(404);
  });

  it('GET …/report: an HTML page; a bad period → 400', async () => {
    world('FOLLOW_UP', 'FINAL');
    const res = await invoke(handler, 'GET', '/v1/cycles/{cycleId}/report', { cycleId: CYCLE }, { caller: as.hr, query: { period: '2026-07' } });
    expect(res.status, res.raw.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect((await invoke(handler, 'GET', '/v1/cycles/{cycleId}/report', { cycleId: CYCLE }, { caller: as.hr, query: { period: '2026-13' } })).status).toBe(400);
  });

  it('POST /v1/roster/import: the example file is imported; a file with a bad row → 422 with every bad row, nothing stored', async () => {
    world('PLANNING', 'SKP_DRAFT');
    const csv = API_DOCS['POST /v1/roster/import']!.body!.example as string;
    const ok = await invoke(handler, 'POST', '/v1/roster/import', {}, { caller: as.hr, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.body).toMatchObject({ imported: true, employees: 3 });
    ddbMock.resetHistory();
    const bad = await invoke(
      handler,
      'POST',
      '/v1/roster/import',
      {},
      { caller: as.hr, raw: csv.replace('199001012015031001', '1990'), headers: { 'content-type': 'text/csv' } },
    );
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toBe('application/problem+json');
    expect(bad.body).toMatchObject({ status: 422, imported: false, errors: [expect.objectContaining({ field: expect.stringMatching(/^baris \d+/) })] });
    expect(bad.body.rows[0]).toMatchObject({ line: expect.any(Number), id: expect.any(String), en: expect.any(String) });
    expect(writeCount()).toBe(0);
  });

  it('POST …/evaluations/{nip}/transfer: moved to the new unit and rater; a rater not in the roster → 422', async () => {
    world('MIDYEAR', 'MONITORING');
    const route = '/v1/cycles/{cycleId}/evaluations/{nip}/transfer';
    const res = await invoke(
      handler,
      'POST',
      route,
      { cycleId: CYCLE, nip: P.self },
      { caller: as.hr, body: { unitId: 'kel-tambak', raterNip: P.lurah, reason: 'Mutasi' } },
    );
    expect(res.status, res.raw).toBe(200);
    expect(get(keys.evaluation(CYCLE, P.self))).toMatchObject({ unitId: 'kel-tambak', raterNip: P.lurah });
    world('MIDYEAR', 'MONITORING');
    const bad = await invoke(
      handler,
      'POST',
      route,
      { cycleId: CYCLE, nip: P.self },
      { caller: as.hr, body: { raterNip: '199912312020121099', reason: 'Mutasi' } },
    );
    expect(bad.status).toBe(422);
    expect(writeCount()).toBe(0);
  });

  it('POST …/raters/{nip}/handover: the team moves to the successor; a successor not in the roster → 422', async () => {
    world('MIDYEAR', 'MONITORING');
    const route = '/v1/cycles/{cycleId}/raters/{nip}/handover';
    const res = await invoke(handler, 'POST', route, { cycleId: CYCLE, nip: P.rater }, { caller: as.hr, body: { toNip: P.lurah, reason: 'Purna tugas' } });
    expect(res.status, res.raw).toBe(200);
    expect(get(keys.evaluation(CYCLE, P.peer))!.raterNip).toBe(P.lurah);
    world('MIDYEAR', 'MONITORING');
    expect(
      (await invoke(handler, 'POST', route, { cycleId: CYCLE, nip: P.rater }, { caller: as.hr, body: { toNip: '199912312020121099', reason: 'x' } })).status,
    ).toBe(422);
  });

  it('POST …/members: a newcomer joins → 201; a NIP already in the roster → 409', async () => {
    world('MIDYEAR', 'MONITORING');
    const route = '/v1/cycles/{cycleId}/members';
    const body = { nip: P.newcomer, name: 'Nur Aini', jabatan: 'Pengadministrasi', unitId: 'seksi-kesra', raterNip: P.rater, email: 'nur@example.go.id' };
    const res = await invoke(handler, 'POST', route, { cycleId: CYCLE }, { caller: as.hr, body });
    expect(res.status, res.raw).toBe(201);
    expect(get(keys.evaluation(CYCLE, P.newcomer))).toMatchObject({ nip: P.newcomer, raterNip: P.rater });
    expect((await invoke(handler, 'POST', route, { cycleId: CYCLE }, { caller: as.hr, body: { ...body, nip: P.peer } })).status).toBe(409);
  });
});
