/**
 * DynamoDB Local's raw write rate on this machine, measured in the same run as the cycle: conditional
 * PutItem and two-item TransactWriteItems (both items conditional Puts), at a given concurrency, on the
 * cycle's own table (items under a BENCH# prefix, no index attributes), through a client of its own.
 */

import http from 'node:http';
import { DynamoDBClient, GetItemCommand, PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { processCpuSeconds, round } from './util';

export interface CeilingResult {
  concurrency: number;
  putItemPerSec: number;
  transactWrite2PerSec: number;
  /** Consistent GetItem of a 400-byte item. */
  getItemPerSec: number;
  putItemP50Ms: number;
  transactP50Ms: number;
  /** DynamoDB Local's CPU per operation during the measurement (ms), when its pid is known. */
  dynamoCpuMsPerPut?: number;
  dynamoCpuMsPerTransaction?: number;
  dynamoCpuMsPerGet?: number;
}

export function benchClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }) },
  });
}

async function rate(durationMs: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<{ perSec: number; p50: number; secs: number }> {
  let i = 0;
  let done = 0;
  const lat: number[] = [];
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await op(i++);
        lat.push(performance.now() - t);
        done++;
      }
    }),
  );
  const secs = (performance.now() - started) / 1000;
  lat.sort((a, b) => a - b);
  return { perSec: done / secs, p50: lat[Math.floor(lat.length / 2)] ?? Number.NaN, secs };
}

export async function measureCeiling(
  endpoint: string,
  tableName: string,
  options: { concurrency?: number; durationMs?: number; tag?: string; dynamoPid?: number } = {},
): Promise<CeilingResult> {
  const client = benchClient(endpoint);
  const concurrency = options.concurrency ?? 16;
  const durationMs = options.durationMs ?? 4000;
  const tag = options.tag ?? String(Date.now());
  const payload = { S: 'x'.repeat(300) };
  const put = (pk: string) => ({
    TableName: tableName,
    Item: { PK: { S: pk }, SK: { S: 'ITEM' }, payload, at: { S: new Date().toISOString() } },
    ConditionExpression: 'attribute_not_exists(PK)',
  });
  try {
    // Warm-up: connections and the JIT on both sides.
    await rate(500, concurrency, (i) => client.send(new PutItemCommand(put(`BENCH#${tag}#warm#${i}`))));
    const cpu = () => (options.dynamoPid ? processCpuSeconds(options.dynamoPid) : undefined);
    const perOp = (c0: number | undefined, c1: number | undefined, r: { perSec: number; secs: number }) =>
      c0 !== undefined && c1 !== undefined ? round(((c1 - c0) * 1000) / (r.perSec * r.secs), 3) : undefined;
    let c0 = cpu();
    const p = await rate(durationMs, concurrency, (i) => client.send(new PutItemCommand(put(`BENCH#${tag}#put#${i}`))));
    let c1 = cpu();
    const putCpu = perOp(c0, c1, p);
    c0 = cpu();
    const t = await rate(durationMs, concurrency, (i) =>
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [{ Put: put(`BENCH#${tag}#tx#${i}#a`) }, { Put: put(`BENCH#${tag}#tx#${i}#b`) }],
        }),
      ),
    );
    c1 = cpu();
    const txCpu = perOp(c0, c1, t);
    c0 = cpu();
    const g = await rate(Math.min(durationMs, 2000), concurrency, (i) =>
      client.send(new GetItemCommand({ TableName: tableName, Key: { PK: { S: `BENCH#${tag}#put#${i % 500}` }, SK: { S: 'ITEM' } }, ConsistentRead: true })),
    );
    c1 = cpu();
    const getCpu = perOp(c0, c1, g);
    return {
      concurrency,
      putItemPerSec: round(p.perSec),
      transactWrite2PerSec: round(t.perSec),
      getItemPerSec: round(g.perSec),
      putItemP50Ms: round(p.p50, 2),
      transactP50Ms: round(t.p50, 2),
      ...(putCpu !== undefined ? { dynamoCpuMsPerPut: putCpu } : {}),
      ...(txCpu !== undefined ? { dynamoCpuMsPerTransaction: txCpu } : {}),
      ...(getCpu !== undefined ? { dynamoCpuMsPerGet: getCpu } : {}),
    };
  } finally {
    client.destroy();
  }
}
