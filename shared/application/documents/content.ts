/**
 * What each document shows, read from stored records only (the evaluation, its audit trail, the
 * roster, the calibration, the coaching plan) and built by the domain (shared/domain/documents.ts).
 */

import { ORGANISATION_SCOPE_ID } from '../../domain/distribution';
import {
  annualDocument,
  coachingDocument,
  type DocumentContent,
  type DocumentContext,
  type DocumentKind,
  penetapanDocument,
  periodIdsOf,
  periodicDocument,
  skpDocument,
} from '../../domain/documents';
import type { CycleRecord, EvaluationRecord } from '../../domain/records';
import type { Skp } from '../../domain/skp';
import { ports } from '../context';
import { coachingPlans, documentPorts } from './context';

export const EMPLOYEE_KINDS = ['SKP', 'EVALUASI_PERIODIK', 'EVALUASI_TAHUNAN', 'CATATAN_PEMBINAAN'] as const satisfies readonly DocumentKind[];
export type EmployeeDocumentKind = (typeof EMPLOYEE_KINDS)[number];

/** Names and places every document of a cycle shows; read once per call. */
export async function documentContext(cycle: CycleRecord, nips: Iterable<string>, place: string): Promise<DocumentContext> {
  const units = await ports().roster.listUnits(cycle.agencyId);
  const root = units.find((u) => !u.parentUnitId);
  const people = await ports().roster.getEmployees(cycle.agencyId, new Set(nips));
  return {
    agencyName: root?.name ?? cycle.agencyId,
    place,
    cycle,
    people,
    unitNames: new Map(units.map((u) => [u.unitId, u.name])),
  };
}

const peopleOf = (e: EvaluationRecord) => [e.nip, ...(e.raterNip ? [e.raterNip] : []), ...(e.approverNip ? [e.approverNip] : [])];

/** The RHK of the employee's rater (the superior's own SKP in the cycle) by id: what "RHK atasan yang diintervensi" prints. */
async function superiorRhkOf(cycleId: string, e: EvaluationRecord): Promise<Map<string, string>> {
  if (!e.raterNip || !(e.skp as Skp | undefined)?.rhk.some((r) => r.parentRhkId)) return new Map();
  const superior = await ports().evaluations.get(cycleId, e.raterNip, { consistent: false });
  return new Map(((superior?.skp as Skp | undefined)?.rhk ?? []).map((r) => [r.id, r.description]));
}

/**
 * One employee's document of `kind`, as it stands now (undefined when there is nothing to show yet).
 * A periodic evaluation is of `periodId` (S1, the mid-year check, under the semester policy; Q1–Q4 or
 * M01–M12 otherwise; by default the latest period the evaluation took part in).
 */
export async function employeeDocument(
  cycle: CycleRecord,
  e: EvaluationRecord,
  kind: EmployeeDocumentKind,
  place: string,
  ctx?: DocumentContext,
  periodId?: string,
): Promise<DocumentContent | undefined> {
  const context = ctx ?? (await documentContext(cycle, peopleOf(e), place));
  switch (kind) {
    case 'SKP':
      return skpDocument(e, await documentPorts().auditOf(cycle.cycleId, e.nip), context, await superiorRhkOf(cycle.cycleId, e));
    case 'EVALUASI_PERIODIK': {
      const id = periodId ?? periodIdsOf(e, context).pop();
      return id ? periodicDocument(e, context, id) : undefined;
    }
    case 'EVALUASI_TAHUNAN':
      return annualDocument(e, await documentPorts().auditOf(cycle.cycleId, e.nip), context);
    case 'CATATAN_PEMBINAAN': {
      const plan = await coachingPlans().get(cycle.cycleId, e.nip);
      return plan ? coachingDocument(plan, context) : undefined;
    }
  }
}

async function allOfUnit(cycleId: string, unitId: string): Promise<EvaluationRecord[]> {
  const out: EvaluationRecord[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await ports().evaluations.ofUnitPage(cycleId, unitId, cursor, 100);
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}
async function allOfCycle(cycle: CycleRecord): Promise<EvaluationRecord[]> {
  const out: EvaluationRecord[] = [];
  let cursor: { u?: string; k?: Record<string, unknown> } | undefined = {};
  while (cursor) {
    const page: { items: EvaluationRecord[]; next?: { u?: string; k?: Record<string, unknown> } } = await ports().evaluations.ofCyclePage(cycle, cursor, 100);
    out.push(...page.items);
    cursor = page.next;
  }
  return out;
}

/** Penetapan Predikat of one unit, or of the organisation when `unitId` is undefined. */
export async function penetapanContent(cycle: CycleRecord, unitId: string | undefined, place: string): Promise<DocumentContent> {
  const evaluations = unitId ? await allOfUnit(cycle.cycleId, unitId) : await allOfCycle(cycle);
  const calibration = await ports().evaluations.getCalibration(cycle.cycleId, unitId ?? ORGANISATION_SCOPE_ID);
  const ctx = await documentContext(cycle, [], place);
  const closed = (await ports().stages.get(cycle.cycleId, 'FOLLOW_UP'))?.closedAt;
  const approval = closed ? { role: 'Sistem — tahap Tindak Lanjut ditutup, hasil final', name: 'asn-kinerja', at: closed } : undefined;
  return penetapanDocument(unitId ? { kind: 'unit', unitId } : { kind: 'organisation' }, evaluations, calibration, approval, ctx);
}
