/**
 * HR reads the roster (the console picks people by name, not by typed NIP): the agency's employees in
 * NIP order (access pattern #2, `#37` in keys.ts), a page of `limit` entries read and filtered by name or NIP
 * and unit; and the agency's units (#3). The agency is the token's; nothing is written.
 */
import type { EmployeeRecord, UnitRecord } from '../../domain/records';
import { requireHrRole, tokenAgency } from '../authz';
import { ports } from '../context';
import type { Caller } from '../ports';

export interface RosterPerson {
  nip: string;
  name: string;
  jabatan: string;
  unitId: string;
  raterNip?: string;
  isUnitHead: boolean;
  external?: boolean;
  email?: string;
}

const personOf = (e: EmployeeRecord): RosterPerson => ({
  nip: e.nip,
  name: e.name,
  jabatan: e.jabatan,
  unitId: e.unitId,
  ...(e.raterNip ? { raterNip: e.raterNip } : {}),
  isUnitHead: Boolean(e.isUnitHead),
  ...(e.external ? { external: true } : {}),
  ...(e.email ? { email: e.email } : {}),
});

/** "siti ais" matches "Siti Aisyah, S.Sos." and a NIP containing the digits typed. */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export async function rosterPeople(
  caller: Caller,
  q: { q?: string; unitId?: string; limit: number; cursor?: string },
): Promise<{ items: RosterPerson[]; next: string | null }> {
  requireHrRole(caller);
  const agencyId = tokenAgency(caller);
  // Bound to the agency and the filters: a cursor of another query is refused (400).
  const scope = `roster\n${agencyId}\n${q.q ?? ''}\n${q.unitId ?? ''}`;
  const start = await ports().cursors.verify(q.cursor, scope);
  const page = await ports().roster.employeesPage(agencyId, start, q.limit);
  const words = q.q ? fold(q.q).split(/\s+/).filter(Boolean) : [];
  const items = page.items
    .filter((e) => !q.unitId || e.unitId === q.unitId)
    .filter((e) => words.every((w) => fold(e.name).includes(w) || e.nip.includes(w)))
    .map(personOf);
  return { items, next: await ports().cursors.sign(page.next, scope) };
}

export async function rosterUnits(caller: Caller): Promise<{ items: UnitRecord[] }> {
  requireHrRole(caller);
  const units = await ports().roster.listUnits(tokenAgency(caller));
  return {
    items: units
      .map((u) => ({
        unitId: u.unitId,
        name: u.name,
        ...(u.parentUnitId ? { parentUnitId: u.parentUnitId } : {}),
        ...(u.headNip ? { headNip: u.headNip } : {}),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'id')),
  };
}
