/** Cycles and their stage records, digest marks and once-only claims (access patterns #5, #6, #9, #20). */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../application/errors';
import type { Stage } from '../../domain/lifecycle/status';
import type { CycleRecord, DigestDue, StageRecord } from '../../domain/records';
import { ddb } from '../aws-clients';
import { keys, prefixes } from './keys';
import { isConditionalFailure, queryPage, strip, type TransactItem, table } from './table';

// ─── cycles and stages ─────────────────────────────────────────────────────────────────────────────

/** Creates the cycle unless it exists; returns whether this call created it. */
export async function createCycle(cycle: CycleRecord): Promise<boolean> {
  try {
    await ddb.send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.cycle(cycle.cycleId), ...keys.cycleByAgency(cycle.agencyId, cycle.year), type: 'CYCLE', ...cycle },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
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
    await ddb.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.cycle(cycleId),
        UpdateExpression:
          to === 'DONE' ? 'SET #status = :completed, completedAt = :at, version = version + :one' : 'SET #stage = :to, version = version + :one',
        ConditionExpression: '#stage = :from AND #status = :active',
        ExpressionAttributeNames: to === 'DONE' ? { '#status': 'status', '#stage': 'stage' } : { '#status': 'status', '#stage': 'stage' },
        ExpressionAttributeValues:
          to === 'DONE'
            ? { ':completed': 'COMPLETED', ':at': at, ':one': 1, ':from': from, ':active': 'ACTIVE' }
            : { ':to': to, ':one': 1, ':from': from, ':active': 'ACTIVE' },
      }),
    );
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
  await ddb.send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.cycle(cycleId),
      UpdateExpression: `SET ${sets.join(', ')}, version = version + :one`,
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Opens the stage record once; later calls (a retried open) leave the counters as they are. */
export async function ensureStage(cycleId: string, stage: Stage, at: string): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.stage(cycleId, stage),
      UpdateExpression:
        'SET #type = if_not_exists(#type, :type), cycleId = :c, #stage = :s, openedAt = if_not_exists(openedAt, :at), #total = if_not_exists(#total, :zero), #done = if_not_exists(#done, :zero)',
      // TOTAL and others are DynamoDB reserved words: every attribute name here goes through a placeholder.
      ExpressionAttributeNames: { '#type': 'type', '#stage': 'stage', '#total': 'total', '#done': 'done' },
      ExpressionAttributeValues: { ':type': 'STAGE', ':c': cycleId, ':s': stage, ':at': at, ':zero': 0 },
    }),
  );
}

export async function getStage(cycleId: string, stage: Stage): Promise<StageRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.stage(cycleId, stage), ConsistentRead: true }));
  return strip(out.Item) as StageRecord | undefined;
}

/** Stores the await step's task token and returns the counters as they are after the write. */
export async function storeStageToken(cycleId: string, stage: Stage, taskToken: string): Promise<StageRecord> {
  const out = await ddb.send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.stage(cycleId, stage),
      UpdateExpression: 'SET taskToken = :t',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':t': taskToken },
      ReturnValues: 'ALL_NEW',
    }),
  );
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
  return queryPage<DigestDue>(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.cycle(cycleId).PK, ':sk': prefixes.digestDue(stage) },
      ProjectionExpression: 'recipientNip, decisionId',
    },
    cursor,
    limit,
  );
}

/**
 * Clears a recipient's "digest due" mark, only if no newer decision arrived meanwhile (that one
 * keeps the mark, and goes out in the next digest).
 */
export async function clearNotify(cycleId: string, stage: Stage, recipientNip: string, coveredDecisionId: string): Promise<void> {
  try {
    await ddb.send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.digestDue(cycleId, stage, recipientNip),
        ConditionExpression: 'decisionId = :seen',
        ExpressionAttributeValues: { ':seen': coveredDecisionId },
      }),
    );
  } catch (err) {
    if (!isConditionalFailure(err)) throw err;
  }
}

export async function markStageReady(cycleId: string, stage: Stage, at: string): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.stage(cycleId, stage),
      UpdateExpression: 'SET readyAt = if_not_exists(readyAt, :at)',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}

export async function markStageClosed(cycleId: string, stage: Stage, at: string): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.stage(cycleId, stage),
      UpdateExpression: 'SET closedAt = if_not_exists(closedAt, :at) REMOVE taskToken',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}

/** Records that a once-only side effect (reminder, escalation, digest) happened; false if it already had. */
export async function claimOnce(onceKey: string, at: string): Promise<boolean> {
  try {
    await ddb.send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.once(onceKey), at, expiresAt: Math.floor(Date.parse(at) / 1000) + 400 * 86400 },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (err) {
    if (isConditionalFailure(err)) return false;
    throw err;
  }
}
export async function releaseOnce(onceKey: string): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName: table(), Key: keys.once(onceKey) }));
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
