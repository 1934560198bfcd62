/**
 * Evaluations and their audit trail (access patterns #10–13): every state change is a conditional
 * write, and the change, its audit event and the unit counters are one transaction. A retried change
 * (same changeId) is recognised and reported as a replay instead of being applied twice.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError, ConflictError } from '../../application/errors';
import type { EvaluationChange as PortEvaluationChange } from '../../application/ports';
import type { AuditEvent, CycleRecord, EvaluationFields, EvaluationRecord } from '../../domain/records';
import { ddb } from '../aws-clients';
import { GSI1, GSI2, keys, prefixes } from './keys';
import { unitsAfter } from './roster';
import { auditPut, batchGet, isConditionalFailure, queryAll, queryPage, strip, type TransactItem, table } from './table';
import { transactWrite } from './transact';
import { type Counted, unitStatUpdates, unitStatUpdatesOf } from './unit-stats';

/** Several evaluations of a cycle at once (BatchGetItem), by NIP; eventually consistent unless asked. */
export async function getEvaluations(cycleId: string, nips: Iterable<string>, options: { consistent?: boolean } = {}): Promise<Map<string, EvaluationRecord>> {
  const items = await batchGet(
    [...new Set(nips)].map((nip) => keys.evaluation(cycleId, nip)),
    options.consistent ?? false,
  );
  return new Map(items.map((i) => strip(i) as unknown as EvaluationRecord).map((e) => [e.nip, e]));
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
  return queryPage<EvaluationRecord>(
    {
      IndexName: GSI1,
      KeyConditionExpression: status ? 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)' : 'GSI1PK = :pk',
      ExpressionAttributeValues: status
        ? { ':pk': `CYCLE#${cycleId}#UNIT#${unitId}`, ':sk': `STATUS#${status}#` }
        : { ':pk': `CYCLE#${cycleId}#UNIT#${unitId}` },
    },
    cursor,
    limit,
  );
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
export interface CycleWalkCursor {
  u?: string;
  k?: Record<string, unknown>;
}

/**
 * One page of a cycle's evaluations, filled across unit boundaries (units in id order, then each
 * unit's evaluations on GSI1), so the number of pages is the cohort / `limit`, not the number of
 * units. Units come from the roster, so a unit added mid-cycle is walked too.
 */
export async function evaluationsOfCyclePage(
  cycle: Pick<CycleRecord, 'cycleId' | 'agencyId'>,
  cursor: CycleWalkCursor,
  limit = 100,
): Promise<{ items: EvaluationRecord[]; next?: CycleWalkCursor }> {
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

/** The port's change (shared/application/ports.ts), with its extra writes as the table's transaction items. */
export type EvaluationChange = Omit<PortEvaluationChange, 'set' | 'extra'> & { set?: EvaluationFields | Record<string, unknown>; extra?: TransactItem[] };

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
    await transactWrite([...built.items, ...unitStatUpdates(change.cycleId, current, built.after), ...(change.extra ?? [])]);
    return 'applied';
  } catch (err) {
    if (!isConditionalFailure(err)) throw err;
    const now = await getEvaluation(change.cycleId, change.nip);
    if (now?.lastChangeId === change.changeId) return 'replayed';
    throw new ConcurrentChangeError(
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
    froms.forEach((f, i) => {
      values[`:from${i}`] = f;
    });
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
export async function changeEvaluationsTogether(
  changes: readonly { change: EvaluationChange; current: EvaluationRecord }[],
  shared: TransactItem[] = [],
): Promise<'applied' | 'conflict'> {
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
export async function createEvaluationsTogether(
  created: readonly { e: EvaluationRecord; audit: AuditEvent }[],
  shared: TransactItem[] = [],
): Promise<'applied' | 'conflict'> {
  if (!created.length) return 'applied';
  const items = created.flatMap(({ e, audit }) => evaluationCreateItems(e, audit));
  try {
    await transactWrite([
      ...items,
      ...unitStatUpdatesOf(
        created[0]!.e.cycleId,
        created.map(({ e }) => [undefined, e] as const),
      ),
      ...shared,
    ]);
    return 'applied';
  } catch (err) {
    if (isConditionalFailure(err)) return 'conflict';
    throw err;
  }
}
