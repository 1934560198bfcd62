/** HR resolves a unit’s calibration flag with a reason. */
import * as domain from '../../domain';
import type { BehaviourFeedback } from '../../domain/behaviour';
import type { Realisation } from '../../domain/evaluate';
import type { EvaluationStatus } from '../../domain/lifecycle/status';
import type { Actor, CycleRecord, DecisionRecord, EvaluationFields, EvaluationRecord, SelfAssessmentInput } from '../../domain/records';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, StateError } from '../errors';
import { ports } from '../context';
import type { Caller } from '../ports';
import { isDirectDecider, requireDecider, requireFeedbackAuthor, requireHrActingOn, requireRater, requireSelf, requireSelfOrHr } from '../authz';
import { scoreEvaluation, type RaterRatingInput } from '../evaluation/scoring';
import { approvedCitizenEvidence } from '../skm/use-cases';
import { activeDelegateOf } from '../delegation/delegation';
import { releaseStageIfComplete } from '../stages/release';
import { actorOf, load, now, replayOf, requireBeforeDeadline, requireStage, requireStatus } from '../evaluation/common';

export async function resolveCalibrationFlag(cycleId: string, unitId: string, reason: string, caller: Caller) {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  requireHrActingOn(caller, cycle.agencyId, undefined, { en: 'Only HR of this agency resolves calibration flags', id: 'Hanya HR instansi ini yang dapat menyelesaikan catatan kalibrasi' });
  requireStage(cycle, 'CALIBRATION');
  const flag = await ports().evaluations.getCalibration(cycleId, unitId);
  if (!flag?.flagged) throw new NotFoundError(`calibration flag for unit ${unitId}`, `Tidak ada catatan kalibrasi untuk unit ${unitId}`);
  const at = now();
  const written = await ports().transact([
    ports().evaluations.resolveCalibrationOp(cycleId, unitId, { reason, by: caller.nip, at }),
    ports().stages.counterOp(cycleId, 'CALIBRATION', { done: 1 }),
  ]);
  if (written === 'conflict') return { resolved: true, already: true };
  await releaseStageIfComplete(cycleId, 'CALIBRATION', cycle);
  return { resolved: true, already: false };
}
