/**
 * What people do in a cycle, as use cases: employees submit SKPs, progress and objections; raters
 * review and rate; peers give feedback; approvers decide (through email links); HR calibrates.
 * Each is: check who may act → check the state → apply with the domain engine → one conditional
 * transaction (change + audit + counters) → release the stage if it is complete.
 */
// Compat until every Lambda entry imports shared/composition itself: loading this module installs the real adapters.

export type { SelfAssessmentInput } from '../../domain/records';
export { isHrOf } from '../authz';
export { type DecideLoaded, type DecideResult, type DecisionOutcome, decide } from '../decisions/decide';
export type { Caller } from '../ports';
export { fileObjection } from './file-objection';
export { giveFeedback } from './give-feedback';
export { invitePeers, MAX_INVITATIONS } from './invite-peers';
export { rateEvaluation } from './rate-evaluation';
export { recordProgress } from './record-progress';
export { resolveCalibrationFlag } from './resolve-calibration';
export { reviewMidyear } from './review-midyear';
export { recordSelfAssessment } from './self-assessment';
export { submitSkp } from './submit-skp';
