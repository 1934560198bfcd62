/**
 * The one module that owns statuses and their allowed transitions: of a cycle (its stages) and of an
 * employee's evaluation within it. Every state change in the system goes through `assertTransition`.
 */
import * as z from 'zod';

/** Stages of the annual cycle, in order (PermenPAN-RB 6/2022, Bab IV–VI). */
export const STAGES = ['PLANNING', 'MIDYEAR', 'FINAL_SCORING', 'CALIBRATION', 'APPROVAL', 'OBJECTION', 'FOLLOW_UP'] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

export const stageLabel: Record<Stage, { id: string; en: string }> = {
  PLANNING: { id: 'Perencanaan Kinerja (SKP)', en: 'Planning (SKP)' },
  MIDYEAR: { id: 'Pemantauan dan Evaluasi Tengah Tahun', en: 'Mid-year check' },
  FINAL_SCORING: { id: 'Evaluasi Kinerja Tahunan', en: 'Final scoring' },
  CALIBRATION: { id: 'Kalibrasi Kurva Distribusi', en: 'Calibration' },
  APPROVAL: { id: 'Persetujuan Atasan Pejabat Penilai', en: 'Approval' },
  OBJECTION: { id: 'Masa Keberatan', en: 'Objection window' },
  FOLLOW_UP: { id: 'Tindak Lanjut', en: 'Follow-up' },
};

export function nextStage(stage: Stage): Stage | undefined {
  return STAGES[STAGES.indexOf(stage) + 1];
}

export const CYCLE_STATUSES = ['ACTIVE', 'COMPLETED', 'FAILED'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const EVALUATION_STATUSES = [
  'SKP_DRAFT',
  'SKP_SUBMITTED',
  'SKP_RETURNED',
  'SKP_APPROVED',
  'MONITORING',
  'MIDYEAR_REVIEWED',
  'AWAITING_RATING',
  'RATED',
  'AWAITING_APPROVAL',
  'RETURNED_TO_RATER',
  'APPROVED',
  'RESULT_ISSUED',
  'OBJECTED',
  'OBJECTION_DECIDED',
  'FINAL',
  'WITHDRAWN',
] as const;
export const EvaluationStatusSchema = z.enum(EVALUATION_STATUSES);
export type EvaluationStatus = z.infer<typeof EvaluationStatusSchema>;

/** Allowed transitions. Anything not listed is refused with a 409. */
const TRANSITIONS: Record<EvaluationStatus, readonly EvaluationStatus[]> = {
  SKP_DRAFT: ['SKP_SUBMITTED', 'WITHDRAWN'],
  SKP_SUBMITTED: ['SKP_APPROVED', 'SKP_RETURNED', 'WITHDRAWN'],
  SKP_RETURNED: ['SKP_SUBMITTED', 'WITHDRAWN'],
  SKP_APPROVED: ['MONITORING', 'AWAITING_RATING', 'SKP_SUBMITTED', 'WITHDRAWN'],
  // A late joiner, or a mid-year check never given, goes straight to the final rating.
  MONITORING: ['MIDYEAR_REVIEWED', 'AWAITING_RATING', 'WITHDRAWN'],
  MIDYEAR_REVIEWED: ['AWAITING_RATING', 'WITHDRAWN'],
  AWAITING_RATING: ['RATED', 'WITHDRAWN'],
  RATED: ['RATED', 'AWAITING_APPROVAL', 'WITHDRAWN'],
  AWAITING_APPROVAL: ['APPROVED', 'RETURNED_TO_RATER', 'WITHDRAWN'],
  RETURNED_TO_RATER: ['AWAITING_APPROVAL', 'WITHDRAWN'],
  APPROVED: ['RESULT_ISSUED'],
  RESULT_ISSUED: ['OBJECTED', 'FINAL'],
  OBJECTED: ['OBJECTION_DECIDED'],
  OBJECTION_DECIDED: ['FINAL'],
  FINAL: [],
  WITHDRAWN: [],
};

export function canTransition(from: EvaluationStatus, to: EvaluationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export class TransitionError extends Error {
  override name = 'TransitionError';
  constructor(
    readonly from: EvaluationStatus,
    readonly to: EvaluationStatus,
  ) {
    super(`Status tidak dapat berubah dari ${from} ke ${to} / cannot move from ${from} to ${to}`);
  }
}
export function assertTransition(from: EvaluationStatus, to: EvaluationStatus): void {
  if (!canTransition(from, to)) throw new TransitionError(from, to);
}

/** The status an evaluation must reach for its stage's work to count as done. */
export const STAGE_DONE_STATUS: Partial<Record<Stage, EvaluationStatus>> = {
  PLANNING: 'SKP_APPROVED',
  MIDYEAR: 'MIDYEAR_REVIEWED',
  FINAL_SCORING: 'RATED',
  APPROVAL: 'APPROVED',
};

/**
 * Statuses an evaluation is moved to when a stage opens, from the statuses the previous stages leave.
 * Final scoring also takes those who joined after the mid-year check (SKP approved, or monitoring).
 */
export const STAGE_OPEN_TRANSITION: Partial<Record<Stage, { from: readonly EvaluationStatus[]; to: EvaluationStatus }>> = {
  MIDYEAR: { from: ['SKP_APPROVED'], to: 'MONITORING' },
  FINAL_SCORING: { from: ['MIDYEAR_REVIEWED', 'MONITORING', 'SKP_APPROVED'], to: 'AWAITING_RATING' },
  APPROVAL: { from: ['RATED'], to: 'AWAITING_APPROVAL' },
  OBJECTION: { from: ['APPROVED'], to: 'RESULT_ISSUED' },
};

export const DECISION_KINDS = ['SKP_APPROVAL', 'EVALUATION_APPROVAL', 'OBJECTION'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_STATUSES = ['PENDING', 'DECIDED', 'SUPERSEDED'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
