/** The citizen satisfaction survey (SKM, PermenPAN-RB 14/2017): use cases, schemas and policy. */
// Compat until every Lambda entry imports shared/composition itself: loading this module installs the real adapters.

export { CITIZEN_EVIDENCE_POLICY, type CitizenEvidencePolicy, citizenRating } from '../../domain/skm/citizen-evidence';
export { ikmFromTotals, representativeAnswers, type SkmTotals, totalsOf } from '../../domain/skm/ikm';
export { DEFAULT_DAILY_LIMIT, dailyLimit, MAX_SUBMISSION_BYTES } from '../../domain/skm/limits';
export * from '../../domain/skm/submission';
export { SubmissionLimitError } from './errors';
export type { CommentView, ModerationResult, Receipt, SubmitInput, UnitIkm } from './use-cases';
export { approvedCitizenEvidence, commentView, listComments, moderateComment, submitSurvey, unitIkm } from './use-cases';
