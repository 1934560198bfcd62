/** Kept so existing imports resolve; the errors live in ../errors. */
export { SubmissionLimitError } from '../errors';
