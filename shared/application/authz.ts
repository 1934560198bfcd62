/**
 * Who may do what: every authorization rule of the use cases and handlers, in one place.
 */
import { ForbiddenError } from './errors';
import type { Caller } from './ports';

/** HR of this agency: the role alone is not enough when one deployment serves several agencies. */
export const isHrOf = (c: Caller, agencyId: string) => c.roles.includes('hr') && c.agencyId === agencyId;

/** The HR role, before anything about the request is looked up or revealed. */
export function requireHrRole(c: Caller): void {
  if (!c.roles.includes('hr')) throw new ForbiddenError('HR role required', 'Hanya untuk pengelola kinerja (HR)');
}

/** HR of the given agency. */
export function requireHrOf(c: Caller, agencyId: string): void {
  if (!isHrOf(c, agencyId)) throw new ForbiddenError('HR of this agency only', 'Hanya untuk pengelola kinerja (HR) instansi ini');
}
