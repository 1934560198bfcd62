/**
 * Persistence for cycles, stages, evaluations, decisions and audit events. Every state change is a
 * conditional write, and the change and its audit event are written in one transaction. A retried
 * change (same changeId) is recognised and reported as a replay instead of being applied twice.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ddb } from '../aws-clients';
import { config } from '../../config';
import type { EvaluationStatus, Stage } from '../../domain/lifecycle/status';
import type {
  Actor, AuditEvent, CalibrationRecord, CycleRecord, DecisionRecord, DigestDue, EmployeeRecord, EvaluationFields, EvaluationRecord,
  InvitationRecord, StageRecord, UnitRecord, UnitStatsRecord,
} from '../../domain/records';
import { ConflictError } from '../../application/store-errors';
import { GSI1, GSI2, GSI3, keys, prefixes } from './keys';
import { countsOf, predikatCounter, statusCounter } from '../../domain/records';

export { countsOf, predikatCounter, statusCounter };

export type {
  Actor, AuditEvent, CalibrationRecord, CycleRecord, DecisionRecord, DigestDue, EmployeeRecord, EvaluationRecord, InvitationRecord,
  StageRecord, UnitRecord, UnitStatsRecord,
} from '../../domain/records';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

const table = () => config().TABLE_NAME;

const strip = <T extends Record<string, unknown>>(item: T | undefined) => {
  if (!item) return undefined;
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, ...rest } = item as Record<string, unknown>;
  void PK; void SK; void GSI1PK; void GSI1SK; void GSI2PK; void GSI2SK; void GSI3PK; void GSI3SK;
  return rest;
};

function auditPut(cycleId: string, nip: string, audit: AuditEvent): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.audit(cycleId, nip, audit.at, audit.eventId), type: 'AUDIT', cycleId, nip, ...audit },
      // The event id is derived from the change, so a replayed change cannot write a second event.
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * TransactWriteItems, retried when it was cancelled only because another transaction held one of its
 * items (TransactionConflict) or throttled: the shared counters (stage, unit) are in many transactions
 * at once, and the SDK does not retry a cancelled transaction. A failed condition is never retried.
 */
export async function transactWrite(items: TransactItem[], attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ddb.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
      const transient = reasons.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError')
        && !reasons.some((r) => r.Code === 'ConditionalCheckFailed');
      if (!transient || attempt >= attempts) throw err;
      await sleep(Math.random() * Math.min(1000, 25 * 2 ** attempt)); // full jitter
    }
  }
}

function isConditionalFailure(err: unknown): boolean {
  if (err instanceof TransactionCanceledException) {
    return (err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}

// ─── roster ────────────────────────────────────────────────────────────────────────────────────────

export async function putEmployee(agencyId: string, e: EmployeeRecord): Promise<void> {
  await ddb.send(new PutCommand({
    TableName: table(),
    Item: {
      ...keys.employee(agencyId, e.nip),
      ...(e.raterNip ? keys.employeeByRater(agencyId, e.raterNip, e.nip) : {}),
      type: 'EMPLOYEE',
      agencyId,
      ...e,
    },
  }));
}

export async function putUnit(agencyId: string, u: UnitRecord): Promise<void> {
  await ddb.send(new PutCommand({ TableName: table(), Item: { ...keys.unit(agencyId, u.unitId), type: 'UNIT', agencyId, ...u } }));
}

export async function getEmployee(agencyId: string, nip: string): Promise<EmployeeRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.employee(agencyId, nip) }));
  return strip(out.Item) as EmployeeRecord | undefined;
}

/**
 * Items by key with BatchGetItem (100 keys a call; keys DynamoDB leaves unprocessed are asked again):
 * the same read units as one GetItem each, a hundredth of the round trips. Missing items are absent.
 */
async function batchGet(itemKeys: readonly { PK: string; SK: string }[], consistent = false): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const unique = [...new Map(itemKeys.map((k) => [`${k.PK}\u0000${k.SK}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + 100);
    for (let attempt = 0; pending.length; attempt++) {
      const res = await ddb.send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending, ConsistentRead: consistent } } }));
      out.push(...(res?.Responses?.[table()] ?? []));
      pending = (res?.UnprocessedKeys?.[table()]?.Keys ?? []) as Record<string, unknown>[];
      if (pending.length) await sleep(Math.random() * Math.min(1000, 25 * 2 ** attempt));
    }
  }
  return out;
}

/** Several employees of an agency at once (BatchGetItem), by NIP. */
export async function getEmployees(agencyId: string, nips: Iterable<string>): Promise<Map<string, EmployeeRecord>> {
  const items = await batchGet([...new Set(nips)].map((nip) => keys.employee(agencyId, nip)));
  return new Map(items.map((i) => strip(i) as unknown as EmployeeRecord).map((e) => [e.nip, e]));
}

/** Several evaluations of a cycle at once (BatchGetItem), by NIP; eventually consistent unless asked. */
export async function getEvaluations(cycleId: string, nips: Iterable<string>, options: { consistent?: boolean } = {}): Promise<Map<string, EvaluationRecord>> {
  const items = await batchGet([...new Set(nips)].map((nip) => keys.evaluation(cycleId, nip)), options.consistent ?? false);
  return new Map(items.map((i) => strip(i) as unknown as EvaluationRecord).map((e) => [e.nip, e]));
}

export async function queryPage<T>(input: Omit<QueryCommandInput, 'TableName'>, cursor?: Record<string, unknown>, limit = 100): Promise<{ items: T[]; next?: Record<string, unknown> }> {
  const out = await ddb.send(new QueryCommand({ TableName: table(), ...input, ExclusiveStartKey: cursor, Limit: limit }));
  return { items: (out.Items ?? []).map((i) => strip(i) as T), next: out.LastEvaluatedKey };
}

export async function queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
  const all: T[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await queryPage<T>(input, cursor, 500);
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}

export function rosterPage(agencyId: string, cursor?: Record<string, unknown>, limit = 100) {
  return queryPage<EmployeeRecord>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':sk': prefixes.employee },
  }, cursor, limit);
}

export async function getUnit(agencyId: string, unitId: string): Promise<UnitRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.unit(agencyId, unitId) }));
  return strip(out.Item) as UnitRecord | undefined;
}

/** Names of the given units (one GetItem each, not the agency's whole unit list). */
export async function unitNames(agencyId: string, unitIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(unitIds)];
  const found = new Map((await batchGet(ids.map((id) => keys.unit(agencyId, id)))).map((i) => [i.unitId as string, i.name as string]));
  return new Map(ids.map((id) => [id, found.get(id) ?? id]));
}

/** Units of an agency in id order, starting after `afterUnitId` (a page of the cycle walk). */
export async function unitsAfter(agencyId: string, afterUnitId: string | undefined, limit: number): Promise<UnitRecord[]> {
  const start = afterUnitId === undefined ? undefined : keys.unit(agencyId, afterUnitId);
  return (await queryPage<UnitRecord>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':sk': prefixes.unit },
  }, start, limit)).items;
}

export function listUnits(agencyId: string) {
  return queryAll<UnitRecord>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':sk': prefixes.unit },
  });
}

// ─── cycles and stages ─────────────────────────────────────────────────────────────────────────────

/** Creates the cycle unless it exists; returns whether this call created it. */
export async function createCycle(cycle: CycleRecord): Promise<boolean> {
  try {
    await ddb.send(new PutCommand({
      TableName: table(),
      Item: { ...keys.cycle(cycle.cycleId), ...keys.cycleByAgency(cycle.agencyId, cycle.year), type: 'CYCLE', ...cycle },
      ConditionExpression: 'attribute_not_exists(PK)',
    }));
    return true;
  } catch (err) {
    if (isConditionalFailure(err)) return false;
    throw err;
  }
}

/**
 * The cycle record. Consistent by default (its stage gates every action); `consistent: false` (half
 * the read cost) where only what never changes during a cycle is used: agency, year, policy, schedule.
 */
export async function getCycle(cycleId: string, options: { consistent?: boolean } = {}): Promise<CycleRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.cycle(cycleId), ConsistentRead: options.consistent ?? true }));
  return strip(out.Item) as CycleRecord | undefined;
}

/** Moves the cycle's checkpoint from one stage to the next; a repeat of the same move is a no-op. */
export async function checkpointCycle(cycleId: string, from: Stage, to: Stage | 'DONE', at: string): Promise<'moved' | 'already'> {
  try {
    await ddb.send(new UpdateCommand({
      TableName: table(),
      Key: keys.cycle(cycleId),
      UpdateExpression: to === 'DONE'
        ? 'SET #status = :completed, completedAt = :at, version = version + :one'
        : 'SET #stage = :to, version = version + :one',
      ConditionExpression: '#stage = :from AND #status = :active',
      ExpressionAttributeNames: to === 'DONE' ? { '#status': 'status', '#stage': 'stage' } : { '#status': 'status', '#stage': 'stage' },
      ExpressionAttributeValues: to === 'DONE'
        ? { ':completed': 'COMPLETED', ':at': at, ':one': 1, ':from': from, ':active': 'ACTIVE' }
        : { ':to': to, ':one': 1, ':from': from, ':active': 'ACTIVE' },
    }));
    return 'moved';
  } catch (err) {
    if (!isConditionalFailure(err)) throw err;
    const cycle = await getCycle(cycleId);
    if (cycle && ((to === 'DONE' && cycle.status === 'COMPLETED') || cycle.stage === to)) return 'already';
    throw new ConflictError(`Cycle ${cycleId} is not at stage ${from}`);
  }
}

export async function setCycleFields(cycleId: string, fields: Record<string, unknown>): Promise<void> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':one': 1 };
  const sets = Object.entries(fields).map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:v${i}`] = v;
    return `#f${i} = :v${i}`;
  });
  await ddb.send(new UpdateCommand({
    TableName: table(),
    Key: keys.cycle(cycleId),
    UpdateExpression: `SET ${sets.join(', ')}, version = version + :one`,
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  }));
}

/** Opens the stage record once; later calls (a retried open) leave the counters as they are. */
export async function ensureStage(cycleId: string, stage: Stage, at: string): Promise<void> {
  await ddb.send(new UpdateCommand({
    TableName: table(),
    Key: keys.stage(cycleId, stage),
    UpdateExpression: 'SET #type = if_not_exists(#type, :type), cycleId = :c, #stage = :s, openedAt = if_not_exists(openedAt, :at), #total = if_not_exists(#total, :zero), #done = if_not_exists(#done, :zero)',
    // TOTAL and others are DynamoDB reserved words: every attribute name here goes through a placeholder.
    ExpressionAttributeNames: { '#type': 'type', '#stage': 'stage', '#total': 'total', '#done': 'done' },
    ExpressionAttributeValues: { ':type': 'STAGE', ':c': cycleId, ':s': stage, ':at': at, ':zero': 0 },
  }));
}

export async function getStage(cycleId: string, stage: Stage): Promise<StageRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.stage(cycleId, stage), ConsistentRead: true }));
  return strip(out.Item) as StageRecord | undefined;
}

/** Stores the await step's task token and returns the counters as they are after the write. */
export async function storeStageToken(cycleId: string, stage: Stage, taskToken: string): Promise<StageRecord> {
  const out = await ddb.send(new UpdateCommand({
    TableName: table(),
    Key: keys.stage(cycleId, stage),
    UpdateExpression: 'SET taskToken = :t',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':t': taskToken },
    ReturnValues: 'ALL_NEW',
  }));
  return strip(out.Attributes) as unknown as StageRecord;
}

/** The stage record's counters, inside a transaction (a transaction may touch an item only once). */
export function stageUpdate(cycleId: string, stage: Stage, change: { total?: number; done?: number }): TransactItem {
  const adds: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const field of ['total', 'done'] as const) {
    if (change[field]) {
      adds.push(`#${field} :${field}`);
      names[`#${field}`] = field;
      values[`:${field}`] = change[field];
    }
  }
  if (!adds.length) throw new Error('stageUpdate needs a counter');
  return {
    Update: {
      TableName: table(),
      Key: keys.stage(cycleId, stage),
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * Marks a recipient's digest as due in a stage, with the newest decision for them. One item per
 * recipient (not a map on the stage record): 100,000 employees have ~15,000 raters.
 */
export function digestDuePut(cycleId: string, stage: Stage, recipientNip: string, decisionId: string): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.digestDue(cycleId, stage, recipientNip), type: 'DIGESTDUE', cycleId, stage, recipientNip, decisionId },
    },
  };
}


/** Recipients whose digest is due, a page at a time (in NIP order). */
export function digestsDuePage(cycleId: string, stage: Stage, cursor?: Record<string, unknown>, limit = 50) {
  return queryPage<DigestDue>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.cycle(cycleId).PK, ':sk': prefixes.digestDue(stage) },
    ProjectionExpression: 'recipientNip, decisionId',
  }, cursor, limit);
}

/**
 * Clears a recipient's "digest due" mark, only if no newer decision arrived meanwhile (that one
 * keeps the mark, and goes out in the next digest).
 */
export async function clearNotify(cycleId: string, stage: Stage, recipientNip: string, coveredDecisionId: string): Promise<void> {
  try {
    await ddb.send(new DeleteCommand({
      TableName: table(),
      Key: keys.digestDue(cycleId, stage, recipientNip),
      ConditionExpression: 'decisionId = :seen',
      ExpressionAttributeValues: { ':seen': coveredDecisionId },
    }));
  } catch (err) {
    if (!isConditionalFailure(err)) throw err;
  }
}

export async function markStageReady(cycleId: string, stage: Stage, at: string): Promise<void> {
  await ddb.send(new UpdateCommand({
    TableName: table(),
    Key: keys.stage(cycleId, stage),
    UpdateExpression: 'SET readyAt = if_not_exists(readyAt, :at)',
    ExpressionAttributeValues: { ':at': at },
  }));
}

export async function markStageClosed(cycleId: string, stage: Stage, at: string): Promise<void> {
  await ddb.send(new UpdateCommand({
    TableName: table(),
    Key: keys.stage(cycleId, stage),
    UpdateExpression: 'SET closedAt = if_not_exists(closedAt, :at) REMOVE taskToken',
    ExpressionAttributeValues: { ':at': at },
  }));
}

/** Records that a once-only side effect (reminder, escalation, digest) happened; false if it already had. */
export async function claimOnce(onceKey: string, at: string): Promise<boolean> {
  try {
    await ddb.send(new PutCommand({
      TableName: table(),
      Item: { PK: `ONCE#${onceKey}`, SK: 'ONCE', at, expiresAt: Math.floor(Date.parse(at) / 1000) + 400 * 86400 },
      ConditionExpression: 'attribute_not_exists(PK)',
    }));
    return true;
  } catch (err) {
    if (isConditionalFailure(err)) return false;
    throw err;
  }
}
export async function releaseOnce(onceKey: string): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName: table(), Key: { PK: `ONCE#${onceKey}`, SK: 'ONCE' } }));
}

// ─── evaluations ───────────────────────────────────────────────────────────────────────────────────

function evaluationIndexKeys(e: Pick<EvaluationRecord, 'cycleId' | 'unitId' | 'status' | 'nip' | 'raterNip'>) {
  return {
    ...keys.evaluationByUnit(e.cycleId, e.unitId, e.status, e.nip),
    ...(e.raterNip ? keys.evaluationByRater(e.cycleId, e.raterNip, e.nip) : {}),
  };
}

/** A new evaluation (only if none exists) and its first audit event. */
function evaluationCreateItems(e: EvaluationRecord, audit: AuditEvent): TransactItem[] {
  return [
    {
      Put: {
        TableName: table(),
        Item: { ...keys.evaluation(e.cycleId, e.nip), ...evaluationIndexKeys(e), type: 'EVALUATION', ...e },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    auditPut(e.cycleId, e.nip, audit),
  ];
}

/** Creates the evaluation with its first audit event; returns false if it already existed. */
export async function createEvaluation(e: EvaluationRecord, audit: AuditEvent, extra: TransactItem[] = []): Promise<boolean> {
  try {
    await transactWrite([...evaluationCreateItems(e, audit), ...unitStatUpdates(e.cycleId, undefined, e), ...extra]);
    return true;
  } catch (err) {
    if (isConditionalFailure(err)) return false;
    throw err;
  }
}

/** Consistent by default (a change is conditional on the version read); `consistent: false` for display only. */
export async function getEvaluation(cycleId: string, nip: string, options: { consistent?: boolean } = {}): Promise<EvaluationRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.evaluation(cycleId, nip), ConsistentRead: options.consistent ?? true }));
  return strip(out.Item) as EvaluationRecord | undefined;
}

export function evaluationsOfUnitPage(cycleId: string, unitId: string, cursor?: Record<string, unknown>, limit = 100, status?: string) {
  return queryPage<EvaluationRecord>({
    IndexName: GSI1,
    KeyConditionExpression: status ? 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)' : 'GSI1PK = :pk',
    ExpressionAttributeValues: status
      ? { ':pk': `CYCLE#${cycleId}#UNIT#${unitId}`, ':sk': `STATUS#${status}#` }
      : { ':pk': `CYCLE#${cycleId}#UNIT#${unitId}` },
  }, cursor, limit);
}

/** Every evaluation of one unit in a cycle (GSI1, all pages). */
export async function evaluationsOfUnit(cycleId: string, unitId: string): Promise<EvaluationRecord[]> {
  const out: EvaluationRecord[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await evaluationsOfUnitPage(cycleId, unitId, cursor, 500);
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

/** Where a walk over a cycle's evaluations stopped: the unit, and the key within it. */
export interface CycleWalkCursor { u?: string; k?: Record<string, unknown> }

/**
 * One page of a cycle's evaluations, filled across unit boundaries (units in id order, then each
 * unit's evaluations on GSI1), so the number of pages is the cohort / `limit`, not the number of
 * units. Units come from the roster, so a unit added mid-cycle is walked too.
 */
export async function evaluationsOfCyclePage(cycle: Pick<CycleRecord, 'cycleId' | 'agencyId'>, cursor: CycleWalkCursor, limit = 100): Promise<{ items: EvaluationRecord[]; next?: CycleWalkCursor }> {
  const items: EvaluationRecord[] = [];
  let unitId = cursor.u;
  let key = cursor.k;
  let queue: string[] = [];
  if (unitId === undefined) {
    queue = (await unitsAfter(cycle.agencyId, undefined, 50)).map((u) => u.unitId);
    unitId = queue.shift();
  }
  while (unitId !== undefined) {
    const page = await evaluationsOfUnitPage(cycle.cycleId, unitId, key, limit - items.length);
    items.push(...page.items);
    if (page.next) {
      key = page.next;
      if (items.length >= limit) return { items, next: { u: unitId, k: key } };
      continue;
    }
    key = undefined;
    if (!queue.length) queue = (await unitsAfter(cycle.agencyId, unitId, 50)).map((u) => u.unitId);
    const nextUnit = queue.shift();
    // A full page ends here; the next call starts at the next unit.
    if (items.length >= limit) return { items, ...(nextUnit !== undefined ? { next: { u: nextUnit } } : {}) };
    unitId = nextUnit;
  }
  return { items };
}

/** Every evaluation of a cycle (exports, small agencies); large walks go page by page. */
export async function evaluationsOfCycle(cycle: Pick<CycleRecord, 'cycleId' | 'agencyId'>): Promise<EvaluationRecord[]> {
  const out: EvaluationRecord[] = [];
  let cursor: CycleWalkCursor | undefined = {};
  while (cursor) {
    const page: { items: EvaluationRecord[]; next?: CycleWalkCursor } = await evaluationsOfCyclePage(cycle, cursor, 500);
    out.push(...page.items);
    cursor = page.next;
  }
  return out;
}

// ─── per-unit counters and calibration ─────────────────────────────────────────────────────────────

type Counted = Pick<EvaluationRecord, 'unitId' | 'status'> & { predikat?: string | null };


/**
 * The unit counter updates for one evaluation going from `before` to `after` (either may be absent:
 * created, or never removed today). Part of the same transaction as the change, so counts are exact.
 */
export function unitStatUpdates(cycleId: string, before: Counted | undefined, after: Counted | undefined): TransactItem[] {
  return unitStatUpdatesOf(cycleId, [[before, after]]);
}

/**
 * The unit counter updates for several evaluations' moves, merged: one update per unit (a transaction
 * may touch an item only once), with the sum of the deltas.
 */
export function unitStatUpdatesOf(cycleId: string, moves: readonly (readonly [Counted | undefined, Counted | undefined])[]): TransactItem[] {
  const deltas = new Map<string, Map<string, number>>();
  const add = (unitId: string, attr: string, d: number) => {
    const unit = deltas.get(unitId) ?? new Map<string, number>();
    unit.set(attr, (unit.get(attr) ?? 0) + d);
    deltas.set(unitId, unit);
  };
  for (const [before, after] of moves) {
    for (const [e, d] of [[before, -1], [after, 1]] as const) {
      if (!e) continue;
      add(e.unitId, 'employees', d);
      add(e.unitId, statusCounter(e.status), d);
      if (e.predikat) add(e.unitId, predikatCounter(e.predikat), d);
    }
  }
  const updates: TransactItem[] = [];
  for (const [unitId, attrs] of deltas) {
    const changed = [...attrs].filter(([, d]) => d !== 0);
    if (!changed.length) continue;
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': 'UNITSTAT', ':c': cycleId, ':u': unitId };
    changed.forEach(([attr, d], i) => { names[`#a${i}`] = attr; values[`:d${i}`] = d; });
    updates.push({
      Update: {
        TableName: table(),
        Key: keys.unitStats(cycleId, unitId),
        UpdateExpression: `SET #type = :type, cycleId = :c, unitId = :u ADD ${changed.map((_, i) => `#a${i} :d${i}`).join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    });
  }
  return updates;
}

/** Every unit's counters in a cycle (one item per unit; ~6,000 at 100,000 employees). */
export function unitStatsOf(cycleId: string) {
  return queryAll<UnitStatsRecord>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.cycle(cycleId).PK, ':sk': prefixes.unitStats },
  });
}


/** Writes a unit's calibration result once (a retried step leaves an existing one, and its resolution, alone). */
export async function putCalibrationOnce(record: CalibrationRecord): Promise<void> {
  try {
    await ddb.send(new PutCommand({
      TableName: table(),
      Item: { ...keys.calibration(record.cycleId, record.unitId), type: 'CALIBRATION', ...record },
      ConditionExpression: 'attribute_not_exists(PK)',
    }));
  } catch (err) {
    if (!isConditionalFailure(err)) throw err;
  }
}

/** Resolves a flagged, unresolved calibration, inside the caller's transaction. */
export function resolveCalibrationUpdate(cycleId: string, unitId: string, resolution: { reason: string; by: string; at: string }): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.calibration(cycleId, unitId),
      UpdateExpression: 'SET resolved = :t, resolution = :r',
      ConditionExpression: 'flagged = :t AND resolved = :f',
      ExpressionAttributeValues: { ':t': true, ':f': false, ':r': resolution },
    },
  };
}

/** The cycle's calibration marker, set once, inside the caller's transaction. */
export function calibrationMarkerUpdate(cycleId: string, marker: NonNullable<CycleRecord['calibration']>): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.cycle(cycleId),
      UpdateExpression: 'SET calibration = :c',
      ConditionExpression: 'attribute_not_exists(calibration)',
      ExpressionAttributeValues: { ':c': marker },
    },
  };
}

export function calibrationsOf(cycleId: string) {
  return queryAll<CalibrationRecord>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.cycle(cycleId).PK, ':sk': prefixes.calibration },
  });
}

export async function getCalibration(cycleId: string, unitId: string): Promise<CalibrationRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.calibration(cycleId, unitId), ConsistentRead: true }));
  return strip(out.Item) as CalibrationRecord | undefined;
}

export function evaluationsOfRater(cycleId: string, raterNip: string) {
  return queryAll<EvaluationRecord>({
    IndexName: GSI2,
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': `CYCLE#${cycleId}#RATER#${raterNip}` },
  });
}

export function auditTrail(cycleId: string, nip: string) {
  return queryAll<AuditEvent>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': `EVAL#${cycleId}#${nip}`, ':sk': prefixes.audit },
  });
}

export interface EvaluationChange {
  cycleId: string;
  nip: string;
  /** Deterministic id of this change (e.g. the decision id and action): a retry is recognised by it. */
  changeId: string;
  expectedVersion?: number;
  from?: EvaluationStatus | readonly EvaluationStatus[];
  to?: EvaluationStatus;
  set?: EvaluationFields | Record<string, unknown>;
  audit: Omit<AuditEvent, 'eventId'>;
  extra?: TransactItem[];
}

/**
 * Applies one change to an evaluation: conditional on its version and/or status, with its audit event
 * and any extra items (stage counters, decisions) in the same transaction.
 * Returns 'applied', or 'replayed' when this exact change had already been applied.
 */
export async function changeEvaluation(change: EvaluationChange, current: EvaluationRecord): Promise<'applied' | 'replayed'> {
  // The unit counters are computed from `current`, so it must be the version the condition checks.
  if (change.expectedVersion !== undefined && change.expectedVersion !== current.version) {
    if (current.lastChangeId === change.changeId) return 'replayed';
    throw new ConflictError(
      `Evaluation ${current.nip} is at version ${current.version}, not ${change.expectedVersion}; reload and try again`,
      `Penilaian ${current.nip} telah berubah (versi ${current.version}); muat ulang lalu coba lagi`,
    );
  }
  const built = evaluationChangeItems(change, current);
  try {
    await transactWrite([
      ...built.items,
      ...unitStatUpdates(change.cycleId, current, built.after),
      ...(change.extra ?? []),
    ]);
    return 'applied';
  } catch (err) {
    if (!isConditionalFailure(err)) throw err;
    const now = await getEvaluation(change.cycleId, change.nip);
    if (now?.lastChangeId === change.changeId) return 'replayed';
    throw new ConflictError(
      `Evaluation ${change.nip} changed meanwhile (now ${now?.status} v${now?.version}); reload and try again`,
      `Penilaian ${change.nip} telah berubah (status ${now?.status}); muat ulang lalu coba lagi`,
    );
  }
}

/** The conditional update of the evaluation and its audit event, and what it counts as afterwards. */
function evaluationChangeItems(change: EvaluationChange, current: EvaluationRecord): { items: TransactItem[]; after: Counted } {
  const status = change.to ?? current.status;
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {
    ':status': status,
    ':one': 1,
    ':changeId': change.changeId,
    ':at': change.audit.at,
    ':gsi1sk': keys.evaluationByUnit(current.cycleId, (change.set?.unitId as string) ?? current.unitId, status, current.nip).GSI1SK,
    ':version': current.version,
  };
  const sets = ['#status = :status', 'version = version + :one', 'lastChangeId = :changeId', 'updatedAt = :at', 'GSI1SK = :gsi1sk'];
  for (const [i, [k, v]] of Object.entries(change.set ?? {}).entries()) {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  }
  if (change.set?.unitId) {
    sets.push('GSI1PK = :gsi1pk');
    values[':gsi1pk'] = keys.evaluationByUnit(current.cycleId, change.set.unitId as string, status, current.nip).GSI1PK;
  }
  if (change.set?.raterNip) {
    sets.push('GSI2PK = :gsi2pk', 'GSI2SK = :gsi2sk');
    const k = keys.evaluationByRater(current.cycleId, change.set.raterNip as string, current.nip);
    values[':gsi2pk'] = k.GSI2PK;
    values[':gsi2sk'] = k.GSI2SK;
  }
  let condition = 'version = :version';
  if (change.from) {
    const froms = Array.isArray(change.from) ? change.from : [change.from];
    froms.forEach((f, i) => { values[`:from${i}`] = f; });
    condition += ` AND #status IN (${froms.map((_, i) => `:from${i}`).join(', ')})`;
  }
  const eventId = change.changeId;
  const after: Counted = {
    unitId: (change.set?.unitId as string | undefined) ?? current.unitId,
    status,
    predikat: change.set && 'predikat' in change.set ? (change.set.predikat as string | null | undefined) : current.predikat,
  };
  // The predikat index (GSI3) is sparse: keys while there is a predikat, none otherwise.
  const removes: string[] = [];
  if (after.predikat) {
    const k = keys.evaluationByPredikat(current.cycleId, after.predikat, after.unitId, current.nip);
    sets.push('GSI3PK = :gsi3pk', 'GSI3SK = :gsi3sk');
    values[':gsi3pk'] = k.GSI3PK;
    values[':gsi3sk'] = k.GSI3SK;
  } else if (current.predikat) {
    removes.push('GSI3PK', 'GSI3SK');
  }
  return {
    after,
    items: [
      {
        Update: {
          TableName: table(),
          Key: keys.evaluation(change.cycleId, change.nip),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      auditPut(change.cycleId, change.nip, { ...change.audit, eventId }),
    ],
  };
}

/**
 * Several evaluations' changes in ONE transaction (a system step working through a page of the
 * cohort): each evaluation's conditional update and audit event, their `extra` items, the unit
 * counters merged per unit, and `shared` items (e.g. the stage counter, once, with the batch's sum).
 * All or nothing: 'conflict' when any condition failed (nothing was written; the caller then applies
 * the changes one by one, which recognises replays). Keep batches well under 100 items.
 */
export async function changeEvaluationsTogether(changes: readonly { change: EvaluationChange; current: EvaluationRecord }[], shared: TransactItem[] = []): Promise<'applied' | 'conflict'> {
  if (!changes.length) return 'applied';
  if (new Set(changes.map(({ change }) => change.nip)).size !== changes.length) throw new Error('changeEvaluationsTogether: an evaluation twice in one batch');
  const items: TransactItem[] = [];
  const moves: [Counted, Counted][] = [];
  for (const { change, current } of changes) {
    const built = evaluationChangeItems(change, current);
    items.push(...built.items, ...(change.extra ?? []));
    moves.push([current, built.after]);
  }
  try {
    await transactWrite([...items, ...unitStatUpdatesOf(changes[0]!.change.cycleId, moves), ...shared]);
    return 'applied';
  } catch (err) {
    if (isConditionalFailure(err)) return 'conflict';
    throw err;
  }
}

/** Several new evaluations in one transaction, each with its first audit event; 'conflict' (nothing written) if any existed. */
export async function createEvaluationsTogether(created: readonly { e: EvaluationRecord; audit: AuditEvent }[], shared: TransactItem[] = []): Promise<'applied' | 'conflict'> {
  if (!created.length) return 'applied';
  const items = created.flatMap(({ e, audit }) => evaluationCreateItems(e, audit));
  try {
    await transactWrite([...items, ...unitStatUpdatesOf(created[0]!.e.cycleId, created.map(({ e }) => [undefined, e] as const)), ...shared]);
    return 'applied';
  } catch (err) {
    if (isConditionalFailure(err)) return 'conflict';
    throw err;
  }
}

// ─── decisions ─────────────────────────────────────────────────────────────────────────────────────

export function decisionPut(d: DecisionRecord): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.decision(d.decisionId), ...keys.decisionTodo(d.cycleId, d.recipientNip, d.kind, d.decisionId), type: 'DECISION', ...d },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export async function getDecision(decisionId: string): Promise<DecisionRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.decision(decisionId), ConsistentRead: true }));
  return strip(out.Item) as DecisionRecord | undefined;
}

/** Marks a pending decision decided, inside the caller's transaction; fails if anyone decided first. */
export function decideDecisionUpdate(decisionId: string, by: Actor, at: string, outcome: string, comment?: string): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.decision(decisionId),
      UpdateExpression: 'SET #status = :decided, decidedBy = :by, decidedAt = :at, outcome = :outcome, #comment = :comment REMOVE GSI1PK, GSI1SK',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status', '#comment': 'comment' },
      ExpressionAttributeValues: { ':decided': 'DECIDED', ':pending': 'PENDING', ':by': by, ':at': at, ':outcome': outcome, ':comment': comment ?? '' },
    },
  };
}

export function pendingDecisionsOf(cycleId: string, recipientNip: string) {
  return queryAll<DecisionRecord>({
    IndexName: GSI1,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': `CYCLE#${cycleId}#TODO#${recipientNip}` },
  });
}

/** Moves a pending decision to a new recipient (transfer, handover), inside the caller's transaction. */
export function reassignDecisionUpdate(d: DecisionRecord, recipientNip: string): TransactItem {
  const todo = keys.decisionTodo(d.cycleId, recipientNip, d.kind, d.decisionId);
  return {
    Update: {
      TableName: table(),
      Key: keys.decision(d.decisionId),
      UpdateExpression: 'SET recipientNip = :r, previousRecipients = list_append(if_not_exists(previousRecipients, :empty), :prev), GSI1PK = :pk, GSI1SK = :sk',
      ConditionExpression: '#status = :pending AND recipientNip = :old',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':r': recipientNip, ':prev': [d.recipientNip], ':empty': [], ':pk': todo.GSI1PK, ':sk': todo.GSI1SK, ':pending': 'PENDING', ':old': d.recipientNip },
    },
  };
}

export async function markDecisionEscalated(decisionId: string, to: string[]): Promise<void> {
  await ddb.send(new UpdateCommand({
    TableName: table(),
    Key: keys.decision(decisionId),
    UpdateExpression: 'SET escalatedTo = :to',
    ConditionExpression: '#status = :pending',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':to': to, ':pending': 'PENDING' },
  })).catch((err) => { if (!isConditionalFailure(err)) throw err; });
}

export { isConditionalFailure };
export type { TransactItem };

// ─── 360° invitations (access pattern #21) ─────────────────────────────────────────────────────────


export function invitationsOf(cycleId: string, nip: string) {
  return queryAll<InvitationRecord>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.evaluation(cycleId, nip).PK, ':sk': prefixes.invitation },
  });
}

export async function getInvitation(cycleId: string, nip: string, peerNip: string): Promise<InvitationRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.invitation(cycleId, nip, peerNip), ConsistentRead: true }));
  return strip(out.Item) as InvitationRecord | undefined;
}

/**
 * Writes new invitations and their one audit event in one transaction; each invitation only if that
 * pair has none yet. 'exists' when any of them was written meanwhile (the caller re-reads).
 */
export async function putInvitations(invitations: InvitationRecord[], audit: AuditEvent): Promise<'applied' | 'exists'> {
  const first = invitations[0];
  if (!first) return 'applied';
  try {
    await ddb.send(new TransactWriteCommand({
      TransactItems: [
        ...invitations.map((i): TransactItem => ({
          Put: {
            TableName: table(),
            Item: { ...keys.invitation(i.cycleId, i.nip, i.peerNip), type: 'INVITATION', ...i },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
        auditPut(first.cycleId, first.nip, audit),
      ],
    }));
    return 'applied';
  } catch (err) {
    if (isConditionalFailure(err)) return 'exists';
    throw err;
  }
}

// ─── HR evaluation lists (access patterns #22–24) ──────────────────────────────────────────────────

/** One Query of an HR evaluation list: a unit × status prefix on GSI1, or a rater's team on GSI2. */
export type EvaluationSegment =
  | { index: 'unit'; unitId: string; status?: string }
  | { index: 'rater'; raterNip: string }
  | { index: 'predikat'; predikat: string; unitId: string };

/** The table key of an evaluation in the index a segment reads (a page cursor is the last returned item's key). */
export function evaluationIndexKey(segment: EvaluationSegment, e: Pick<EvaluationRecord, 'cycleId' | 'nip' | 'unitId' | 'status' | 'raterNip'>): Record<string, string> {
  if (segment.index === 'unit') return { ...keys.evaluation(e.cycleId, e.nip), ...keys.evaluationByUnit(e.cycleId, e.unitId, e.status, e.nip) };
  if (segment.index === 'predikat') return { ...keys.evaluation(e.cycleId, e.nip), ...keys.evaluationByPredikat(e.cycleId, segment.predikat, e.unitId, e.nip) };
  return { ...keys.evaluation(e.cycleId, e.nip), ...keys.evaluationByRater(e.cycleId, e.raterNip ?? '', e.nip) };
}

/** Whether a cursor key (a last returned item's key) belongs to this segment. */
export function segmentHolds(cycleId: string, segment: EvaluationSegment, key: Record<string, string>): boolean {
  if (segment.index === 'rater') return key.GSI2PK === `CYCLE#${cycleId}#RATER#${segment.raterNip}`;
  if (segment.index === 'predikat') return key.GSI3PK === `CYCLE#${cycleId}#PREDIKAT#${segment.predikat}` && String(key.GSI3SK).startsWith(`UNIT#${segment.unitId}#`);
  return key.GSI1PK === `CYCLE#${cycleId}#UNIT#${segment.unitId}` && (!segment.status || String(key.GSI1SK).startsWith(`STATUS#${segment.status}#`));
}

export interface EvaluationFilter { predikat?: string; statuses?: readonly string[]; unitIds?: readonly string[] }

/** One page of one segment, in key order (`forward`), with an optional residual filter (a FilterExpression). */
export function evaluationsSegmentPage(cycleId: string, segment: EvaluationSegment, opts: { forward: boolean; limit: number; start?: Record<string, unknown>; filter?: EvaluationFilter }) {
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  let keyCondition: string;
  if (segment.index === 'unit') {
    values[':pk'] = `CYCLE#${cycleId}#UNIT#${segment.unitId}`;
    keyCondition = 'GSI1PK = :pk';
    if (segment.status) { values[':sk'] = `STATUS#${segment.status}#`; keyCondition += ' AND begins_with(GSI1SK, :sk)'; }
  } else if (segment.index === 'predikat') {
    values[':pk'] = `CYCLE#${cycleId}#PREDIKAT#${segment.predikat}`;
    values[':sk'] = `UNIT#${segment.unitId}#`;
    keyCondition = 'GSI3PK = :pk AND begins_with(GSI3SK, :sk)';
  } else {
    values[':pk'] = `CYCLE#${cycleId}#RATER#${segment.raterNip}`;
    keyCondition = 'GSI2PK = :pk';
  }
  const filters: string[] = [];
  const f = opts.filter ?? {};
  if (f.predikat) { values[':predikat'] = f.predikat; filters.push('predikat = :predikat'); }
  if (f.statuses?.length) {
    names['#status'] = 'status';
    f.statuses.forEach((s, i) => { values[`:st${i}`] = s; });
    filters.push(`#status IN (${f.statuses.map((_, i) => `:st${i}`).join(', ')})`);
  }
  if (f.unitIds?.length) {
    f.unitIds.forEach((u, i) => { values[`:u${i}`] = u; });
    filters.push(`unitId IN (${f.unitIds.map((_, i) => `:u${i}`).join(', ')})`);
  }
  return queryPage<EvaluationRecord>({
    IndexName: { unit: GSI1, rater: GSI2, predikat: GSI3 }[segment.index],
    KeyConditionExpression: keyCondition,
    ScanIndexForward: opts.forward,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
  }, opts.start, opts.limit);
}
