/**
 * The one family of business errors the use cases throw. Each carries an English message and the
 * Indonesian one users read (`messageId`); shared/http/problem.ts maps each class to one HTTP status.
 */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(
    message: string,
    readonly messageId: string,
  ) {
    super(message);
  }
}
/** The request is well-formed but not allowed now (wrong stage, wrong status): 409 Conflict. */
export class StateError extends Error {
  override name = 'StateError';
  constructor(
    message: string,
    readonly messageId: string,
  ) {
    super(message);
  }
}
/** Input is well-formed but breaks a rule (e.g. an override without its reason): 422. */
export class RuleError extends Error {
  override name = 'RuleError';
  constructor(
    message: string,
    readonly messageId: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    readonly what: string,
    readonly messageId = `${what} tidak ditemukan`,
  ) {
    super(`${what} not found`);
  }
}
/** A conditional write lost: someone else changed the item first, or the status does not allow this. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    message: string,
    readonly messageId: string = message,
  ) {
    super(message);
  }
}
/**
 * A conditional write that lost to a change made between its read and its write (not a stale version the
 * caller sent): the use case may run again on fresh state (evaluation/common.ts onFreshState). Still 409.
 */
export class ConcurrentChangeError extends ConflictError {
  override name = 'ConcurrentChangeError';
}
export class SubmissionLimitError extends Error {
  override name = 'SubmissionLimitError';
  constructor(
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`At most ${limit} submissions per unit per day from one client`);
  }
}
/** The caller's token lacks what every request needs (e.g. its agency claim): 401. */
export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError';
  readonly messageId = 'Token tidak ada atau tidak sah';
  constructor(message = 'Missing or invalid token') {
    super(message);
  }
}
