/**
 * The roster import's preview (`POST /v1/roster/import/preview`): the same checks as the import
 * (parseRosterCsv), answered per row and compared with what is stored — new, changed (which fields),
 * unchanged, or the row's errors — and nothing written. HR sees what the import would do before doing
 * it; a file with bad rows can be fixed, or sent again without them (each row says the lines it spans).
 */
import type { EmployeeRecord, UnitRecord } from '../../domain/records';
import { requireHrRole, tokenAgency } from '../authz';
import { ports } from '../context';
import type { Caller } from '../ports';
import {
  cleanNip,
  csvPreamble,
  detectSeparator,
  parseRosterCsv,
  ROSTER_COLUMNS,
  ROSTER_MAX_CHARS,
  type RosterEmployee,
  type RosterError,
  readCsv,
} from './roster-import';

/** Good rows listed at most (every error row is always listed; the counts cover every row). */
export const PREVIEW_MAX_ROWS = 500;

export type PreviewStatus = 'NEW' | 'CHANGED' | 'UNCHANGED' | 'ERROR';
export interface PreviewRow {
  /** The line the row starts on and the line it ends on (a quoted value may span lines). */
  line: number;
  endLine: number;
  status: PreviewStatus;
  nip?: string;
  name?: string;
  unitId?: string;
  jabatan?: string;
  /** For a CHANGED row: the fields that differ from the stored record. */
  changed?: string[];
  errors?: { field?: string; id: string; en: string }[];
}
interface Counts {
  total: number;
  new: number;
  changed: number;
  unchanged: number;
}
export interface RosterPreview {
  valid: boolean;
  employees: Counts;
  units: Counts;
  errorRows: number;
  rows: PreviewRow[];
  rowsTotal: number;
  fileErrors: RosterError[];
  newUnits: { unitId: string; name: string }[];
}

const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[._]/g, ' ')
    .replace(/-/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The file's records (header first) with the line each starts on, read as parseRosterCsv reads them. */
function recordsOf(text: string) {
  const { body, line, sepHint } = csvPreamble(text);
  const headerEnd = body.search(/\r|\n/);
  const separator = sepHint ?? detectSeparator(headerEnd < 0 ? body : body.slice(0, headerEnd));
  return readCsv(body, separator, line).records;
}

/** Compared as stored: absent, false and [] are the same "nothing". */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null) || (!a && !b) || (isEmpty(a) && isEmpty(b));
const isEmpty = (v: unknown) => v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0);

function changedFields(next: Record<string, unknown>, stored: Record<string, unknown>): string[] {
  const ignore = new Set(['agencyId', 'type']);
  const fields = new Set([...Object.keys(next), ...Object.keys(stored)].filter((k) => !ignore.has(k)));
  return [...fields].filter((k) => !same(next[k], stored[k])).sort();
}

/** What importing this file would do, row by row; reads the stored roster, writes nothing. */
export async function previewRoster(caller: Caller, csv: string): Promise<RosterPreview> {
  requireHrRole(caller);
  const agencyId = tokenAgency(caller);
  const parsed = parseRosterCsv(csv);
  const records = typeof csv === 'string' && csv.length <= ROSTER_MAX_CHARS ? recordsOf(csv) : [];
  const [header, ...rows] = records;
  // The file's last line (a final line break does not start another).
  const lastLine = typeof csv === 'string' ? csv.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length : 1;

  const errorsByLine = new Map<number, RosterError[]>();
  const rowLines = new Set(rows.map((r) => r.line));
  const fileErrors: RosterError[] = [];
  for (const e of parsed.errors) {
    if (rowLines.has(e.line)) errorsByLine.set(e.line, [...(errorsByLine.get(e.line) ?? []), e]);
    else fileErrors.push(e);
  }

  // The stored records the file's would replace.
  const employees = new Map(parsed.employees.map((e) => [e.nip, e]));
  const [storedEmployees, storedUnits] = await Promise.all([
    employees.size ? ports().roster.getEmployees(agencyId, employees.keys()) : Promise.resolve(new Map<string, EmployeeRecord>()),
    parsed.units.length ? ports().roster.listUnits(agencyId) : Promise.resolve([] as UnitRecord[]),
  ]);
  const unitStored = new Map(storedUnits.map((u) => [u.unitId, u]));

  const index = new Map<string, number>();
  header?.fields.forEach((h, i) => {
    const col = ROSTER_COLUMNS.find((c) => c.aliases.includes(normaliseHeader(h)));
    if (col && !index.has(col.key)) index.set(col.key, i);
  });
  const cell = (fields: string[], key: string) => {
    const i = index.get(key);
    return i === undefined ? undefined : fields[i]?.trim() || undefined;
  };

  const counts = { total: 0, new: 0, changed: 0, unchanged: 0 };
  const listed: PreviewRow[] = [];
  let good = 0;
  let errorRows = 0;
  // A file refused as a whole (its header, its size) has no rows to judge: its errors say why.
  const judged = parsed.employees.length > 0 || errorsByLine.size > 0 ? rows : [];
  judged.forEach((r, i) => {
    const endLine = Math.max(r.line, (judged[i + 1]?.line ?? lastLine + 1) - 1);
    const nip = cell(r.fields, 'nip');
    const base = {
      line: r.line,
      endLine,
      ...(nip ? { nip: cleanNip(nip) } : {}),
      ...(cell(r.fields, 'name') ? { name: cell(r.fields, 'name') } : {}),
      ...(cell(r.fields, 'unitId') ? { unitId: cell(r.fields, 'unitId') } : {}),
      ...(cell(r.fields, 'jabatan') ? { jabatan: cell(r.fields, 'jabatan') } : {}),
    };
    const errors = errorsByLine.get(r.line);
    const employee: RosterEmployee | undefined = base.nip ? employees.get(base.nip) : undefined;
    if (errors || !employee) {
      errorRows++;
      listed.push({
        ...base,
        status: 'ERROR',
        errors: (errors ?? []).map((e) => ({ ...(e.field ? { field: e.field } : {}), id: e.id, en: e.en })),
      });
      return;
    }
    const stored = storedEmployees.get(employee.nip);
    const changed = stored ? changedFields(employee as unknown as Record<string, unknown>, stored as unknown as Record<string, unknown>) : [];
    const status: PreviewStatus = !stored ? 'NEW' : changed.length ? 'CHANGED' : 'UNCHANGED';
    counts.total++;
    counts[status === 'NEW' ? 'new' : status === 'CHANGED' ? 'changed' : 'unchanged']++;
    if (good++ < PREVIEW_MAX_ROWS) listed.push({ ...base, status, ...(changed.length ? { changed } : {}) });
  });

  const units = { total: parsed.units.length, new: 0, changed: 0, unchanged: 0 };
  const newUnits: { unitId: string; name: string }[] = [];
  for (const u of parsed.units) {
    const s = unitStored.get(u.unitId);
    if (!s) {
      units.new++;
      if (newUnits.length < PREVIEW_MAX_ROWS) newUnits.push({ unitId: u.unitId, name: u.name });
    } else if (changedFields(u as unknown as Record<string, unknown>, s as unknown as Record<string, unknown>).length) units.changed++;
    else units.unchanged++;
  }
  return {
    valid: parsed.errors.length === 0,
    employees: counts,
    units,
    errorRows,
    rows: listed,
    rowsTotal: rows.length,
    fileErrors,
    newUnits,
  };
}
