/**
 * Roster import, batched (shared/adapters/dynamodb/batch-write.ts + importRoster): BatchWriteItem 25 a
 * call, UnprocessedItems sent again with full-jitter backoff until done, bounded attempts and a deadline
 * reported as "incomplete", a bad row writes nothing, and the items are exactly what putEmployee/putUnit
 * write, written only where the stored item differs. DynamoDB is aws-sdk-client-mock with a small map as the table.
 */
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from './fixtures';

setEnv();
const { batchPut, BatchWriteIncompleteError, fullJitterDelay, writeRoster } = await import('../../shared/adapters/dynamodb/batch-write');
const { importRoster, parseRosterCsv } = await import('../../shared/application/roster/roster-import');
const { putEmployee, putUnit } = await import('../../shared/adapters/dynamodb/repository');

type Item = Record<string, unknown>;
type PutRequests = { PutRequest: { Item: Item } }[];
const TABLE = 'test-table';
const AGENCY = 'kec-uji';
const ddbMock = mockClient(DynamoDBDocumentClient);
let stored = new Map<string, Item>();
const keyOf = (i: Item) => `${i.PK}|${i.SK}`;
const store = (reqs: PutRequests) => {
  for (const r of reqs) stored.set(keyOf(r.PutRequest.Item), structuredClone(r.PutRequest.Item));
};
const requestsOf = (input: { RequestItems?: Record<string, unknown> }) => (input.RequestItems?.[TABLE] ?? []) as PutRequests;
const noSleep = { sleep: async () => undefined };

/** An external official (no rater) heading `ext`, and `n` staff of unit `u1` rated by them. */
function rosterCsv(n: number): string {
  const header = 'NIP;Nama;Jabatan;Kode Unit;Nama Unit;NIP Atasan;Email;Bahasa;Jenis;Kepala Unit;Kompetensi;Eksternal';
  const head = '197001011995031000;Ir. Kepala;Sekretaris Daerah;ext;Sekretariat Daerah;;sekda@example.test;id;PNS;Ya;;Ya';
  const staff = Array.from(
    { length: n },
    (_, i) =>
      `1990010120150310${String(i).padStart(2, '0')};Staf ${i};Pengadministrasi;u1;Bagian Umum;197001011995031000;staf${i}@example.test;id;PPPK;Tidak;K1, K2;Tidak`,
  );
  return [header, head, ...staff].join('\r\n');
}

beforeEach(() => {
  ddbMock.reset();
  stored = new Map();
  ddbMock.on(BatchWriteCommand).callsFake((input) => {
    store(requestsOf(input));
    return {};
  });
  ddbMock.on(PutCommand).callsFake((input: { Item: Item }) => {
    stored.set(keyOf(input.Item), structuredClone(input.Item));
    return {};
  });
  // The roster read (PK = :pk AND begins_with(SK, :sk)), one page.
  ddbMock.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Item }) => ({
    Items: [...stored.values()]
      .filter((i) => i.PK === input.ExpressionAttributeValues[':pk'] && String(i.SK).startsWith(String(input.ExpressionAttributeValues[':sk'])))
      .map((i) => structuredClone(i)),
  }));
});

describe('batchPut', () => {
  it('sends 25 items a call and sends UnprocessedItems again until all are stored', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ PK: 'P', SK: `S${i}`, n: i }));
    const seen = new Set<string>();
    // The first call of each batch leaves its last 10 items unprocessed (as a throttled partition does).
    ddbMock.on(BatchWriteCommand).callsFake((input) => {
      const reqs = requestsOf(input);
      const first = keyOf(reqs[0]!.PutRequest.Item);
      if (seen.has(first) || reqs.length <= 10) {
        store(reqs);
        return {};
      }
      seen.add(first);
      store(reqs.slice(0, -10));
      return { UnprocessedItems: { [TABLE]: reqs.slice(-10) } };
    });
    const waits: number[] = [];
    const stats = await batchPut(items, {
      concurrency: 2,
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
    });
    expect(stored.size).toBe(60);
    expect([...stored.values()]).toEqual(expect.arrayContaining(items));
    for (const call of ddbMock.commandCalls(BatchWriteCommand)) expect(requestsOf(call.args[0].input).length).toBeLessThanOrEqual(25);
    expect(stats).toMatchObject({ items: 60, calls: 5, retries: 2, unprocessed: 20 });
    expect(waits).toEqual([25, 25]); // full jitter: random(0, 50 · 2⁰) with random() = 0.5
  });

  it('retries a whole call that failed with throttling; a ValidationException is thrown at once', async () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } });
    ddbMock
      .on(BatchWriteCommand)
      .rejectsOnce(throttled)
      .callsFake((input) => {
        store(requestsOf(input));
        return {};
      });
    const stats = await batchPut([{ PK: 'P', SK: 'a' }], noSleep);
    expect(stats).toMatchObject({ calls: 2, retries: 1 });
    expect(stored.size).toBe(1);

    ddbMock.reset();
    ddbMock.on(BatchWriteCommand).rejects(Object.assign(new Error('bad item'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }));
    await expect(batchPut([{ PK: 'P', SK: 'a' }], noSleep)).rejects.toThrow('bad item');
    expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(1);
  });

  it('keeps going while each call stores some; gives up after maxAttempts calls in a row that store nothing, saying how many were written', async () => {
    let calls = 0;
    // One item per call for three calls, then nothing at all.
    ddbMock.on(BatchWriteCommand).callsFake((input) => {
      const reqs = requestsOf(input);
      const take = calls++ < 3 ? 1 : 0;
      store(reqs.slice(0, take));
      return { UnprocessedItems: { [TABLE]: reqs.slice(take) } };
    });
    const err = await batchPut(
      Array.from({ length: 5 }, (_, i) => ({ PK: 'P', SK: `S${i}` })),
      { ...noSleep, maxAttempts: 3 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatchWriteIncompleteError);
    expect(err).toMatchObject({ written: 3, total: 5, reason: 'retries', stats: { calls: 6, retries: 5 } });
    expect(stored.size).toBe(3);
  });

  it('starts no call after the deadline', async () => {
    const err = await batchPut([{ PK: 'P', SK: 'a' }], { deadline: Date.now() - 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ written: 0, total: 1, reason: 'deadline' });
    expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });

  it('full jitter stays within [0, min(cap, base · 2^attempt))', () => {
    expect(fullJitterDelay(0, 50, 2000, () => 0.999)).toBeLessThan(50);
    expect(fullJitterDelay(3, 50, 2000, () => 0.5)).toBe(200);
    expect(fullJitterDelay(10, 50, 2000, () => 1)).toBe(2000);
  });
});

describe('importRoster through writeRoster', () => {
  it('stores every unit and employee exactly as putUnit/putEmployee would', async () => {
    const csv = rosterCsv(60);
    const out = await importRoster(csv, AGENCY, writeRoster);
    expect(out).toMatchObject({ status: 'imported', units: 2, employees: 61, write: { items: 63, calls: 3, retries: 0 } });
    const batched = stored;

    stored = new Map();
    const parsed = parseRosterCsv(csv);
    for (const u of parsed.units) await putUnit(AGENCY, u);
    for (const e of parsed.employees) await putEmployee(AGENCY, e);
    expect(batched).toEqual(stored);
    expect(batched.get(`AGENCY#${AGENCY}|EMP#199001012015031000`)).toMatchObject({
      GSI2PK: `AGENCY#${AGENCY}#RATER#197001011995031000`,
      type: 'EMPLOYEE',
      agencyId: AGENCY,
    });
  });

  it('writes only what differs from what is stored: nothing for the same file, one item for one changed row, an item with other attributes again', async () => {
    const csv = rosterCsv(60);
    await importRoster(csv, AGENCY, writeRoster);
    ddbMock.resetHistory();
    expect(await importRoster(csv, AGENCY, writeRoster)).toMatchObject({ status: 'imported', write: { items: 63, unchanged: 63, calls: 0 } });
    expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(0);

    const key = `AGENCY#${AGENCY}|EMP#199001012015031005`;
    stored.set(key, { ...stored.get(key)!, noteAddedElsewhere: 'x' });
    const changed = csv.replace('Staf 9;Pengadministrasi', 'Staf 9;Analis Kepegawaian');
    expect(await importRoster(changed, AGENCY, writeRoster)).toMatchObject({ status: 'imported', write: { items: 63, unchanged: 61, calls: 1 } });
    const sent = requestsOf(ddbMock.commandCalls(BatchWriteCommand)[0]!.args[0].input)
      .map((r) => r.PutRequest.Item.SK)
      .sort();
    expect(sent).toEqual(['EMP#199001012015031005', 'EMP#199001012015031009']);
    expect(stored.get(key)).not.toHaveProperty('noteAddedElsewhere');
    expect(stored.get(`AGENCY#${AGENCY}|EMP#199001012015031009`)).toMatchObject({ jabatan: 'Analis Kepegawaian' });
  });

  it('a file with one bad row writes nothing and reports the row', async () => {
    const csv = rosterCsv(60).replace('staf7@example.test', 'bukan-email');
    const out = await importRoster(csv, AGENCY, writeRoster);
    expect(out.status).toBe('invalid');
    expect(out.status === 'invalid' && out.errors).toEqual([expect.objectContaining({ line: 10, field: 'email' })]);
    expect(ddbMock.calls()).toHaveLength(0);
  });

  it('items still unprocessed after the retries → "incomplete" in both languages; the same file again completes it', async () => {
    let throttle = true;
    ddbMock.on(BatchWriteCommand).callsFake((input) => {
      const reqs = requestsOf(input);
      if (!throttle) {
        store(reqs);
        return {};
      }
      // A full batch gets 20 items in, what is sent again gets nothing in.
      const take = reqs.length === 25 ? 20 : 0;
      store(reqs.slice(0, take));
      return { UnprocessedItems: { [TABLE]: reqs.slice(take) } };
    });
    const csv = rosterCsv(60);
    const write: typeof writeRoster = (a, r, o) => writeRoster(a, r, { ...o, ...noSleep, maxAttempts: 2 });
    const first = await importRoster(csv, AGENCY, write);
    expect(first).toMatchObject({ status: 'incomplete', written: 40, total: 63 });
    expect(first.status === 'incomplete' && first.written).toBe(stored.size);
    expect(first.status === 'incomplete' && first.id).toMatch(/Impor belum selesai.*Unggah ulang berkas yang sama/);
    expect(first.status === 'incomplete' && first.en).toMatch(/incomplete.*Upload the same file again/);
    throttle = false;
    expect(await importRoster(csv, AGENCY, write)).toMatchObject({
      status: 'imported',
      employees: 61,
      write: { unchanged: first.status === 'incomplete' ? first.written : -1 },
    });
    expect(stored.size).toBe(63);
  });
});
