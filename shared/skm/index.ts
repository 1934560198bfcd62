/** The citizen satisfaction survey (SKM, PermenPAN-RB 14/2017): use cases, schemas and policy. */
export { approvedCitizenEvidence, commentView, listComments, moderateComment, submitSurvey, unitIkm } from './use-cases';
export type { CommentView, ModerationResult, Receipt, SubmitInput, UnitIkm } from './use-cases';
export { CITIZEN_EVIDENCE_POLICY, citizenRating, type CitizenEvidencePolicy } from './policy';
export { ikmFromTotals, representativeAnswers, totalsOf, type SkmTotals } from './ikm';
export * from './schemas';
export { publicJsonApi, safeJson, type PublicRequest, type PublicRouteHandler } from './public-api';
export { SubmissionLimitError } from './errors';
export { DEFAULT_DAILY_LIMIT, MAX_SUBMISSION_BYTES, dailyLimit } from './settings';
