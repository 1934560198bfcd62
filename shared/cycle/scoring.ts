/**
 * The cycle's use of the domain engine: scoring one evaluation, calibrating the cycle against the
 * distribution curve, and the follow-up when results are final. No rule is implemented here — only
 * the mapping from stored records to the engine's inputs.
 */
import * as domain from '../domain';
import type { BehaviourFeedback } from '../domain/behaviour';
import type { EmployeeEvaluation, Realisation } from '../domain/evaluate';
import type { Skp } from '../domain/skp';
import {
  changeEvaluation, evaluationsOfCycle, getEmployee, setCycleFields, stageUpdate, queryAll,
  type CycleRecord, type EvaluationRecord,
} from '../store/repository';
import { keys } from '../store/keys';
import { mapLimit } from './util';

export interface RaterRatingInput {
  rhkRatings?: { rhkId: string; rating: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH'; reason?: string }[];
  behaviourRating?: { rating: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH'; reason?: string };
}

export function feedbackList(e: EvaluationRecord): BehaviourFeedback[] {
  const byAuthor = (e.feedback ?? {}) as unknown as Record<string, BehaviourFeedback[]>;
  return Object.values(byAuthor).flat();
}

/** Scores one evaluation with the engine, under the cycle's policy. Throws DomainError on bad input. */
export function scoreEvaluation(cycle: CycleRecord, e: EvaluationRecord, rating: RaterRatingInput, citizenEvidence: domain.CitizenEvidence[] = []): EmployeeEvaluation {
  return domain.evaluateEmployee({
    nip: e.nip,
    isUnitHead: e.isUnitHead,
    skp: e.skp as Skp,
    realisations: (e.realisations as Realisation[] | undefined) ?? [],
    raterRhkRatings: rating.rhkRatings,
    behaviourFeedback: feedbackList(e),
    // Moderated citizen comments naming the employee: evidence for Berorientasi Pelayanan.
    ...(citizenEvidence.length ? { citizenEvidence } : {}),
    raterBehaviourRating: rating.behaviourRating,
    organisationResult: e.isUnitHead ? ((cycle.orgResult ?? cycle.orgPredikat) as domain.OrgPredikat | undefined) : undefined,
  }, domain.getPolicy(cycle.policyId));
}

/**
 * Checks each unit, and the organisation, against the curve of the organisation's predikat. Flags are
 * stored on the cycle for HR to resolve with a reason; no predikat is changed.
 */
export async function calibrateCycle(cycle: CycleRecord, at: string): Promise<void> {
  if ((cycle as CycleRecord & { calibration?: unknown }).calibration) return;
  // (Checked again, atomically, by the write below.)
  const evaluations = (await evaluationsOfCycle(cycle)).filter((e) => e.predikat);
  const byUnit = new Map<string, domain.Predikat[]>();
  for (const e of evaluations) byUnit.set(e.unitId, [...(byUnit.get(e.unitId) ?? []), e.predikat as domain.Predikat]);
  const orgPredikat = (cycle.orgPredikat ?? 'BAIK') as domain.OrgPredikat;
  const report = domain.checkDistribution(
    [...byUnit].map(([unitId, predikats]) => ({ unitId, predikats })),
    orgPredikat,
    domain.getPolicy(cycle.policyId),
  );
  // One flag per unit with violations (the organisation-wide check is flagged as its own 'unit').
  const byScope = new Map<string, domain.DistributionViolation[]>();
  for (const v of report.violations) byScope.set(v.unitId, [...(byScope.get(v.unitId) ?? []), v]);
  const flagged = [...byScope].map(([unitId, violations]) => ({ unitId, violations, resolved: false }));
  // The flags and the stage's count of them are written together, once: a retried step changes nothing.
  const { ddb } = await import('../aws/clients');
  const { TransactWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const { config } = await import('../config');
  const { isConditionalFailure } = await import('../store/repository');
  try {
    await ddb.send(new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: config().TABLE_NAME,
            Key: keys.cycle(cycle.cycleId),
            UpdateExpression: 'SET calibration = :c',
            ConditionExpression: 'attribute_not_exists(calibration)',
            ExpressionAttributeValues: { ':c': { at, orgPredikat, report, flags: flagged } },
          },
        },
        ...(flagged.length ? [stageUpdate(cycle.cycleId, 'CALIBRATION', { total: flagged.length })] : []),
      ],
    }));
  } catch (err) {
    if (!isConditionalFailure(err)) throw err;
  }
}

/** Results become final: follow-up and training recorded, the evaluation locked. */
export async function finaliseEvaluation(cycle: CycleRecord, e: EvaluationRecord, at: string): Promise<boolean> {
  if (e.status !== 'RESULT_ISSUED' && e.status !== 'OBJECTION_DECIDED') return false;
  const score = e.score as EmployeeEvaluation | undefined;
  const employee = await getEmployee(cycle.agencyId, e.nip);
  const followUp = score
    ? domain.followUpFor(
        { ...score, predikat: (e.predikat ?? score.predikat) as domain.Predikat },
        { competencies: employee?.competencies ?? [], jabatan: employee?.jabatan },
        domain.sampleTrainingCatalogue,
        domain.getPolicy(cycle.policyId),
      )
    : undefined;
  const outcome = await changeEvaluation({
    cycleId: cycle.cycleId, nip: e.nip, changeId: `${cycle.cycleId}:FOLLOW_UP:final:${e.nip}`,
    from: e.status, to: 'FINAL', set: { followUp },
    audit: { at, actor: { role: 'system' }, action: 'RESULT_FINAL', after: { status: 'FINAL', predikat: e.predikat, followUp } },
  }, e);
  return outcome === 'applied';
}

export { mapLimit, queryAll, keys };
