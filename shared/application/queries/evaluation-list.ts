/**
 * HR's evaluation list (GET /v1/cycles/{cycleId}/evaluations): filters by unit (optionally with its
 * sub-units), status, stage (the statuses waiting in it), predikat and rater, in key order, paged with
 * signed cursors bound to the query. Every read is a Query (keys.ts, access patterns #15–17):
 *
 * - unit / sub-units / status / stage are key conditions: one segment per (unit, status), read one
 *   after the other; a page reads what it returns.
 * - rater reads the rater's team on GSI2; the other filters become a FilterExpression there (a team is
 *   a handful of people, so the extra reads are bounded by its size).
 * - predikat reads GSI3, the sparse predikat index (only evaluations with a predikat), per unit;
 *   a status or stage with it is a FilterExpression over those.
 *
 * Order (`order=asc|desc`, ScanIndexForward): units in tree order (parent first, siblings by id), then
 * status, then NIP; with one status (or a stage) that is NIP order within each unit, and by rater it is
 * NIP order. A page may hold fewer than `limit` items when a filter skipped many: follow `next` until null.
 */
import * as z from 'zod';
import { EVALUATION_STATUSES, type EvaluationStatus, EvaluationStatusSchema, StageSchema } from '../../domain/lifecycle/status';
import { PredikatSchema } from '../../domain/ratings';
import type { CycleRecord, EvaluationRecord, UnitRecord } from '../../domain/records';
import { NipParam } from '../../http/api';
import { badRequest } from '../../http/problem';
import { ports } from '../context';
import { RuleError } from '../errors';
import type { EvaluationFilter, EvaluationSegment } from '../ports';
import { WAITING_STATUSES } from '../stages/waiting';

export const EvaluationListQuery = z.object({
  unitId: z.string().min(1).max(64).optional(),
  includeSubunits: z.enum(['true', 'false']).optional().meta({ description: 'Termasuk semua sub-unit dari unitId · include every unit below unitId' }),
  status: EvaluationStatusSchema.optional(),
  stage: StageSchema.optional().meta({ description: 'Yang masih menunggu pada tahap ini · those still waiting in this stage' }),
  predikat: PredikatSchema.optional(),
  rater: NipParam.optional().meta({ description: 'NIP pejabat penilai · the rater’s NIP' }),
  order: z.enum(['asc', 'desc']).default('asc').meta({ description: 'Urutan kunci: unit, status, NIP · key order: unit, status, NIP' }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EvaluationListQuery = z.infer<typeof EvaluationListQuery>;

/** Statuses in which an evaluation carries a predikat (set by the rating). */
const WITH_PREDIKAT: readonly EvaluationStatus[] = EVALUATION_STATUSES.slice(EVALUATION_STATUSES.indexOf('RATED')).filter((s) => s !== 'WITHDRAWN');
/** DynamoDB allows at most 100 operands in an IN. */
const MAX_IN = 100;
/** Queries one request may make while a segment still has more to read (a filter that skips much). */
const MAX_QUERIES = 10;

/** The unit and every unit below it, parent first, siblings by id. */
export function subtreeOf(units: readonly UnitRecord[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentUnitId) children.set(u.parentUnitId, [...(children.get(u.parentUnitId) ?? []), u.unitId]);
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id)) return; // a cycle in bad roster data must not loop
    seen.add(id);
    out.push(id);
    for (const c of (children.get(id) ?? []).sort()) walk(c);
  };
  walk(rootId);
  return out;
}

function plan(cycle: CycleRecord, q: EvaluationListQuery, units: readonly UnitRecord[]): { segments: EvaluationSegment[]; filter?: EvaluationFilter } {
  if (q.includeSubunits === 'true' && !q.unitId) throw badRequest('includeSubunits memerlukan unitId', 'includeSubunits needs unitId');
  if (!q.unitId && !q.rater) throw badRequest('Parameter unitId atau rater wajib diisi', 'Query parameter unitId or rater is required');
  let unitIds: string[] | undefined;
  if (q.unitId) {
    if (!units.some((u) => u.unitId === q.unitId)) {
      throw new RuleError(`Unit ${q.unitId} is not a unit of agency ${cycle.agencyId}`, `Unit ${q.unitId} bukan unit instansi ${cycle.agencyId}`, 'unitId');
    }
    unitIds = q.includeSubunits === 'true' ? subtreeOf(units, q.unitId) : [q.unitId];
  }
  // A stage means the statuses still waiting in it; with a status too, the two must agree.
  let statuses: readonly EvaluationStatus[] | undefined;
  if (q.stage) {
    const waiting = WAITING_STATUSES[q.stage] ?? [];
    statuses = q.status ? waiting.filter((s) => s === q.status) : waiting;
  } else if (q.status) statuses = [q.status];
  if (q.predikat) statuses = (statuses ?? WITH_PREDIKAT).filter((s) => WITH_PREDIKAT.includes(s));
  if (statuses && statuses.length === 0) return { segments: [] }; // nothing can match: no read at all

  if (q.rater) {
    if (unitIds && unitIds.length > MAX_IN) throw new RuleError(`At most ${MAX_IN} units with rater`, `Paling banyak ${MAX_IN} unit bersama rater`, 'unitId');
    return {
      segments: [{ index: 'rater', raterNip: q.rater }],
      filter: { predikat: q.predikat, statuses: q.status || q.stage || q.predikat ? statuses : undefined, unitIds },
    };
  }
  // By predikat: the sparse predikat index, one segment per unit; a status or stage filters what it reads.
  if (q.predikat) {
    return {
      segments: unitIds!.map((unitId) => ({ index: 'predikat' as const, predikat: q.predikat!, unitId })),
      filter: q.status || q.stage ? { statuses } : undefined,
    };
  }
  const segments: EvaluationSegment[] = unitIds!.flatMap((unitId) =>
    statuses ? statuses.map((status) => ({ index: 'unit' as const, unitId, status })) : [{ index: 'unit' as const, unitId }],
  );
  return { segments };
}

export async function listEvaluations(cycle: CycleRecord, q: EvaluationListQuery): Promise<{ items: EvaluationRecord[]; next: string | null }> {
  // One unit: one GetItem. Its sub-units need the agency's unit tree (~6,000 small items at 100,000
  // employees): read only when asked for.
  const units = !q.unitId
    ? []
    : q.includeSubunits === 'true'
      ? await ports().roster.listUnits(cycle.agencyId)
      : [await ports().roster.getUnit(cycle.agencyId, q.unitId)].filter((u): u is NonNullable<typeof u> => u !== undefined);
  const { segments: inOrder, filter } = plan(cycle, q, units);
  const forward = q.order !== 'desc';
  const segments = forward ? inOrder : [...inOrder].reverse();
  // Signed and bound to this query: a forged cursor, or one from another query, is a 400.
  const scope = [
    'evaluations',
    cycle.cycleId,
    q.unitId ?? '',
    q.includeSubunits ?? '',
    q.status ?? '',
    q.stage ?? '',
    q.predikat ?? '',
    q.rater ?? '',
    q.order,
  ].join('\n');
  const start = await ports().cursors.verify(q.cursor, scope);
  let i = 0;
  let startKey: Record<string, unknown> | undefined;
  if (start) {
    i = segments.findIndex((s) => ports().evaluations.segmentHolds(cycle.cycleId, s, start));
    if (i < 0) throw badRequest('Kursor halaman tidak sah atau bukan untuk permintaan ini', 'The page cursor is invalid or belongs to another query');
    startKey = start;
  }
  const items: EvaluationRecord[] = [];
  let lastSegment: EvaluationSegment | undefined;
  let queries = 0;
  while (i < segments.length && items.length < q.limit) {
    const segment = segments[i]!;
    const room = q.limit - items.length;
    // Without a filter, read exactly what fits; with one, read more at a time and cut.
    const page = await ports().evaluations.segmentPage(cycle.cycleId, segment, {
      forward,
      limit: filter ? Math.min(500, Math.max(room, 50)) : room,
      start: startKey,
      filter,
    });
    queries++;
    if (page.items.length > room) {
      items.push(...page.items.slice(0, room));
      return { items, next: await ports().cursors.sign(ports().evaluations.indexKey(segment, items[items.length - 1]!), scope) };
    }
    items.push(...page.items);
    if (page.items.length) lastSegment = segment;
    if (page.next) {
      startKey = page.next;
      if (queries >= MAX_QUERIES && items.length < q.limit) return { items, next: await ports().cursors.sign(page.next, scope) };
    } else {
      i++;
      startKey = undefined;
    }
  }
  if (items.length < q.limit || i >= segments.length) return { items, next: null };
  // Full page: go on from where this page stopped (inside a segment, or at the end of the last one read).
  const key = startKey ?? ports().evaluations.indexKey(lastSegment!, items[items.length - 1]!);
  return { items, next: await ports().cursors.sign(key, scope) };
}
