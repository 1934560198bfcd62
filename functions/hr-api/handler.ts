/** HR API: cycles, evaluation lists, the cycle summary, the organisation predikat, calibration. */
import * as z from 'zod';
import { DEFAULT_POLICY_ID, getPolicy } from '../../shared/domain/policies';
import { OrgPredikatSchema } from '../../shared/domain/ratings';
import { isHrOf, resolveCalibrationFlag } from '../../shared/application/evaluation/actions';
import { ForbiddenError, StateError } from '../../shared/application/errors';
import { startCycle } from '../../shared/application/stages/stages';
import { resumeCycle } from '../../shared/application/stages/resume';
import { handoverRater, joinEmployee, transferEmployee } from '../../shared/application/roster/roster-changes';
import { NipParam } from '../../shared/http/api';
import { cycleSummary } from '../../shared/application/queries/cycle-summary';
import { STAGES } from '../../shared/domain/lifecycle/status';
import { badRequest } from '../../shared/http/problem';
import { CycleIdParam, jsonApi, type ApiRequest } from '../../shared/http/api';

import { evaluationsOfCycle, evaluationsOfRater, getCycle, listUnits, putEmployee, putUnit, setCycleFields } from '../../shared/adapters/dynamodb/repository';
import { csvHeadersFor, evaluationsCsv, parseRosterCsv, renderCycleReport, reportHtmlResponse } from '../../shared/adapters/render/report';
import { unitIkm } from '../../shared/application/skm';
import { periodOf } from '../../shared/domain/skm/calendar';
import { NotFoundError } from '../../shared/application/store-errors';
import { config } from '../../shared/config';
import { EvaluationListQuery, listEvaluations } from '../../shared/application/queries/evaluation-list';

/** Every evaluation of a cycle, unit by unit (GSI1 queries, paged). */
async function allEvaluationsOfCycle(cycleId: string) {
  const cycle = await getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  const units = new Map((await listUnits(cycle.agencyId)).map((u) => [u.unitId, u.name]));
  return { evaluations: await evaluationsOfCycle(cycle), units };
}

function requireHr(req: ApiRequest) {
  if (!req.caller.roles.includes('hr')) throw new ForbiddenError('HR role required', 'Hanya untuk pengelola kinerja (HR)');
}

/** HR of the cycle's own agency (one deployment may serve several agencies). */
async function requireHrOfCycle(req: ApiRequest, cycleId: string) {
  requireHr(req);
  const cycle = await getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  if (!isHrOf(req.caller, cycle.agencyId)) throw new ForbiddenError('This cycle belongs to another agency', 'Siklus ini milik instansi lain');
  return cycle;
}

export const CreateCycleBody = z.object({
  year: z.number().int().min(2022).max(2100),
  policyId: z.string().default(DEFAULT_POLICY_ID),
  orgPredikat: OrgPredikatSchema.optional(),
});
const Reason = z.string().trim().min(1).max(2000);
export const TransferBody = z.object({ unitId: z.string().min(1).max(64).optional(), raterNip: NipParam, reason: Reason });
export const HandoverBody = z.object({ toNip: NipParam, reason: Reason });
export const JoinBody = z.object({
  nip: NipParam, name: z.string().trim().min(1).max(200), jabatan: z.string().trim().min(1).max(200), unitId: z.string().min(1).max(64),
  raterNip: NipParam, email: z.email(), locale: z.enum(['id', 'en']).optional(), competencies: z.array(z.string().max(64)).max(30).optional(),
  jenis: z.enum(['PNS', 'PPPK']).optional(), isUnitHead: z.boolean().optional(),
});


export const handler = jsonApi({
  'POST /v1/cycles': async (req) => {
    requireHr(req);
    const body = req.body(CreateCycleBody);
    try { getPolicy(body.policyId); } catch { throw badRequest(`Kebijakan ${body.policyId} tidak dikenal`, `Unknown policy ${body.policyId}`); }
    const agencyId = req.caller.agencyId ?? config().AGENCY_ID;
    const result = await startCycle({ agencyId, year: body.year, policyId: body.policyId, orgPredikat: body.orgPredikat });
    return { status: result.created ? 201 : 200, body: result };
  },
  'GET /v1/cycles/{cycleId}': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    await requireHrOfCycle(req, cycleId);
    return { body: await cycleSummary(cycleId) };
  },
  'POST /v1/cycles/{cycleId}/resume': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    await requireHrOfCycle(req, cycleId);
    return { body: await resumeCycle(cycleId) };
  },
  'PUT /v1/cycles/{cycleId}/organisation-predikat': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    await requireHrOfCycle(req, cycleId);
    const { orgPredikat } = req.body(z.object({ orgPredikat: OrgPredikatSchema }));
    const cycle = await getCycle(cycleId);
    if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
    if (STAGES.indexOf(cycle.stage) >= STAGES.indexOf('CALIBRATION')) {
      throw new StateError('The organisation predikat is fixed once calibration starts', 'Predikat organisasi tidak dapat diubah setelah kalibrasi dimulai');
    }
    await setCycleFields(cycleId, { orgPredikat });
    return { body: { cycleId, orgPredikat } };
  },
  'GET /v1/cycles/{cycleId}/evaluations': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    const q = EvaluationListQuery.parse(req.query);
    if (!req.caller.roles.includes('hr')) {
      // A rater lists their own team.
      const team = await evaluationsOfRater(cycleId, req.caller.nip);
      return { body: { items: team, next: null } };
    }
    const cycle = await requireHrOfCycle(req, cycleId);
    return { body: await listEvaluations(cycle, q) };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/transfer': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    const nip = NipParam.parse(req.params.nip);
    return { body: await transferEmployee(cycleId, nip, req.body(TransferBody), req.caller, req.requestId) };
  },
  'POST /v1/cycles/{cycleId}/raters/{nip}/handover': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    const nip = NipParam.parse(req.params.nip);
    const body = req.body(HandoverBody);
    return { body: await handoverRater(cycleId, nip, body.toNip, body.reason, req.caller, req.requestId) };
  },
  'POST /v1/cycles/{cycleId}/members': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    return { status: 201, body: await joinEmployee(cycleId, req.body(JoinBody), req.caller) };
  },
  'GET /v1/cycles/{cycleId}/export.csv': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    await requireHrOfCycle(req, cycleId);
    const { evaluations, units } = await allEvaluationsOfCycle(cycleId);
    const locale = req.query.lang === 'en' ? 'en' : 'id';
    return { raw: evaluationsCsv(evaluations, units, locale), headers: csvHeadersFor(cycleId) };
  },
  'GET /v1/cycles/{cycleId}/report': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    await requireHrOfCycle(req, cycleId);
    const summary = await cycleSummary(cycleId);
    // IKM of the month asked for (default: this month, Asia/Jakarta); units without answers are left out.
    const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().parse(req.query.period) ?? periodOf(new Date());
    const ikm = (await Promise.all(summary.units.map((u) => unitIkm(summary.cycle.agencyId, u.unitId, period).catch(() => undefined)))).filter((x) => x !== undefined);
    const html = renderCycleReport(summary as never, { locale: req.query.lang === 'en' ? 'en' : 'id', generatedAt: new Date(), ikm });
    const page = reportHtmlResponse(html);
    return { raw: page.body, headers: page.headers };
  },
  'POST /v1/roster/import': async (req) => {
    requireHr(req);
    const parsed = parseRosterCsv(req.text());
    // All or nothing: a file with any bad row changes nothing, and every bad row is reported.
    if (parsed.errors.length) return { status: 422, body: { imported: false, errors: parsed.errors } };
    const agencyId = req.caller.agencyId ?? config().AGENCY_ID;
    for (const u of parsed.units) await putUnit(agencyId, u);
    for (const e of parsed.employees) await putEmployee(agencyId, e);
    return { body: { imported: true, units: parsed.units.length, employees: parsed.employees.length } };
  },
  'POST /v1/cycles/{cycleId}/calibration/{unitId}/resolution': async (req) => {
    const cycleId = CycleIdParam.parse(req.params.cycleId);
    const unitId = z.string().min(1).max(64).parse(req.params.unitId);
    const { reason } = req.body(z.object({ reason: z.string().trim().min(1).max(2000) }));
    return { body: await resolveCalibrationFlag(cycleId, unitId, reason, req.caller) };
  },
});
