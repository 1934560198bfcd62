/**
 * A realistic finished cycle of the Asemrowo sample, built without a stack: every plan scored by the
 * domain engine (as the cycle scores it), follow-up recorded, units checked against the Baik curve,
 * flags resolved by HR with a reason, IKM from the sample's SKM answers. Shapes are those of
 * `cycleSummary()` and `EvaluationRecord`.
 */

import { DEFAULT_SAMPLE_FILE, loadSampleAgency, type SampleAgency } from '../../../local/sample/schema';
import type { EvaluationRecord } from '../../../shared/adapters/dynamodb/repository';
import type { CycleReportSummary, UnitIkm } from '../../../shared/adapters/render/report/page';
import type { BehaviourFeedback } from '../../../shared/domain/behaviour';
import { sampleTrainingCatalogue } from '../../../shared/domain/catalogue';
import { checkDistribution, type DistributionViolation } from '../../../shared/domain/distribution';
import { type EmployeeEvaluation, evaluateEmployee } from '../../../shared/domain/evaluate';
import { followUpFor } from '../../../shared/domain/followup';
import { STAGES } from '../../../shared/domain/lifecycle/status';
import { DEFAULT_POLICY_ID, getPolicy } from '../../../shared/domain/policies';
import type { Predikat } from '../../../shared/domain/ratings';
import { computeIkm } from '../../../shared/domain/skm/survey';

export const sample: SampleAgency = loadSampleAgency(DEFAULT_SAMPLE_FILE);
export const CYCLE_ID = `${sample.agencyId}-${sample.year}`;
const policy = getPolicy(DEFAULT_POLICY_ID);

function score(nip: string): EmployeeEvaluation {
  const employees = new Map(sample.employees.map((e) => [e.nip, e]));
  const e = employees.get(nip)!;
  const p = sample.plans.find((x) => x.nip === nip)!;
  const behaviourFeedback: BehaviourFeedback[] = p.feedback.map((f) => ({
    source: f.fromNip === e.raterNip ? 'rater' : employees.get(f.fromNip)?.raterNip === nip ? 'subordinate' : 'peer',
    value: f.value,
    rating: f.rating,
    fromNip: f.fromNip,
    ...(f.comment ? { comment: f.comment } : {}),
  }));
  return evaluateEmployee(
    {
      nip,
      isUnitHead: e.isUnitHead,
      skp: p.skp,
      realisations: p.final,
      behaviourFeedback,
      raterRhkRatings: p.raterOverride?.rhkRatings,
      raterBehaviourRating: p.raterOverride?.behaviourRating,
      organisationResult: e.isUnitHead ? 'BAIK' : undefined,
    },
    policy,
  );
}

/** Every plan of the sample as a FINAL evaluation record, with score, follow-up and the scripted objection. */
export function sampleEvaluations(): EvaluationRecord[] {
  const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
  const objection = sample.scenario.objection;
  return sample.plans.map((p, i) => {
    const e = byNip.get(p.nip)!;
    const s = score(p.nip);
    const followUp = followUpFor(s, { competencies: e.competencies, jabatan: e.jabatan }, sampleTrainingCatalogue, policy);
    const approverNip = e.raterNip ? byNip.get(e.raterNip)?.raterNip : undefined;
    return {
      cycleId: CYCLE_ID,
      nip: e.nip,
      name: e.name,
      jabatan: e.jabatan,
      unitId: e.unitId,
      ...(e.raterNip ? { raterNip: e.raterNip } : {}),
      ...(approverNip ? { approverNip } : {}),
      isUnitHead: e.isUnitHead,
      status: 'FINAL',
      version: 12,
      policyId: policy.id,
      score: s,
      predikat: s.predikat,
      followUp,
      ...(p.nip === objection.nip
        ? {
            objection: {
              reason: objection.reason,
              requestedPredikat: objection.requestedPredikat,
              filedAt: '2027-01-20T02:00:00.000Z',
              decision: 'REJECTED',
              decidedAt: '2027-01-25T03:30:00.000Z',
            },
          }
        : {}),
      updatedAt: new Date(Date.UTC(2027, 1, 10, 1, i)).toISOString(),
    } satisfies EvaluationRecord;
  });
}

export const unitNames = (): Map<string, string> => new Map(sample.units.map((u) => [u.unitId, u.name]));

/** The summary `cycleSummary()` would return at the end of the cycle, plus the IKM per unit. */
/**
 * The organisation's predikat the fixture calibrates against: Istimewa, so the sample (whose units are all
 * below the curve's minimum unit size) still has a flag for the report to show.
 */
const ORG_PREDIKAT = 'ISTIMEWA' as const;

export function sampleSummary(): { summary: CycleReportSummary; ikm: UnitIkm[]; evaluations: EvaluationRecord[] } {
  const evaluations = sampleEvaluations();
  const names = unitNames();
  const unitIds = [...new Set(evaluations.map((e) => e.unitId))].sort();
  const byUnit = new Map<string, EvaluationRecord[]>(unitIds.map((u) => [u, []]));
  for (const e of evaluations) byUnit.get(e.unitId)!.push(e);
  const units = unitIds.map((unitId) => {
    const list = byUnit.get(unitId)!;
    const distribution: Record<string, number> = {};
    const statuses: Record<string, number> = {};
    for (const e of list) {
      if (e.predikat) distribution[e.predikat] = (distribution[e.predikat] ?? 0) + 1;
      statuses[e.status] = (statuses[e.status] ?? 0) + 1;
    }
    return { unitId, name: names.get(unitId) ?? unitId, employees: list.length, distribution, statuses };
  });
  const report = checkDistribution(
    unitIds.map((unitId) => ({ unitId, predikats: byUnit.get(unitId)!.map((e) => e.predikat as Predikat) })),
    ORG_PREDIKAT,
    policy,
  );
  const byScope = new Map<string, DistributionViolation[]>();
  for (const v of report.violations) byScope.set(v.unitId, [...(byScope.get(v.unitId) ?? []), v]);
  const flags = [...byScope].map(([unitId, violations]) => ({
    unitId,
    violations,
    resolved: true,
    resolution: {
      reason:
        unitId === 'ORGANISASI'
          ? 'Predikat sesuai bukti kinerja organisasi; dibahas dalam rapat kalibrasi 12 Januari 2027.'
          : `Unit ${names.get(unitId) ?? unitId} kecil; predikat sesuai bukti kinerja, dibahas dengan kepala unit.`,
      by: '197702062002031010',
      at: '2027-01-12T04:00:00.000Z',
    },
  }));
  const n = evaluations.length;
  const stageTotals: Record<string, number> = { CALIBRATION: flags.length };
  const opened = ['2026-01-02', '2026-07-01', '2027-01-02', '2027-01-09', '2027-01-13', '2027-01-20', '2027-02-04'];
  const closed = ['2026-01-31', '2026-07-31', '2027-01-09', '2027-01-13', '2027-01-20', '2027-02-04', '2027-02-10'];
  const stages = STAGES.map((stage, i) => {
    const total = stageTotals[stage] ?? n;
    return { stage, total, done: total, openedAt: `${opened[i]}T01:00:00.000Z`, readyAt: `${opened[i]}T01:05:00.000Z`, closedAt: `${closed[i]}T10:00:00.000Z` };
  });
  const ikm = sample.skm.map((s) => {
    const r = computeIkm(s.responses, policy);
    return { unitId: s.unitId, ikm: r.ikm, mutu: r.mutu, respondents: r.respondents };
  });
  const summary: CycleReportSummary = {
    cycle: {
      cycleId: CYCLE_ID,
      agencyId: sample.agencyId,
      year: sample.year,
      policyId: policy.id,
      status: 'COMPLETED',
      stage: 'FOLLOW_UP',
      orgPredikat: 'BAIK',
      createdAt: '2026-01-01T17:00:00.000Z',
      calibration: { at: '2027-01-09T01:00:00.000Z', orgPredikat: ORG_PREDIKAT, report, flags },
    },
    stages,
    units,
    workflow: { name: `${CYCLE_ID}-FOLLOW_UP`, status: 'SUCCEEDED', error: null, cause: null },
  };
  return { summary, ikm, evaluations };
}
