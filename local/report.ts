/** The end-of-run report on the terminal: predikat per employee and unit, the distribution, IKM per unit. */
import { type Predikat, predikatLabel } from '../shared/domain';
import type { CycleOutcome } from './run-cycle';
import type { SampleAgency } from './sample/schema';

const ORDER: Predikat[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

export function printReport(outcome: CycleOutcome, sample: SampleAgency, out: (line: string) => void): void {
  const units = new Map(sample.units.map((u) => [u.unitId, u.name]));
  const employees = new Map(sample.employees.map((e) => [e.nip, e]));
  out('');
  out(`Hasil siklus ${outcome.cycleId}`);
  for (const unitId of [...new Set(outcome.evaluations.map((e) => e.unitId))].sort()) {
    out(`\n  ${units.get(unitId) ?? unitId}`);
    for (const e of outcome.evaluations.filter((x) => x.unitId === unitId)) {
      const label = e.predikat ? predikatLabel[e.predikat as Predikat].id : '—';
      out(`    ${e.nip}  ${e.name.padEnd(32).slice(0, 32)}  ${(employees.get(e.nip)?.jabatan ?? '').padEnd(40).slice(0, 40)}  ${label}`);
    }
  }
  out('\n  Sebaran predikat');
  const total = outcome.evaluations.length || 1;
  for (const p of ORDER) {
    const n = outcome.evaluations.filter((e) => e.predikat === p).length;
    out(`    ${predikatLabel[p].id.padEnd(22)} ${String(n).padStart(3)}  ${'█'.repeat(Math.round((n / total) * 40))} ${((n / total) * 100).toFixed(0)}%`);
  }
  out('\n  Indeks Kepuasan Masyarakat (SKM) per unit layanan');
  for (const ikm of outcome.ikm) {
    out(`    ${(units.get(ikm.unitId) ?? ikm.unitId).padEnd(36)} IKM ${ikm.ikm.toFixed(2)}  mutu ${ikm.mutu}  (${ikm.respondents} responden)`);
  }
  out('');
}
