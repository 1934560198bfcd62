/** Kept so older imports of the store's errors resolve: both live in ./errors, the one error family. */
export { ConflictError, NotFoundError } from './errors';
