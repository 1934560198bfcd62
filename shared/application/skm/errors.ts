/** Business errors of the survey that have no counterpart in shared/application/errors (mapped in public-api.ts). */
export class SubmissionLimitError extends Error {
  override name = 'SubmissionLimitError';
  constructor(readonly limit: number, readonly retryAfterSeconds: number) {
    super(`At most ${limit} submissions per unit per day from one client`);
  }
}
