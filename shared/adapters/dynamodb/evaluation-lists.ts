/** HR evaluation lists (access patterns #15–17). */
import type { EvaluationRecord } from '../../domain/records';
import { GSI1, GSI2, GSI3, keys } from './keys';
import { queryPage } from './table';

/** One Query of an HR evaluation list: a unit × status prefix on GSI1, or a rater's team on GSI2. */
export type EvaluationSegment =
  | { index: 'unit'; unitId: string; status?: string }
  | { index: 'rater'; raterNip: string }
  | { index: 'predikat'; predikat: string; unitId: string };

/** The table key of an evaluation in the index a segment reads (a page cursor is the last returned item's key). */
export function evaluationIndexKey(
  segment: EvaluationSegment,
  e: Pick<EvaluationRecord, 'cycleId' | 'nip' | 'unitId' | 'status' | 'raterNip'>,
): Record<string, string> {
  if (segment.index === 'unit') return { ...keys.evaluation(e.cycleId, e.nip), ...keys.evaluationByUnit(e.cycleId, e.unitId, e.status, e.nip) };
  if (segment.index === 'predikat') return { ...keys.evaluation(e.cycleId, e.nip), ...keys.evaluationByPredikat(e.cycleId, segment.predikat, e.unitId, e.nip) };
  return { ...keys.evaluation(e.cycleId, e.nip), ...keys.evaluationByRater(e.cycleId, e.raterNip ?? '', e.nip) };
}

/** Whether a cursor key (a last returned item's key) belongs to this segment. */
export function segmentHolds(cycleId: string, segment: EvaluationSegment, key: Record<string, string>): boolean {
  if (segment.index === 'rater') return key.GSI2PK === `CYCLE#${cycleId}#RATER#${segment.raterNip}`;
  if (segment.index === 'predikat')
    return key.GSI3PK === `CYCLE#${cycleId}#PREDIKAT#${segment.predikat}` && String(key.GSI3SK).startsWith(`UNIT#${segment.unitId}#`);
  return key.GSI1PK === `CYCLE#${cycleId}#UNIT#${segment.unitId}` && (!segment.status || String(key.GSI1SK).startsWith(`STATUS#${segment.status}#`));
}

export interface EvaluationFilter {
  predikat?: string;
  statuses?: readonly string[];
  unitIds?: readonly string[];
}

/** One page of one segment, in key order (`forward`), with an optional residual filter (a FilterExpression). */
export function evaluationsSegmentPage(
  cycleId: string,
  segment: EvaluationSegment,
  opts: { forward: boolean; limit: number; start?: Record<string, unknown>; filter?: EvaluationFilter },
) {
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  let keyCondition: string;
  if (segment.index === 'unit') {
    values[':pk'] = `CYCLE#${cycleId}#UNIT#${segment.unitId}`;
    keyCondition = 'GSI1PK = :pk';
    if (segment.status) {
      values[':sk'] = `STATUS#${segment.status}#`;
      keyCondition += ' AND begins_with(GSI1SK, :sk)';
    }
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
  if (f.predikat) {
    values[':predikat'] = f.predikat;
    filters.push('predikat = :predikat');
  }
  if (f.statuses?.length) {
    names['#status'] = 'status';
    f.statuses.forEach((s, i) => {
      values[`:st${i}`] = s;
    });
    filters.push(`#status IN (${f.statuses.map((_, i) => `:st${i}`).join(', ')})`);
  }
  if (f.unitIds?.length) {
    f.unitIds.forEach((u, i) => {
      values[`:u${i}`] = u;
    });
    filters.push(`unitId IN (${f.unitIds.map((_, i) => `:u${i}`).join(', ')})`);
  }
  return queryPage<EvaluationRecord>(
    {
      IndexName: { unit: GSI1, rater: GSI2, predikat: GSI3 }[segment.index],
      KeyConditionExpression: keyCondition,
      ScanIndexForward: opts.forward,
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    },
    opts.start,
    opts.limit,
  );
}
