import type { EvaluationStatus, Stage } from '../../domain/lifecycle/status';

/** The statuses in which an evaluation still waits on someone in a stage (for reminders and progress). */
export const WAITING_STATUSES: Partial<Record<Stage, EvaluationStatus[]>> = {
  PLANNING: ['SKP_DRAFT', 'SKP_RETURNED', 'SKP_SUBMITTED'],
  MIDYEAR: ['MONITORING'],
  FINAL_SCORING: ['AWAITING_RATING'],
  APPROVAL: ['AWAITING_APPROVAL', 'RETURNED_TO_RATER'],
  OBJECTION: ['OBJECTED'],
};

/**
 * The name of a stage's execution (deterministic: a retried hand-off cannot start a second one);
 * `attempt` > 0 names a stage run again by resumeCycle.
 */
export function executionName(cycleId: string, stage: Stage, attempt = 0): string {
  return attempt === 0 ? `${cycleId}-${stage}` : `${cycleId}-${stage}-r${attempt}`;
}
