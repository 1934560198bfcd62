/** The citizen satisfaction survey (SKM, PermenPAN-RB 14/2017): use cases, schemas and policy. */
// Compat until every Lambda entry imports shared/composition itself: loading this module installs the real adapters.
export { approvedCitizenEvidence, commentView, listComments, moderateComment, submitSurvey, unitIkm } from './use-cases';
export type { CommentView, ModerationResult, Receipt, SubmitInput, UnitIkm } from './use-cases';
export { CITIZEN_EVIDENCE_POLICY, citizenRating, type CitizenEvidencePolicy } from '../../domain/skm/citizen-evidence';
export { ikmFromTotals, representativeAnswers, totalsOf, type SkmTotals } from '../../domain/skm/ikm';
export * from '../../domain/skm/submission';
export { SubmissionLimitError } from './errors';
export { DEFAULT_DAILY_LIMIT, MAX_SUBMISSION_BYTES, dailyLimit } from '../../domain/skm/limits';
