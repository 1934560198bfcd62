/**
 * The people the local sign-in page lists: the agency's roster as stored (DynamoDB Local, read through
 * the same ports the handlers use), with what each may do — Pejabat Penilai of whom, HR — so a tester
 * picks "the rater of Bayu" without knowing NIPs.
 */
import type { LocalRole } from '../http/keys';
import type { LocalPerson } from './types';

/** The sample's HR (pengelola kinerja): the head of general affairs, as local/run-cycle.ts picks them. */
export const isDefaultHr = (e: { jabatan: string; isUnitHead: boolean }) => /Subbagian Umum/i.test(e.jabatan) && e.isUnitHead;

export async function rosterPeople(agencyId: string, hrNips?: readonly string[]): Promise<LocalPerson[]> {
  await import('../../shared/composition'); // installs the real ports (once) in this process
  const { ports } = await import('../../shared/application/context');
  const roster = ports().roster;
  const employees = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await roster.employeesPage(agencyId, cursor, 500);
    employees.push(...page.items);
    cursor = page.next;
  } while (cursor);
  const units = new Map((await roster.listUnits(agencyId)).map((u) => [u.unitId, u]));
  const order = [...units.keys()];
  const team = new Map<string, number>();
  for (const e of employees) if (e.raterNip) team.set(e.raterNip, (team.get(e.raterNip) ?? 0) + 1);
  const raters = new Set(employees.filter((e) => e.raterNip).map((e) => e.raterNip!));
  const approvers = new Set(employees.filter((e) => e.raterNip && raters.has(e.nip) && e.raterNip).map((e) => e.raterNip!));
  const hasHr = hrNips !== undefined;
  return employees
    .filter((e) => !e.external)
    .map((e) => {
      const hr = hasHr ? hrNips.includes(e.nip) : isDefaultHr(e);
      const roles: LocalRole[] = hr ? ['hr', 'employee'] : ['employee'];
      const labels = ['Pegawai'];
      if (team.has(e.nip)) labels.push(`Pejabat Penilai (${team.get(e.nip)} pegawai)`);
      if (approvers.has(e.nip)) labels.push('Atasan Pejabat Penilai');
      if (e.isUnitHead) labels.push('Kepala unit');
      if (hr) labels.push('HR (pengelola kinerja)');
      return {
        nip: e.nip,
        name: e.name,
        jabatan: e.jabatan,
        unitId: e.unitId,
        unitName: units.get(e.unitId)?.name ?? e.unitId,
        ...(e.email ? { email: e.email } : {}),
        roles,
        labels,
      };
    })
    .sort((a, b) => {
      const ua = order.indexOf(a.unitId);
      const ub = order.indexOf(b.unitId);
      return ua - ub || Number(b.labels.includes('Kepala unit')) - Number(a.labels.includes('Kepala unit')) || a.name.localeCompare(b.name, 'id');
    });
}
