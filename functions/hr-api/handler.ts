/** HR API: cycles, evaluation lists, the cycle summary, the organisation predikat, calibration, roster, export, report. */

import { evaluationsOfCycle, evaluationsOfRater, listUnits } from '../../shared/adapters/dynamodb/repository';
import { csvHeadersFor, evaluationsCsv, renderCycleReport, reportHtmlResponse } from '../../shared/adapters/render/report';
import { requireHrRole, tokenAgency } from '../../shared/application/authz';
import { resolveCalibrationFlag } from '../../shared/application/evaluation/actions';
import { cycleSummary } from '../../shared/application/queries/cycle-summary';
import { listEvaluations } from '../../shared/application/queries/evaluation-list';
import { analyseCycle } from '../../shared/application/rater-bias/rater-bias';
import { handoverRater, joinEmployee, transferEmployee } from '../../shared/application/roster/roster-changes';
import { importRoster } from '../../shared/application/roster/roster-import';
import { unitIkm } from '../../shared/application/skm/use-cases';
import { resumeCycle } from '../../shared/application/stages/resume';
import { startCycle } from '../../shared/application/stages/stages';
import { writeRoster } from '../../shared/composition';
import { periodOf } from '../../shared/domain/skm/calendar';
import { CyclePath, EvaluationPath, UnitIdParam } from '../../shared/http/contract/common';
import {
  CalibrationResolutionBody,
  CreateCycleBody,
  EvaluationListQuery,
  ExportQuery,
  HandoverBody,
  JoinBody,
  OrgPredikatBody,
  ReportQuery,
  TransferBody,
} from '../../shared/http/contract/hr';
import { HttpProblem, unavailable } from '../../shared/http/problem';
import { type HttpRequest, httpApi } from '../../shared/http/router';
import { consoleRoutes } from './console';
import { raterBiasRoutes } from './rater-bias';
import { rosterRoutes } from './roster';
import { checkPolicy, hrCycle, setOrgPredikat } from './rules';

/** Kept so existing imports resolve: the schemas live in the contract (shared/http/contract/hr.ts). */
export { CreateCycleBody, HandoverBody, JoinBody, TransferBody };

const cycleIdOf = (req: HttpRequest) => CyclePath.parse(req.params).cycleId;
/** The agency of every HR action: the token's claim alone (the router refuses a token without one). */
const agencyOf = (req: HttpRequest) => tokenAgency(req.caller);
/** Authorization before any other check: the HR role is required before the path, body or stage is read. */
const hrOnly = (req: HttpRequest) => {
  requireHrRole(req.caller);
  return req;
};

export const handler = httpApi({
  ...raterBiasRoutes,
  ...consoleRoutes,
  // --- HR console (roster) ---
  ...rosterRoutes,
  'POST /v1/cycles': async (req) => {
    requireHrRole(req.caller);
    const body = req.body(CreateCycleBody);
    checkPolicy(body.policyId);
    const result = await startCycle({
      agencyId: agencyOf(req),
      year: body.year,
      policyId: body.policyId,
      orgPredikat: body.orgPredikat,
      ...(body.periodicEvaluation ? { periodicEvaluation: body.periodicEvaluation } : {}),
    });
    return { status: result.created ? 201 : 200, body: result };
  },
  'GET /v1/cycles/{cycleId}': async (req) => {
    const cycle = await hrCycle(req.caller, cycleIdOf(hrOnly(req)));
    return { body: await cycleSummary(cycle.cycleId) };
  },
  'POST /v1/cycles/{cycleId}/resume': async (req) => {
    const cycle = await hrCycle(req.caller, cycleIdOf(hrOnly(req)));
    return { body: await resumeCycle(cycle.cycleId) };
  },
  'PUT /v1/cycles/{cycleId}/organisation-predikat': async (req) => {
    const cycle = await hrCycle(req.caller, cycleIdOf(hrOnly(req)));
    return { body: await setOrgPredikat(cycle, req.body(OrgPredikatBody).orgPredikat) };
  },
  'GET /v1/cycles/{cycleId}/evaluations': async (req) => {
    const cycleId = cycleIdOf(req);
    const q = EvaluationListQuery.parse(req.query);
    // Who may list (to move to authz.ts): HR of the agency lists any unit; anyone else lists their own team.
    if (!req.caller.roles.includes('hr')) return { body: { items: await evaluationsOfRater(cycleId, req.caller.nip), next: null } };
    return { body: await listEvaluations(await hrCycle(req.caller, cycleId), q) };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/transfer': async (req) => {
    hrOnly(req);
    const { cycleId, nip } = EvaluationPath.parse(req.params);
    return { body: await transferEmployee(cycleId, nip, req.body(TransferBody), req.caller, req.requestId) };
  },
  'POST /v1/cycles/{cycleId}/raters/{nip}/handover': async (req) => {
    hrOnly(req);
    const { cycleId, nip } = EvaluationPath.parse(req.params);
    const body = req.body(HandoverBody);
    return { body: await handoverRater(cycleId, nip, body.toNip, body.reason, req.caller, req.requestId) };
  },
  'POST /v1/cycles/{cycleId}/members': async (req) => ({ status: 201, body: await joinEmployee(cycleIdOf(hrOnly(req)), req.body(JoinBody), req.caller) }),
  'GET /v1/cycles/{cycleId}/export.csv': async (req) => {
    const cycle = await hrCycle(req.caller, cycleIdOf(hrOnly(req)));
    const { lang } = ExportQuery.parse(req.query);
    const units = new Map((await listUnits(cycle.agencyId)).map((u) => [u.unitId, u.name]));
    return { raw: evaluationsCsv(await evaluationsOfCycle(cycle), units, lang ?? 'id'), headers: csvHeadersFor(cycle.cycleId) };
  },
  'GET /v1/cycles/{cycleId}/report': async (req) => {
    const cycle = await hrCycle(req.caller, cycleIdOf(hrOnly(req)));
    const { lang, period } = ReportQuery.parse(req.query);
    const [summary, rows] = await Promise.all([cycleSummary(cycle.cycleId), evaluationsOfCycle(cycle)]);
    // The same rows as the CSV export: every count of the report comes from them (report = CSV).
    // IKM of the month asked for (default: this month, Asia/Jakarta); units without answers are left out.
    const month = period ?? periodOf(new Date());
    const ikm = (await Promise.all(summary.units.map((u) => unitIkm(cycle.agencyId, u.unitId, month).catch(() => undefined)))).filter((x) => x !== undefined);
    const raterBias = await analyseCycle(cycle);
    const page = reportHtmlResponse(renderCycleReport(summary as never, { locale: lang ?? 'id', generatedAt: new Date(), ikm, rows, raterBias }));
    return { raw: page.body, headers: page.headers };
  },
  'POST /v1/roster/import': async (req) => {
    requireHrRole(req.caller);
    // Every row is checked first: a file with any bad row changes nothing, and every bad row is reported.
    // Then batched, idempotent writes within a time budget; an unfinished import says so (same file again completes it).
    const out = await importRoster(req.text(), agencyOf(req), writeRoster);
    if (out.status === 'invalid') {
      throw new HttpProblem(
        422,
        'Unprocessable Content',
        `Data pegawai tidak diimpor: ${out.errors.length} baris bermasalah (lihat \`errors\`); tidak ada yang disimpan`,
        `The roster was not imported: ${out.errors.length} bad rows (see \`errors\`); nothing was stored`,
        out.errors.map((e) => ({ field: e.line ? `baris ${e.line}${e.field ? ` · ${e.field}` : ''}` : (e.field ?? '(body)'), id: e.id, en: e.en })),
        {},
        { imported: false, rows: out.errors },
      );
    }
    if (out.status === 'incomplete') throw unavailable(out.id, out.en, 5, { imported: false, written: out.written, total: out.total });
    return { body: { imported: true, units: out.units, employees: out.employees } };
  },
  'POST /v1/cycles/{cycleId}/calibration/{unitId}/resolution': async (req) => {
    const cycleId = cycleIdOf(hrOnly(req));
    const unitId = UnitIdParam.parse(req.params.unitId);
    return { body: await resolveCalibrationFlag(cycleId, unitId, req.body(CalibrationResolutionBody).reason, req.caller) };
  },
});
