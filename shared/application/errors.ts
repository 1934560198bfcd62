/** Business errors of the use cases; shared/http/problem.ts maps each to one HTTP status. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(message: string, readonly messageId: string) { super(message); }
}
/** The request is well-formed but not allowed now (wrong stage, wrong status): 409 Conflict. */
export class StateError extends Error {
  override name = 'StateError';
  constructor(message: string, readonly messageId: string) { super(message); }
}
/** Input is well-formed but breaks a rule (e.g. an override without its reason): 422. */
export class RuleError extends Error {
  override name = 'RuleError';
  constructor(message: string, readonly messageId: string, readonly field?: string) { super(message); }
}
