/**
 * Batched puts (BatchWriteItem, 25 items a call, several calls in flight) and the roster writer built
 * on them.
 *
 * Why batching inside the request rather than an asynchronous job: a 20,000-row roster is 850 calls
 * instead of 21,000 round trips; measured (bench/roster-import.ts) the whole import fits well inside
 * the 29 s, so the HR user gets the answer in the same request (imported, or the per-row report) with
 * no job table, status route or polling. What bounds it on AWS is not the round trips but the table:
 * every employee and unit of an agency shares one partition key (`AGENCY#a`, keys.ts #1–3), and one
 * partition takes about 1,000 write units a second until DynamoDB splits it for heat, so a FIRST
 * import of 20,000 employees (~0.4 KB, one write unit each) needs about 21 s however it is sent.
 * Later imports write only the items that differ from what is stored (writeRoster), a few seconds.
 * Items DynamoDB throttles come back as UnprocessedItems and are sent again with full-jitter backoff;
 * a deadline stops the loop before API Gateway's 29 s with a clear "incomplete" answer, and the same
 * file sent again finishes the job: every put is unconditional and idempotent (same keys, same
 * content), exactly as putEmployee/putUnit write them. If agencies beyond 20,000 or slower partitions
 * are met in production, the next step is the job (202 + a status route), not more concurrency.
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RosterEmployee, RosterWriter } from '../../application/roster/roster-import';
import { config } from '../../config';
import { ddb } from '../aws-clients';
import { keys, prefixes } from './keys';
import type { EmployeeRecord, UnitRecord } from './repository';

type Item = Record<string, unknown>;

/** BatchWriteItem's limit per call. */
export const BATCH_WRITE_MAX = 25;

export interface BatchPutOptions {
  /** Calls in flight at once (default 16). */
  concurrency?: number;
  /** Calls of a batch in a row that store nothing (all unprocessed, or a throttling/5xx error) before it is given up (default 10). */
  maxAttempts?: number;
  /** Full-jitter backoff: the n-th retry waits random(0, min(maxDelayMs, baseDelayMs · 2ⁿ)). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Epoch ms after which no call is started: what is left is reported as not written. */
  deadline?: number;
  tableName?: string;
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface BatchPutStats {
  items: number;
  /** BatchWriteItem calls sent, retries included. */
  calls: number;
  /** Calls that re-sent items: UnprocessedItems, or a whole batch after a throttling/5xx error. */
  retries: number;
  /** Items DynamoDB returned unprocessed, counted each time. */
  unprocessed: number;
  ms: number;
}

/** Some items were not written after the retries (or before the deadline); the rest were. */
export class BatchWriteIncompleteError extends Error {
  override name = 'BatchWriteIncompleteError';
  constructor(
    readonly written: number,
    readonly total: number,
    readonly stats: BatchPutStats,
    readonly reason: 'retries' | 'deadline',
    cause?: unknown,
  ) {
    super(`${total - written} of ${total} items not written (${reason === 'deadline' ? 'time ran out' : 'still unprocessed after the retries'})`, { cause });
  }
}

/** Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): random(0, min(cap, base · 2^attempt)). */
export const fullJitterDelay = (attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number =>
  random() * Math.min(capMs, baseMs * 2 ** attempt);

/** Errors of a whole call worth another try (the SDK has already retried them itself). */
const RETRYABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);
const retryable = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return RETRYABLE.has(e?.name ?? '') || (e?.$metadata?.httpStatusCode ?? 0) >= 500;
};

/**
 * Puts every item, 25 a call, `concurrency` calls in flight. Keys must be unique (BatchWriteItem
 * refuses a call with one key twice). Throws BatchWriteIncompleteError if a batch has stored nothing
 * in `maxAttempts` calls in a row, or at the deadline, and the SDK's error for anything else
 * (e.g. a ValidationException); in-flight batches finish, no new one starts.
 */
export async function batchPut(items: readonly Item[], options: BatchPutOptions = {}): Promise<BatchPutStats> {
  const tableName = options.tableName ?? config().TABLE_NAME;
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const maxAttempts = Math.max(1, options.maxAttempts ?? 10);
  const base = options.baseDelayMs ?? 50;
  const cap = options.maxDelayMs ?? 2_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const started = performance.now();
  const stats: BatchPutStats = { items: items.length, calls: 0, retries: 0, unprocessed: 0, ms: 0 };
  let written = 0;
  let failure: { reason: 'retries' | 'deadline'; cause?: unknown } | undefined;
  let fatal: unknown;
  const timeUp = () => options.deadline !== undefined && Date.now() >= options.deadline;

  const writeBatch = async (batch: readonly Item[]) => {
    let pending = batch.map((Item) => ({ PutRequest: { Item } }));
    // `stalled` counts calls in a row that stored nothing: a throttled partition still takes some of
    // each call, and a batch making progress is not given up (it ends within 25 such calls anyway).
    for (let attempt = 0, stalled = 0; pending.length; attempt++) {
      if (fatal || failure) return;
      if (timeUp()) return void (failure ??= { reason: 'deadline' });
      if (attempt > 0) stats.retries++;
      stats.calls++;
      let error: unknown;
      try {
        const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        const left = (out?.UnprocessedItems?.[tableName] ?? []) as typeof pending;
        written += pending.length - left.length;
        stats.unprocessed += left.length;
        stalled = left.length < pending.length ? 0 : stalled + 1;
        pending = left;
      } catch (err) {
        if (!retryable(err)) return void (fatal ??= err);
        error = err;
        stalled++;
      }
      if (stalled >= maxAttempts) return void (failure ??= { reason: 'retries', cause: error });
      if (pending.length) await sleep(fullJitterDelay(attempt, base, cap, random));
    }
  };

  let next = 0;
  const batches = Math.ceil(items.length / BATCH_WRITE_MAX);
  await Promise.all(
    Array.from({ length: Math.min(concurrency, batches) }, async () => {
      while (next < batches && !fatal && !failure) {
        const i = next++;
        await writeBatch(items.slice(i * BATCH_WRITE_MAX, (i + 1) * BATCH_WRITE_MAX));
      }
    }),
  );
  stats.ms = Math.round(performance.now() - started);
  if (fatal) throw fatal;
  if (failure) throw new BatchWriteIncompleteError(written, items.length, stats, failure.reason, failure.cause);
  return stats;
}

// ─── the roster ──────────────────────────────────────────────────────────────────────────────────

/** The employee item exactly as repository.putEmployee writes it (the rater's GSI2 keys when there is one). */
export const employeeItem = (agencyId: string, e: EmployeeRecord | RosterEmployee): Item => ({
  ...keys.employee(agencyId, e.nip),
  ...(e.raterNip ? keys.employeeByRater(agencyId, e.raterNip, e.nip) : {}),
  type: 'EMPLOYEE',
  agencyId,
  ...e,
});

/** The unit item exactly as repository.putUnit writes it. */
export const unitItem = (agencyId: string, u: UnitRecord): Item => ({ ...keys.unit(agencyId, u.unitId), type: 'UNIT', agencyId, ...u });

/** JSON with object keys sorted, so two items with the same attributes compare equal as strings. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Item)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Item)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
const itemKey = (i: Item) => `${i.PK}\u0000${i.SK}`;

/** The agency's stored units and employees (access patterns #2 and #3, strongly consistent), by key. */
async function storedRoster(agencyId: string, tableName: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const prefix of [prefixes.unit, prefixes.employee]) {
    let cursor: Item | undefined;
    do {
      const page = await ddb.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': keys.unit(agencyId, '').PK, ':sk': prefix },
          ConsistentRead: true,
          ExclusiveStartKey: cursor,
        }),
      );
      for (const i of page.Items ?? []) out.set(itemKey(i), canonical(i));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
  }
  return out;
}

/**
 * The roster port of shared/application/roster/roster-import.ts: units and employees as plain puts
 * (replacing what is stored under the same unit code or NIP, as putUnit/putEmployee do), batched.
 * Items already stored exactly so (every attribute equal) are not written again: the table ends the
 * same, and a re-import of a yearly roster with a few changes, or the re-run of an import cut short,
 * writes only what differs (the roster's partition takes about 1,000 writes a second, and reading
 * it costs a few hundred milliseconds). Items left unwritten are reported, not thrown: the use case
 * tells the user to upload again.
 */
export async function writeRoster(agencyId: string, roster: Parameters<RosterWriter>[1], options: BatchPutOptions = {}): ReturnType<RosterWriter> {
  const items = [...roster.units.map((u) => unitItem(agencyId, u)), ...roster.employees.map((e) => employeeItem(agencyId, e))];
  const stored = await storedRoster(agencyId, options.tableName ?? config().TABLE_NAME);
  const changed = items.filter((i) => stored.get(itemKey(i)) !== canonical(i));
  const unchanged = items.length - changed.length;
  try {
    const stats = await batchPut(changed, options);
    return { complete: true, stats: { ...stats, items: items.length, unchanged } };
  } catch (err) {
    if (!(err instanceof BatchWriteIncompleteError)) throw err;
    return {
      complete: false,
      written: unchanged + err.written,
      total: items.length,
      reason: err.reason,
      stats: { ...err.stats, items: items.length, unchanged },
    };
  }
}
