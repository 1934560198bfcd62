/** Per-unit counters of a cycle and calibration results (access patterns #7, #8). */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CalibrationRecord, EvaluationRecord, UnitStatsRecord } from '../../domain/records';
import { predikatCounter, statusCounter } from '../../domain/records';
import { ddb } from '../aws-clients';
import { keys, prefixes } from './keys';
import { isConditionalFailure, queryAll, strip, type TransactItem, table } from './table';

export { countsOf, predikatCounter, statusCounter } from '../../domain/records';

// ─── per-unit counters and calibration ─────────────────────────────────────────────────────────────

export type Counted = Pick<EvaluationRecord, 'unitId' | 'status'> & { predikat?: string | null };

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
    for (const [e, d] of [
      [before, -1],
      [after, 1],
    ] as const) {
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
    changed.forEach(([attr, d], i) => {
      names[`#a${i}`] = attr;
      values[`:d${i}`] = d;
    });
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
    await ddb.send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.calibration(record.cycleId, record.unitId), type: 'CALIBRATION', ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
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
