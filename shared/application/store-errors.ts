/** Kept so existing imports resolve; the errors live in ./errors. */
export { ConflictError, NotFoundError } from './errors';
