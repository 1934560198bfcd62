/**
 * The cycle's use of the domain engine: scoring one evaluation, calibrating the cycle against the
 * distribution curve, and the follow-up when results are final. No rule is implemented here — only
 * the mapping from stored records to the engine's inputs.
 */
import * as domain from '../../domain';
import type { BehaviourFeedback } from '../../domain/behaviour';
import type { EmployeeEvaluation } from '../../domain/evaluate';
import { type CycleRecord, countsOf, type EvaluationRecord, type RaterRatingInput } from '../../domain/records';
import type { Skp } from '../../domain/skp';
import { ports } from '../context';
import type { EvaluationChange } from '../ports';
import { chunk, mapLimit, uniqueByNip } from '../util';

export type { RaterRatingInput } from '../../domain/records';

export function feedbackList(e: EvaluationRecord): BehaviourFeedback[] {
  return Object.values(e.feedback ?? {}).flat();
}

/** Scores one evaluation with the engine, under the cycle's policy. Throws DomainError on bad input. */
export function scoreEvaluation(
  cycle: CycleRecord,
  e: EvaluationRecord,
  rating: RaterRatingInput,
  citizenEvidence: domain.CitizenEvidence[] = [],
): EmployeeEvaluation {
  return domain.evaluateEmployee(
    {
      nip: e.nip,
      isUnitHead: e.isUnitHead,
      skp: e.skp as Skp,
      realisations: e.realisations ?? [],
      raterRhkRatings: rating.rhkRatings,
      behaviourFeedback: feedbackList(e),
      // Moderated citizen comments naming the employee: evidence for Berorientasi Pelayanan.
      ...(citizenEvidence.length ? { citizenEvidence } : {}),
      raterBehaviourRating: rating.behaviourRating,
      organisationResult: e.isUnitHead ? ((cycle.orgResult ?? cycle.orgPredikat) as domain.OrgPredikat | undefined) : undefined,
    },
    domain.getPolicy(cycle.policyId),
  );
}

/**
 * Checks each unit, and the organisation, against the curve of the organisation's predikat, from the
 * per-unit counters (one read per unit, not per employee). Each unit's result is its own item; units
 * with violations are flagged for HR to resolve with a reason; no predikat is changed.
 */
export async function calibrateCycle(cycle: CycleRecord, at: string): Promise<void> {
  if (cycle.calibration) return;
  const policy = domain.getPolicy(cycle.policyId);
  const orgPredikat = (cycle.orgPredikat ?? 'BAIK') as domain.OrgPredikat;
  const units = (await ports().evaluations.unitStatsOf(cycle.cycleId))
    .map((stats) => ({ unitId: stats.unitId, predikats: domain.predikatsFromCounts(countsOf(stats, 'predikat')) }))
    .filter((u) => u.predikats.length > 0);
  const report = domain.checkDistribution(units, orgPredikat, policy);
  const violationsOf = new Map<string, domain.DistributionViolation[]>();
  for (const v of report.violations) violationsOf.set(v.unitId, [...(violationsOf.get(v.unitId) ?? []), v]);
  const scopes = [...report.units, report.organisation];
  // Each result is written once (conditionally), before the marker: a retried step rewrites none,
  // and an HR resolution already recorded on one is kept.
  await mapLimit(scopes, 8, (d) => {
    const violations = violationsOf.get(d.unitId) ?? [];
    return ports().evaluations.putCalibrationOnce({
      cycleId: cycle.cycleId,
      unitId: d.unitId,
      at,
      distribution: d,
      violations,
      flagged: violations.length > 0,
      resolved: false,
    });
  });
  const flagCount = [...violationsOf.keys()].length;
  // 'conflict': a retried step finds the marker already set.
  await ports().transact([
    ports().cycles.calibrationMarkerOp(cycle.cycleId, { at, orgPredikat, policyId: report.policyId, flagCount }),
    ...(flagCount ? [ports().stages.counterOp(cycle.cycleId, 'CALIBRATION', { total: flagCount })] : []),
  ]);
}

/** Results issued (and any objection decided) wait for follow-up to become final. */
const awaitsFinalisation = (e: EvaluationRecord) => e.status === 'RESULT_ISSUED' || e.status === 'OBJECTION_DECIDED';

/** Results become final: follow-up and training recorded, the evaluation locked. The change that makes one evaluation's result final (undefined if it is not waiting to be finalised). */
export async function finaliseChange(
  cycle: CycleRecord,
  e: EvaluationRecord,
  at: string,
  employeeOf = (nip: string) => ports().roster.getEmployee(cycle.agencyId, nip),
): Promise<EvaluationChange | undefined> {
  if (!awaitsFinalisation(e)) return undefined;
  const score = e.score as EmployeeEvaluation | undefined;
  const employee = await employeeOf(e.nip);
  const followUp = score
    ? domain.followUpFor(
        { ...score, predikat: (e.predikat ?? score.predikat) as domain.Predikat },
        { competencies: employee?.competencies ?? [], jabatan: employee?.jabatan },
        domain.sampleTrainingCatalogue,
        domain.getPolicy(cycle.policyId),
      )
    : undefined;
  return {
    cycleId: cycle.cycleId,
    nip: e.nip,
    changeId: `${cycle.cycleId}:FOLLOW_UP:final:${e.nip}`,
    from: e.status,
    to: 'FINAL',
    set: { followUp },
    audit: { at, actor: { role: 'system' }, action: 'RESULT_FINAL', after: { status: 'FINAL', predikat: e.predikat, followUp } },
  };
}

/**
 * Finalises a page of evaluations a few per transaction (see changeEvaluationsTogether); a batch that
 * meets a changed evaluation is finalised one by one. Returns how many this call finalised.
 */
export async function finaliseEvaluations(
  cycle: CycleRecord,
  page: readonly EvaluationRecord[],
  at: string,
  batchSize: number,
  concurrency: number,
): Promise<number> {
  // The page's people in one batch read (their competencies pick the training), not one read each.
  const waiting = uniqueByNip(page).filter(awaitsFinalisation);
  const people = await ports().roster.getEmployees(
    cycle.agencyId,
    waiting.map((e) => e.nip),
  );
  const changes = (
    await mapLimit(waiting, concurrency, async (e) => {
      const change = await finaliseChange(cycle, e, at, async (nip) => people.get(nip));
      return change ? { change, current: e } : undefined;
    })
  ).filter((c): c is { change: EvaluationChange; current: EvaluationRecord } => c !== undefined);
  const done = await mapLimit(chunk(changes, batchSize), concurrency, async (batch) => {
    if ((await ports().evaluations.changeTogether(batch)) === 'applied') return batch.length;
    let n = 0;
    for (const { change, current } of batch) if ((await ports().evaluations.change(change, current)) === 'applied') n++;
    return n;
  });
  return done.reduce((a, b) => a + b, 0);
}
