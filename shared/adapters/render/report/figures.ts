/**
 * One source of truth for the report page and the CSV export: both are computed from the same rows (the
 * cycle's evaluations), with the same reading of each row's predikat, status and follow-up.
 */
import type { Bilingual } from '../../../domain/text';

/** What the report and the CSV read of an evaluation (an EvaluationRecord fits). */
export interface FigureRow {
  nip: string;
  name: string;
  jabatan?: string;
  unitId: string;
  status: string;
  predikat?: unknown;
  score?: unknown;
  followUp?: unknown;
}

/** The predikat of a row, as the CSV prints it: the stored one, else the score's. */
export function rowPredikat(e: FigureRow): string | undefined {
  const stored = typeof e.predikat === 'string' ? e.predikat : undefined;
  const scored = (e.score as { predikat?: unknown } | undefined)?.predikat;
  return stored ?? (typeof scored === 'string' ? scored : undefined);
}

interface FollowUpShape {
  consequences?: { code?: string; label?: Bilingual; months?: number }[];
  training?: { programmeId?: string; title?: Bilingual; provider?: string; hours?: number }[];
}
/** The follow-up cells of a row, as the CSV prints them (empty when there is none). */
export function followUpCells(e: FigureRow, locale: keyof Bilingual): { followUp: string; training: string } {
  const f = (e.followUp ?? {}) as FollowUpShape;
  const months = locale === 'id' ? 'bulan' : 'months';
  return {
    followUp: (f.consequences ?? []).map((c) => `${c.label?.[locale] ?? c.code}${c.months ? ` (${c.months} ${months})` : ''}`).join('; '),
    training: (f.training ?? []).map((t) => `${t.title?.[locale] ?? t.programmeId} (${t.provider}, ${t.hours} JP)`).join('; '),
  };
}

export interface UnitFigures {
  employees: number;
  distribution: Record<string, number>;
  statuses: Record<string, number>;
}
/** Per unit: how many rows, by predikat and by status. */
export function unitFigures(rows: readonly FigureRow[]): Map<string, UnitFigures> {
  const out = new Map<string, UnitFigures>();
  for (const e of rows) {
    const u = out.get(e.unitId) ?? { employees: 0, distribution: {}, statuses: {} };
    u.employees++;
    u.statuses[e.status] = (u.statuses[e.status] ?? 0) + 1;
    const p = rowPredikat(e);
    if (p) u.distribution[p] = (u.distribution[p] ?? 0) + 1;
    out.set(e.unitId, u);
  }
  return out;
}
