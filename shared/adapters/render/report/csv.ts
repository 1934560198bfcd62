/**
 * CSV export of a cycle's evaluations for HR, made to open cleanly in Microsoft Excel with Indonesian
 * regional settings (the spreadsheet HR actually uses), and to stay safe and machine-readable.
 *
 * Decisions, and why:
 *
 * - **Separator `;`.** Excel splits a double-clicked .csv on the *list separator* of the Windows
 *   region. Indonesian (id-ID) writes decimals with a comma, so its list separator is `;`: a comma file
 *   lands in one column there. The usual fix for that, a first line `sep=,`, makes Excel ignore the
 *   byte-order mark and read the file as ANSI, which garbles every non-ASCII character, so it is not
 *   used. `;` is also what Excel itself writes when an Indonesian user saves as CSV, and LibreOffice,
 *   Google Sheets and every CSV library detect or accept it. The English export (`?lang=en`) uses `,`,
 *   the list separator of English regions.
 * - **UTF-8 with BOM.** Without the BOM Excel reads CSV as the ANSI code page; with it, names such as
 *   "Ni Putu Ayu Widyaningsih" or "Sugeng Riyadi, S.Kom." and labels with "—" or "é" survive.
 * - **CRLF** between records, as RFC 4180 says; a line break *inside* a field (an objection reason)
 *   becomes a plain LF inside the quoted field, which Excel shows as a line break in the cell.
 * - **RFC 4180 quoting.** A field containing `;`, `,`, `"`, CR or LF is enclosed in quotes and its
 *   quotes are doubled. Other fields are written bare.
 * - **NIP as text: `="197704202004011003"`.** An 18-digit NIP is a number to Excel, and Excel keeps only
 *   15 significant digits: it shows 1,97704E+17 and, worse, stores 197704202004011000 — the last three
 *   digits are gone for good once the file is saved again. A leading apostrophe is shown literally by the
 *   CSV import (it only means "text" when typed), and a leading tab or space keeps the digits but stays
 *   in the cell, so a VLOOKUP or a paste into another system no longer matches the NIP. The formula
 *   `="…"` is the one form Excel (and Google Sheets, and LibreOffice with "evaluate formulas") imports
 *   as the exact digit string with nothing added to the value. It is emitted only for a value that is
 *   all digits, so no user-controlled text ever reaches a formula. On the wire it is RFC-quoted:
 *   `"=""197704202004011003"""`. Parsers that are not spreadsheets see the wrapper; `unwrapExcelText`
 *   (and the roster import) remove it.
 * - **Formula injection neutralised.** Any other cell that starts with `=`, `+`, `-`, `@`, a tab or a CR
 *   (also after leading spaces) gets a leading apostrophe (OWASP "CSV injection"), so a name such as
 *   `=HYPERLINK(…)` is shown as text and never runs.
 * - **Indonesian headers** by default (the official terms: Rating Hasil Kerja, Predikat Kinerja, …);
 *   `locale: 'en'` gives English headers and labels.
 */
import type { EmployeeEvaluation } from '../../../domain/evaluate';
import { type Predikat, predikatLabel, type Rating, ratingLabel } from '../../../domain/ratings';
import type { Bilingual } from '../../../domain/text';
import type { EvaluationRecord } from '../../dynamodb/repository';
import { formatCsvDateTime } from '../i18n/format';
import { followUpCells, rowPredikat } from './figures';
import { objectionDecisionLabel, type ReportLocale, statusText } from './labels';

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';
export type CsvSeparator = ';' | ',';
export const DEFAULT_CSV_SEPARATOR: CsvSeparator = ';';

/** The separator a spreadsheet of that language's region splits on: id-ID `;` (its decimal mark is `,`), English `,`. */
export const separatorFor = (locale: ReportLocale): CsvSeparator => (locale === 'en' ? ',' : DEFAULT_CSV_SEPARATOR);

export interface CsvOptions {
  /** Default by language: ';' in Indonesian (Excel with Indonesian regional settings), ',' in English. */
  separator?: CsvSeparator;
}

const COLUMNS = [
  { key: 'nip', id: 'NIP', en: 'NIP' },
  { key: 'name', id: 'Nama', en: 'Name' },
  { key: 'jabatan', id: 'Jabatan', en: 'Position (jabatan)' },
  { key: 'unitId', id: 'Kode Unit', en: 'Unit code' },
  { key: 'unit', id: 'Unit Kerja', en: 'Work unit' },
  { key: 'raterNip', id: 'NIP Pejabat Penilai', en: 'Rater NIP' },
  { key: 'approverNip', id: 'NIP Atasan Pejabat Penilai', en: 'Approver NIP' },
  { key: 'status', id: 'Status', en: 'Status' },
  { key: 'resultsRating', id: 'Rating Hasil Kerja', en: 'Results rating' },
  { key: 'behaviourRating', id: 'Rating Perilaku Kerja', en: 'Behaviour rating' },
  { key: 'predikat', id: 'Predikat Kinerja', en: 'Performance predikat' },
  { key: 'objection', id: 'Keberatan', en: 'Objection' },
  { key: 'objectionReason', id: 'Alasan Keberatan', en: 'Objection reason' },
  { key: 'followUp', id: 'Tindak Lanjut', en: 'Follow-up' },
  { key: 'training', id: 'Rekomendasi Pelatihan', en: 'Recommended training' },
  { key: 'updatedAt', id: 'Diperbarui (WIB)', en: 'Updated (WIB)' },
] as const;

type ColumnKey = (typeof COLUMNS)[number]['key'];

/** The header row's labels, in column order. */
export function csvHeaders(locale: ReportLocale = 'id'): string[] {
  return COLUMNS.map((c) => c[locale]);
}

/** Columns whose values are NIPs and are written as Excel text (see the header of this file). */
const NIP_COLUMNS: ReadonlySet<ColumnKey> = new Set(['nip', 'raterNip', 'approverNip']);

/** Starts like a formula to a spreadsheet: = + - @ tab CR, possibly after spaces. */
const FORMULA_START = /^[ ]*[=+\-@\t\r]/;

/** A cell value made harmless for a spreadsheet: a leading apostrophe before anything formula-like. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** An all-digit identifier as an Excel text formula; anything else as a neutralised plain cell. */
export function excelText(digits: string): string {
  return /^\d+$/.test(digits) ? `="${digits}"` : neutraliseFormula(digits);
}

/** `="123"` → `123` (what a non-spreadsheet consumer does with a NIP cell); other values unchanged. */
export function unwrapExcelText(value: string): string {
  const m = /^="(\d+)"$/.exec(value);
  return m ? m[1]! : value;
}

/** One field, RFC 4180: quoted (quotes doubled) when it holds ; , " CR or LF; line breaks become LF. */
export function csvField(value: string): string {
  const v = value.replace(/\r\n?/g, '\n');
  return /[;,"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(cells: readonly string[], separator: CsvSeparator = DEFAULT_CSV_SEPARATOR): string {
  return cells.map(csvField).join(separator) + CSV_EOL;
}

const labelOf = <K extends string>(table: Record<K, Bilingual>, key: unknown, locale: ReportLocale): string =>
  typeof key === 'string' ? ((table as Record<string, Bilingual | undefined>)[key]?.[locale] ?? key) : '';

const wibTimestamp = formatCsvDateTime;

interface ObjectionShape {
  reason?: string;
  requestedPredikat?: string;
  decision?: 'GRANTED' | 'REJECTED';
}

function objectionText(o: ObjectionShape | undefined, locale: ReportLocale): string {
  if (!o || typeof o !== 'object') return '';
  const outcome = objectionDecisionLabel[o.decision ?? 'FILED'][locale];
  const asked = o.requestedPredikat ? labelOf(predikatLabel, o.requestedPredikat, locale) : '';
  if (!asked) return outcome;
  return locale === 'id' ? `${outcome} (meminta ${asked})` : `${outcome} (asked for ${asked})`;
}

function rowCells(e: EvaluationRecord, units: ReadonlyMap<string, string>, locale: ReportLocale): Record<ColumnKey, string> {
  const score = (e.score ?? undefined) as Partial<EmployeeEvaluation> | undefined;
  const predikat = rowPredikat(e) as Predikat | undefined;
  const objection = e.objection as ObjectionShape | undefined;
  const follow = followUpCells(e, locale);
  return {
    nip: e.nip,
    name: e.name,
    jabatan: e.jabatan,
    unitId: e.unitId,
    unit: units.get(e.unitId) ?? e.unitId,
    raterNip: e.raterNip ?? '',
    approverNip: e.approverNip ?? '',
    status: statusText(e.status, locale),
    resultsRating: labelOf(ratingLabel, score?.resultsRating as Rating | undefined, locale),
    behaviourRating: labelOf(ratingLabel, score?.behaviour?.final, locale),
    predikat: labelOf(predikatLabel, predikat, locale),
    objection: objectionText(objection, locale),
    objectionReason: objection?.reason ?? '',
    followUp: follow.followUp,
    training: follow.training,
    updatedAt: wibTimestamp(e.updatedAt),
  };
}

/** One data row's cells, already Excel-safe (NIP as text, formulas neutralised), not yet quoted. */
export function evaluationCsvCells(e: EvaluationRecord, units: ReadonlyMap<string, string>, locale: ReportLocale = 'id'): string[] {
  const cells = rowCells(e, units, locale);
  return COLUMNS.map((c) => {
    const v = cells[c.key] ?? '';
    if (v === '') return '';
    return NIP_COLUMNS.has(c.key) ? excelText(v) : neutraliseFormula(v);
  });
}

/**
 * The whole export: BOM, header row, one row per evaluation in the order given, CRLF after every
 * record. `units` maps unitId → unit name (e.g. from `listUnits`).
 */
export function evaluationsCsv(
  rows: readonly EvaluationRecord[],
  units: ReadonlyMap<string, string>,
  locale: ReportLocale = 'id',
  options: CsvOptions = {},
): string {
  // Indonesian: `;` (the list separator of Excel's id-ID region); English: `,` (en regions read commas).
  const sep = options.separator ?? separatorFor(locale);
  const parts = [CSV_BOM, csvLine(csvHeaders(locale).map(neutraliseFormula), sep)];
  for (const e of rows) parts.push(csvLine(evaluationCsvCells(e, units, locale), sep));
  return parts.join('');
}

/** `penilaian-kinerja-kec-asemrowo-2026.csv`: only safe filename characters, whatever the id holds. */
export function csvFileName(cycleId: string): string {
  const safe = cycleId
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 120);
  return `penilaian-kinerja-${safe || 'siklus'}.csv`;
}

/** Response headers for the download: UTF-8 CSV, saved under `csvFileName`, never cached. */
export function csvHeadersFor(cycleId: string): Record<string, string> {
  const name = csvFileName(cycleId);
  return {
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}
