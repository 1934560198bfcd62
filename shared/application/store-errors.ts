/** Typed business errors; the HTTP layer maps each to one status code in one place (shared/http/problem.ts). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(readonly what: string, readonly messageId = `${what} tidak ditemukan`) {
    super(`${what} not found`);
  }
}
/** A conditional write lost: someone else changed the item first, or the status does not allow this. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(message: string, readonly messageId: string = message) {
    super(message);
  }
}
