/**
 * What the use cases need from the world, as interfaces. Adapters (shared/adapters) implement them;
 * shared/composition.ts wires one implementation of each; tests pass fakes.
 */

/** Who is calling, from the verified token (JWT authorizer claims) or a signed link. */
export interface Caller {
  nip: string;
  roles: string[];
  agencyId?: string;
  name?: string;
}
