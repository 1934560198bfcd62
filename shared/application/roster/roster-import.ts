/**
 * Roster import from CSV: units and employees from one file HR keeps in Excel, with a per-row error
 * report in Bahasa Indonesia and English. Pure: text in, records and errors out; it never throws on
 * bad data.
 *
 * The file:
 * - one header row naming the columns; the order is free, and columns it does not know (such as "No.")
 *   are ignored. Indonesian or English headers:
 *   NIP · Nama · Jabatan · Kode Unit · Nama Unit · NIP Atasan · Email · Bahasa · Jenis · Kepala Unit ·
 *   Kompetensi, and optionally Eksternal (an official outside the agency, e.g. the Sekda who rates the
 *   Camat: no plan, and the only kind of row that may have no NIP Atasan), Kode Unit Induk (the
 *   parent unit) and Pangkat/Gol. Ruang (printed on the documents, e.g. "Penata Muda Tk. I (III/b)");
 * - separated by ';' (what Excel writes under Indonesian regional settings), ',' or tab — detected
 *   from the header row, or given by an Excel `sep=;` first line;
 * - UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting (a quoted field may hold separators,
 *   doubled quotes and line breaks).
 * NIP cells are accepted as Excel writes them back: `="1977…"` (this system's own export), a leading
 * apostrophe, or grouped with spaces ("19770420 200401 1 003"). A NIP Excel already turned into
 * 1,97704E+17 gets its own message: its last digits are lost and must be typed again.
 *
 * Each error names the line in the file (1 = the first line; a record spanning lines is named by the
 * line it starts on; line 0 = the file as a whole), the field (the EmployeeRecord/UnitRecord key, or
 * `unitName`, `external`, `parentUnitId`), and says what is wrong in both languages. `units` and
 * `employees` hold the rows without errors; an importer should store nothing while `errors` is not
 * empty (a rater or head may be among the rejected rows).
 */
import * as z from 'zod';
import type { EmployeeRecord, UnitRecord } from '../../adapters/dynamodb/repository';

export const ROSTER_MAX_ROWS = 20_000;
/** About 10 MB: 20,000 rows of a generous 500 characters. */
export const ROSTER_MAX_CHARS = 10_000_000;
/** Errors reported at most; one more entry says how many were left out. */
export const ROSTER_MAX_ERRORS = 1_000;

export interface RosterError {
  line: number;
  field?: string;
  id: string;
  en: string;
}

/** An employee; `external: true` marks an official outside the agency (no plan is opened for them). */
export type RosterEmployee = EmployeeRecord & { external?: boolean };

export interface RosterImport {
  units: UnitRecord[];
  employees: RosterEmployee[];
  errors: RosterError[];
}

// ─── columns ─────────────────────────────────────────────────────────────────────────────────────

type FieldKey =
  | 'nip'
  | 'name'
  | 'jabatan'
  | 'unitId'
  | 'unitName'
  | 'raterNip'
  | 'email'
  | 'locale'
  | 'jenis'
  | 'isUnitHead'
  | 'competencies'
  | 'external'
  | 'parentUnitId'
  | 'pangkat';

interface Column {
  key: FieldKey;
  /** The header as the template writes it (used in messages). */
  header: string;
  aliases: readonly string[];
  required: boolean;
}

export const ROSTER_COLUMNS: readonly Column[] = [
  { key: 'nip', header: 'NIP', aliases: ['nip', 'nip pegawai'], required: true },
  { key: 'name', header: 'Nama', aliases: ['nama', 'nama pegawai', 'nama lengkap', 'name'], required: true },
  { key: 'jabatan', header: 'Jabatan', aliases: ['jabatan', 'nama jabatan', 'position', 'job title'], required: true },
  { key: 'unitId', header: 'Kode Unit', aliases: ['kode unit', 'kode unit kerja', 'unit code', 'unit id'], required: true },
  { key: 'unitName', header: 'Nama Unit', aliases: ['nama unit', 'nama unit kerja', 'unit kerja', 'unit name'], required: true },
  { key: 'raterNip', header: 'NIP Atasan', aliases: ['nip atasan', 'nip pejabat penilai', 'nip atasan langsung', 'rater nip'], required: true },
  { key: 'email', header: 'Email', aliases: ['email', 'surel', 'alamat email', 'alamat surel'], required: true },
  { key: 'locale', header: 'Bahasa', aliases: ['bahasa', 'language', 'locale'], required: false },
  { key: 'jenis', header: 'Jenis', aliases: ['jenis', 'jenis pegawai', 'jenis asn', 'status kepegawaian', 'type', 'employee type'], required: true },
  { key: 'isUnitHead', header: 'Kepala Unit', aliases: ['kepala unit', 'unit head', 'head of unit'], required: false },
  { key: 'competencies', header: 'Kompetensi', aliases: ['kompetensi', 'competencies', 'competency'], required: false },
  { key: 'external', header: 'Eksternal', aliases: ['eksternal', 'pejabat eksternal', 'external'], required: false },
  { key: 'parentUnitId', header: 'Kode Unit Induk', aliases: ['kode unit induk', 'unit induk', 'parent unit code', 'parent unit'], required: false },
  {
    key: 'pangkat',
    header: 'Pangkat/Gol. Ruang',
    aliases: [
      'pangkat/gol ruang',
      'pangkat / gol ruang',
      'pangkat/golongan ruang',
      'pangkat/golongan',
      'pangkat / golongan',
      'pangkat golongan',
      'pangkat/gol',
      'pangkat / gol',
      'pangkat',
      'golongan',
      'golongan ruang',
      'gol ruang',
      'rank',
      'rank/grade',
    ],
    required: false,
  },
];

const COLUMN_OF = new Map(ROSTER_COLUMNS.flatMap((c) => c.aliases.map((a) => [a, c] as const)));
const HEADER_OF = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<FieldKey, string>;

/** "E-mail", "NIP  Atasan", "Kode_Unit" → "email", "nip atasan", "kode unit". */
const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[._]/g, ' ')
    .replace(/-/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The header row of the template, ';'-separated, for a download link or the docs. */
export function rosterCsvTemplate(): string {
  return `\uFEFF${ROSTER_COLUMNS.map((c) => c.header).join(';')}\r\n`;
}

// ─── the CSV reader ──────────────────────────────────────────────────────────────────────────────

export interface CsvRecord {
  /** The line the record starts on (1-based, as an editor shows it). */
  line: number;
  fields: string[];
}

/** The separator of a header line: the most frequent of ; , tab outside quotes (';' on a tie). */
export function detectSeparator(headerLine: string): ';' | ',' | '\t' {
  const count = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) count[ch] += 1;
  }
  if (count[','] > count[';'] && count[','] >= count['\t']) return ',';
  if (count['\t'] > count[';'] && count['\t'] > count[',']) return '\t';
  return ';';
}

/**
 * RFC 4180 records with their starting line numbers. Tolerant the way spreadsheets are: CRLF, LF or
 * CR line ends, text after a closing quote is kept, blank records (every field empty) are skipped and
 * do not count towards `maxRecords`. An unclosed quote is reported, not thrown.
 */
export function readCsv(
  text: string,
  separator: string,
  firstLine = 1,
  maxRecords = Number.POSITIVE_INFINITY,
): { records: CsvRecord[]; unclosedQuoteAt?: number; truncatedAt?: number } {
  const records: CsvRecord[] = [];
  let line = firstLine;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let recordLine = line;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === separator) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      if (records.length >= maxRecords) return { records, truncatedAt: line + 1 };
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) return { records, unclosedQuoteAt: recordLine };
  if (field !== '' || fields.length) endRecord();
  return { records };
}

// ─── values ──────────────────────────────────────────────────────────────────────────────────────

const clip = (v: string, n = 60) => (v.length > n ? `${v.slice(0, n)}…` : v);

/** `="1977…"`, `'1977…`, `19770420 200401 1 003` → digits as written; anything else as it was. */
export function cleanNip(raw: string): string {
  let v = raw.trim();
  const formula = /^="(.*)"$/.exec(v);
  if (formula) v = formula[1]!;
  if (v.startsWith("'")) v = v.slice(1);
  return v.replace(/[\s\u00A0]+/g, '');
}

const looksScientific = (v: string) => /^\d+([.,]\d+)?e\+?\d+$/i.test(v.trim());

const YES = new Set(['ya', 'y', 'yes', 'true', '1', 'benar', 'x', 'v', '✓']);
const NO = new Set(['', 'tidak', 't', 'no', 'n', 'false', '0', 'bukan', '-']);
const toFlag = (raw: string): boolean | string => {
  const v = raw.trim().toLowerCase();
  return YES.has(v) ? true : NO.has(v) ? false : raw;
};

const LOCALES: Record<string, 'id' | 'en'> = {
  '': 'id',
  id: 'id',
  ind: 'id',
  in: 'id',
  indonesia: 'id',
  'bahasa indonesia': 'id',
  indonesian: 'id',
  en: 'en',
  eng: 'en',
  english: 'en',
  inggris: 'en',
  'bahasa inggris': 'en',
};

const JENIS: Record<string, 'PNS' | 'PPPK'> = { pns: 'PNS', pppk: 'PPPK', p3k: 'PPPK' };

const Nip = z.string().regex(/^\d{18}$/);
const Text = z.string().trim().min(1).max(200);
const UnitCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/);
/** "Penata Muda Tk. I (III/b)", "Pembina (IV/a)", "IX" (PPPK): letters, digits, spaces and . , ( ) / - ' */
const Pangkat = z.string().regex(/^[\p{L}0-9][\p{L}0-9 .,()/'-]{0,79}$/u);

const RowSchema = z.object({
  nip: Nip,
  name: Text,
  jabatan: Text,
  unitId: UnitCode,
  unitName: z.string().trim().max(200),
  raterNip: Nip.optional(),
  email: z.email().max(254),
  locale: z.enum(['id', 'en']),
  jenis: z.enum(['PNS', 'PPPK']),
  isUnitHead: z.boolean(),
  competencies: z.array(z.string().min(1).max(100)).max(50),
  external: z.boolean(),
  parentUnitId: UnitCode.optional(),
  pangkat: Pangkat.optional(),
});
type Row = z.infer<typeof RowSchema>;

type Bilingual = { id: string; en: string };

/** What is wrong with a field, in both languages, quoting what the file says. */
function fieldMessage(key: FieldKey, raw: string): Bilingual {
  const col = HEADER_OF[key];
  const v = clip(raw.trim());
  const shown = v ? ` (tertulis "${v}")` : ' (kosong)';
  const shownEn = v ? ` (found "${v}")` : ' (empty)';
  switch (key) {
    case 'nip':
    case 'raterNip':
      if (looksScientific(raw))
        return {
          id: `${col} "${v}" sudah diubah Excel menjadi angka (notasi ilmiah) dan digit terakhirnya hilang. Format kolom ${col} sebagai Teks, lalu ketik ulang NIP 18 angka.`,
          en: `${col} "${v}" was turned into a number (scientific notation) by Excel and its last digits are lost. Format the ${col} column as Text and type the 18-digit NIP again.`,
        };
      return { id: `${col} harus terdiri atas 18 angka${shown}.`, en: `${col} must be 18 digits${shownEn}.` };
    case 'name':
    case 'jabatan':
      return { id: `${col} wajib diisi, paling banyak 200 karakter${shown}.`, en: `${col} is required, at most 200 characters${shownEn}.` };
    case 'unitId':
    case 'parentUnitId':
      return {
        id: `${col} harus berupa kode: huruf, angka, titik, garis bawah atau tanda hubung, tanpa spasi, paling banyak 100 karakter${shown}.`,
        en: `${col} must be a code: letters, digits, dots, underscores or hyphens, no spaces, at most 100 characters${shownEn}.`,
      };
    case 'unitName':
      return { id: `${col} paling banyak 200 karakter${shown}.`, en: `${col} must be at most 200 characters${shownEn}.` };
    case 'email':
      return { id: `${col} bukan alamat email yang valid${shown}.`, en: `${col} is not a valid email address${shownEn}.` };
    case 'locale':
      return { id: `${col} harus "id" (Indonesia) atau "en" (Inggris)${shown}.`, en: `${col} must be "id" (Indonesian) or "en" (English)${shownEn}.` };
    case 'jenis':
      return { id: `${col} harus PNS atau PPPK${shown}.`, en: `${col} must be PNS or PPPK${shownEn}.` };
    case 'isUnitHead':
    case 'external':
      return { id: `${col} harus Ya atau Tidak${shown}.`, en: `${col} must be Ya (yes) or Tidak (no)${shownEn}.` };
    case 'pangkat':
      return {
        id: `${col} paling banyak 80 karakter: huruf, angka, spasi dan . , ( ) / - ', mis. "Penata Muda Tk. I (III/b)"${shown}.`,
        en: `${col} must be at most 80 characters of letters, digits, spaces and . , ( ) / - ', e.g. "Penata Muda Tk. I (III/b)"${shownEn}.`,
      };
    case 'competencies':
      return {
        id: `${col}: paling banyak 50 kode, masing-masing paling banyak 100 karakter, dipisah koma${shown}.`,
        en: `${col}: at most 50 codes of at most 100 characters each, separated by commas${shownEn}.`,
      };
  }
}

// ─── parsing ─────────────────────────────────────────────────────────────────────────────────────

interface ParsedRow {
  line: number;
  row: Row;
}

export function parseRosterCsv(text: string): RosterImport {
  const errors: RosterError[] = [];
  let dropped = 0;
  const add = (e: RosterError) => {
    if (errors.length < ROSTER_MAX_ERRORS) errors.push(e);
    else dropped++;
  };
  const finish = (units: UnitRecord[], employees: RosterEmployee[]): RosterImport => {
    if (dropped)
      errors.push({
        line: 0,
        id: `${dropped} kesalahan lain tidak ditampilkan; perbaiki kesalahan di atas lalu unggah ulang.`,
        en: `${dropped} more errors are not shown; fix the ones above and upload again.`,
      });
    return { units, employees, errors };
  };
  const fail = (e: RosterError) => {
    add(e);
    return finish([], []);
  };

  if (typeof text !== 'string') return fail({ line: 0, id: 'Berkas tidak dapat dibaca sebagai teks.', en: 'The file could not be read as text.' });
  if (text.length > ROSTER_MAX_CHARS)
    return fail({
      line: 0,
      id: `Berkas terlalu besar (lebih dari ${(ROSTER_MAX_CHARS / 1e6).toLocaleString('id-ID')} MB). Pecah menjadi beberapa berkas berisi paling banyak ${ROSTER_MAX_ROWS.toLocaleString('id-ID')} pegawai.`,
      en: `The file is too large (over ${ROSTER_MAX_CHARS / 1e6} MB). Split it into files of at most ${ROSTER_MAX_ROWS.toLocaleString('en-GB')} employees.`,
    });

  const { body, line, sepHint } = csvPreamble(text);
  if (!body.trim()) return fail({ line: 0, id: 'Berkas kosong: tidak ada baris judul kolom.', en: 'The file is empty: there is no header row.' });

  const headerEnd = body.search(/\r|\n/);
  const separator = sepHint ?? detectSeparator(headerEnd < 0 ? body : body.slice(0, headerEnd));
  // One record more than allowed (the header + the limit + 1) tells that the limit was passed.
  const read = readCsv(body, separator, line, ROSTER_MAX_ROWS + 2);
  const [header, ...rawRecords] = read.records;
  if (!header) return fail({ line: 0, id: 'Berkas kosong: tidak ada baris judul kolom.', en: 'The file is empty: there is no header row.' });
  const records = rawRecords;
  if (read.unclosedQuoteAt !== undefined)
    add({
      line: read.unclosedQuoteAt,
      id: `Tanda petik (") yang dibuka di baris ${read.unclosedQuoteAt} tidak pernah ditutup, sehingga sisa berkas terbaca sebagai satu isian. Tutup tanda petiknya atau gandakan tanda petik di dalam isian ("").`,
      en: `A quote (") opened on line ${read.unclosedQuoteAt} is never closed, so the rest of the file reads as one value. Close it, or double quotes inside a value ("").`,
    });
  if (read.truncatedAt !== undefined && records.length > ROSTER_MAX_ROWS) {
    return fail({
      line: records[ROSTER_MAX_ROWS]!.line,
      id: `Berkas berisi lebih dari ${ROSTER_MAX_ROWS.toLocaleString('id-ID')} baris pegawai (batas tercapai di baris ${records[ROSTER_MAX_ROWS]!.line}). Pecah menjadi beberapa berkas; tidak ada yang diimpor.`,
      en: `The file has more than ${ROSTER_MAX_ROWS.toLocaleString('en-GB')} employee rows (the limit is passed at line ${records[ROSTER_MAX_ROWS]!.line}). Split it into several files; nothing was imported.`,
    });
  }

  // Header → column index per field.
  const before = errors.length;
  const index = new Map<FieldKey, number>();
  header.fields.forEach((h, i) => {
    const col = COLUMN_OF.get(normaliseHeader(h));
    if (!col) return; // unknown columns ("No.", "TMT", …) are ignored
    if (index.has(col.key))
      add({
        line: header.line,
        field: col.key,
        id: `Kolom ${col.header} muncul lebih dari sekali ("${clip(h)}").`,
        en: `The ${col.header} column appears more than once ("${clip(h)}").`,
      });
    else index.set(col.key, i);
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !index.has(c.key));
  for (const c of missing)
    add({
      line: header.line,
      field: c.key,
      id: `Kolom ${c.header} tidak ditemukan di baris judul. Kolom yang diperlukan: ${ROSTER_COLUMNS.filter((x) => x.required)
        .map((x) => x.header)
        .join(', ')} (pemisah yang terbaca: "${separator === '\t' ? 'tab' : separator}").`,
      en: `The ${c.header} column is missing from the header row. Required columns: ${ROSTER_COLUMNS.filter((x) => x.required)
        .map((x) => x.header)
        .join(', ')} (separator read: "${separator === '\t' ? 'tab' : separator}").`,
    });
  if (errors.length > before) {
    errors.sort((a, b) => a.line - b.line);
    return finish([], []);
  }

  const parsed: ParsedRow[] = [];
  /** Every syntactically valid NIP in the file → the first line it is on (raters may be rows with other errors). */
  const nipLine = new Map<string, number>();
  const rowErrors = new Set<number>();
  const rowError = (line: number, field: FieldKey | undefined, m: Bilingual) => {
    rowErrors.add(line);
    add({ line, ...(field ? { field } : {}), id: m.id, en: m.en });
  };

  for (const rec of records) {
    const cell = (k: FieldKey) => {
      const i = index.get(k);
      return i === undefined ? '' : (rec.fields[i] ?? '');
    };
    const extra = rec.fields.slice(header.fields.length).filter((f) => f.trim() !== '');
    if (extra.length)
      rowError(rec.line, undefined, {
        id: `Baris ini berisi ${rec.fields.length} kolom, lebih banyak daripada judul (${header.fields.length}); periksa pemisah "${separator === '\t' ? 'tab' : separator}" atau tanda petik pada isian.`,
        en: `This row has ${rec.fields.length} fields, more than the header (${header.fields.length}); check the "${separator === '\t' ? 'tab' : separator}" separators and the quotes in the values.`,
      });
    const localeRaw = cell('locale').trim().toLowerCase();
    const jenisRaw = cell('jenis').trim().toLowerCase();
    const rater = cleanNip(cell('raterNip'));
    const parent = cell('parentUnitId').trim();
    const pangkat = cell('pangkat').trim().replace(/\s+/g, ' ');
    const candidate = {
      nip: cleanNip(cell('nip')),
      name: cell('name').trim(),
      jabatan: cell('jabatan').trim(),
      unitId: cell('unitId').trim(),
      unitName: cell('unitName').trim(),
      ...(rater ? { raterNip: rater } : {}),
      email: cell('email').trim(),
      locale: LOCALES[localeRaw] ?? localeRaw,
      jenis: JENIS[jenisRaw] ?? jenisRaw,
      isUnitHead: toFlag(cell('isUnitHead')),
      competencies: cell('competencies')
        .split(/[,;|]/)
        .map((c) => c.trim())
        .filter(Boolean),
      external: toFlag(cell('external')),
      ...(parent ? { parentUnitId: parent } : {}),
      ...(pangkat ? { pangkat } : {}),
    };
    if (Nip.safeParse(candidate.nip).success && !nipLine.has(candidate.nip)) nipLine.set(candidate.nip, rec.line);
    const result = RowSchema.safeParse(candidate);
    if (!result.success) {
      const fields = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean) as FieldKey[];
      for (const f of fields) rowError(rec.line, f, fieldMessage(f, cell(f)));
      continue;
    }
    parsed.push({ line: rec.line, row: result.data });
  }

  // ─── checks across rows ───
  const firstOf = new Map<string, ParsedRow>();
  const emailOf = new Map<string, ParsedRow>();
  const accepted: ParsedRow[] = [];
  for (const p of parsed) {
    const { row, line } = p;
    const first = firstOf.get(row.nip);
    if (first) {
      rowError(line, 'nip', {
        id: `NIP ${row.nip} ganda: sudah tercantum di baris ${first.line} (${clip(first.row.name)}).`,
        en: `Duplicate NIP ${row.nip}: already on line ${first.line} (${clip(first.row.name)}).`,
      });
      continue;
    }
    firstOf.set(row.nip, p);
    const email = row.email.toLowerCase();
    const sameEmail = emailOf.get(email);
    if (sameEmail)
      rowError(line, 'email', {
        id: `Email ${clip(row.email)} sudah dipakai ${clip(sameEmail.row.name)} di baris ${sameEmail.line}; tautan persetujuan dikirim per orang, jadi setiap pegawai memerlukan email sendiri.`,
        en: `Email ${clip(row.email)} is already used by ${clip(sameEmail.row.name)} on line ${sameEmail.line}; approval links go to one person each, so everyone needs their own address.`,
      });
    else emailOf.set(email, p);
    if (!row.raterNip) {
      if (!row.external)
        rowError(line, 'raterNip', {
          id: `NIP Atasan wajib diisi untuk pegawai instansi; hanya pejabat eksternal (Eksternal = Ya) yang boleh tanpa atasan.`,
          en: `NIP Atasan (rater) is required for the agency's employees; only an external official (Eksternal = Ya) may have none.`,
        });
    } else if (row.raterNip === row.nip) {
      rowError(line, 'raterNip', {
        id: 'NIP Atasan tidak boleh sama dengan NIP pegawai itu sendiri.',
        en: 'An employee cannot be their own rater (NIP Atasan equals NIP).',
      });
    } else if (!nipLine.has(row.raterNip)) {
      rowError(line, 'raterNip', {
        id: `NIP Atasan ${row.raterNip} tidak ada di berkas ini. Tambahkan baris untuk atasan tersebut (isi Eksternal = Ya bila berasal dari luar instansi).`,
        en: `NIP Atasan ${row.raterNip} (rater) is not in this file. Add a row for them (with Eksternal = Ya if they are outside the agency).`,
      });
    }
    accepted.push(p);
  }

  // Rater chains that come back to where they started (A rates B, B rates A).
  const raterOf = new Map([...firstOf.values()].flatMap((p) => (p.row.raterNip && p.row.raterNip !== p.row.nip ? [[p.row.nip, p.row.raterNip] as const] : [])));
  for (const cycle of cyclesOf(raterOf)) {
    const chain = [...cycle, cycle[0]!].join(' → ');
    for (const nip of cycle) {
      const p = firstOf.get(nip)!;
      rowError(p.line, 'raterNip', {
        id: `Rantai atasan berputar: ${chain}. Setiap rantai harus berakhir pada pejabat tanpa atasan di berkas (mis. pejabat eksternal).`,
        en: `The rater chain loops: ${chain}. Every chain must end at an official with no rater in the file (e.g. an external one).`,
      });
    }
  }

  // Units: the name, the head and the parent each rows agree on.
  interface UnitDraft {
    unitId: string;
    name: string;
    nameLine: number;
    firstLine: number;
    headNip?: string;
    headLine?: number;
    parent?: string;
    parentLine?: number;
  }
  const units = new Map<string, UnitDraft>();
  for (const { row, line } of accepted) {
    const u = units.get(row.unitId) ?? { unitId: row.unitId, name: '', nameLine: 0, firstLine: line };
    units.set(row.unitId, u);
    if (row.unitName) {
      if (!u.name) Object.assign(u, { name: row.unitName, nameLine: line });
      else if (u.name !== row.unitName)
        rowError(line, 'unitName', {
          id: `Nama Unit untuk kode ${row.unitId} berbeda: "${clip(row.unitName)}" di sini, "${clip(u.name)}" di baris ${u.nameLine}.`,
          en: `Unit ${row.unitId} has two names: "${clip(row.unitName)}" here, "${clip(u.name)}" on line ${u.nameLine}.`,
        });
    }
    if (row.isUnitHead) {
      if (u.headNip === undefined) Object.assign(u, { headNip: row.nip, headLine: line });
      else
        rowError(line, 'isUnitHead', {
          id: `Unit ${row.unitId} sudah memiliki kepala unit di baris ${u.headLine} (NIP ${u.headNip}); satu unit hanya satu kepala.`,
          en: `Unit ${row.unitId} already has a head on line ${u.headLine} (NIP ${u.headNip}); a unit has one head.`,
        });
    }
    if (row.parentUnitId) {
      if (u.parent === undefined) Object.assign(u, { parent: row.parentUnitId, parentLine: line });
      else if (u.parent !== row.parentUnitId)
        rowError(line, 'parentUnitId', {
          id: `Kode Unit Induk untuk ${row.unitId} berbeda: "${row.parentUnitId}" di sini, "${u.parent}" di baris ${u.parentLine}.`,
          en: `Unit ${row.unitId} has two parent units: "${row.parentUnitId}" here, "${u.parent}" on line ${u.parentLine}.`,
        });
    }
  }
  for (const u of units.values()) {
    if (!u.name)
      rowError(u.firstLine, 'unitName', {
        id: `Nama Unit untuk kode ${u.unitId} tidak diisi di baris mana pun.`,
        en: `No row gives a Nama Unit (unit name) for unit ${u.unitId}.`,
      });
    if (u.parent !== undefined) {
      if (u.parent === u.unitId)
        rowError(u.parentLine!, 'parentUnitId', {
          id: `Unit ${u.unitId} tidak boleh menjadi induk dirinya sendiri.`,
          en: `Unit ${u.unitId} cannot be its own parent.`,
        });
      else if (!units.has(u.parent))
        rowError(u.parentLine!, 'parentUnitId', {
          id: `Kode Unit Induk "${u.parent}" bukan unit di berkas ini.`,
          en: `Parent unit "${u.parent}" is not a unit in this file.`,
        });
    }
  }
  const parentOf = new Map(
    [...units.values()].flatMap((u) => (u.parent && u.parent !== u.unitId && units.has(u.parent) ? [[u.unitId, u.parent] as const] : [])),
  );
  for (const cycle of cyclesOf(parentOf)) {
    const chain = [...cycle, cycle[0]!].join(' → ');
    for (const id of cycle)
      rowError(units.get(id)!.parentLine!, 'parentUnitId', { id: `Susunan unit berputar: ${chain}.`, en: `The unit tree loops: ${chain}.` });
  }

  const employees: RosterEmployee[] = accepted
    .filter((p) => !rowErrors.has(p.line))
    .map(({ row }) => ({
      nip: row.nip,
      name: row.name,
      jabatan: row.jabatan,
      unitId: row.unitId,
      ...(row.raterNip ? { raterNip: row.raterNip } : {}),
      isUnitHead: row.isUnitHead,
      email: row.email,
      locale: row.locale,
      competencies: row.competencies,
      jenis: row.jenis,
      ...(row.pangkat ? { pangkat: row.pangkat } : {}),
      ...(row.external ? { external: true } : {}),
    }));
  const unitRecords: UnitRecord[] = [...units.values()].map((u) => ({
    unitId: u.unitId,
    name: u.name || u.unitId,
    ...(u.parent !== undefined ? { parentUnitId: u.parent } : {}),
    ...(u.headNip !== undefined ? { headNip: u.headNip } : {}),
  }));
  errors.sort((a, b) => a.line - b.line);
  return finish(unitRecords, employees);
}

// ─── the import ──────────────────────────────────────────────────────────────────────────────────

/** What writing the roster cost (bench/roster-import.ts prints these). */
export interface RosterWriteStats {
  items: number;
  /** Items already stored exactly so, not written again. */
  unchanged: number;
  /** Write calls sent, retries included. */
  calls: number;
  /** Calls that re-sent items the store left unprocessed (throttling). */
  retries: number;
  unprocessed: number;
  ms: number;
}

/**
 * The port the import writes through (shared/adapters/dynamodb/batch-write.ts `writeRoster`): every
 * unit and employee as a plain, idempotent put. Items still unwritten after its retries, or when the
 * deadline (epoch ms) comes, are reported as `complete: false`; the rest are stored.
 */
export type RosterWriter = (
  agencyId: string,
  roster: { units: readonly UnitRecord[]; employees: readonly RosterEmployee[] },
  options: { deadline?: number },
) => Promise<
  { complete: true; stats: RosterWriteStats } | { complete: false; written: number; total: number; reason: 'retries' | 'deadline'; stats: RosterWriteStats }
>;

/**
 * Time the writes may take, counted from the start of the import: API Gateway answers 503 at 29 s
 * and the function's timeout is 29 s too, so stopping at 25 s leaves time to answer clearly.
 */
export const ROSTER_WRITE_BUDGET_MS = 25_000;

export type RosterImportOutcome =
  /** 200: everything stored. */
  | { status: 'imported'; units: number; employees: number; write: RosterWriteStats }
  /** 422: nothing stored; every bad row reported (as parseRosterCsv returns them). */
  | { status: 'invalid'; errors: RosterError[] }
  /** 503: part stored, the rest not (time ran out, or still throttled); uploading the same file again completes it. */
  | { status: 'incomplete'; written: number; total: number; id: string; en: string; write: RosterWriteStats };

/**
 * POST /v1/roster/import: validate every row first, and only when no row is bad, write all units and
 * employees (all or nothing on validation; a write cut short is reported and safe to repeat, since
 * every put writes the same keys with the same content).
 */
export async function importRoster(csv: string, agencyId: string, write: RosterWriter, options: { deadline?: number } = {}): Promise<RosterImportOutcome> {
  const deadline = options.deadline ?? Date.now() + ROSTER_WRITE_BUDGET_MS;
  const parsed = parseRosterCsv(csv);
  if (parsed.errors.length) return { status: 'invalid', errors: parsed.errors };
  const out = await write(agencyId, { units: parsed.units, employees: parsed.employees }, { deadline });
  if (out.complete) return { status: 'imported', units: parsed.units.length, employees: parsed.employees.length, write: out.stats };
  const cause =
    out.reason === 'deadline'
      ? { id: 'batas waktu permintaan tercapai', en: 'the request ran out of time' }
      : { id: 'basis data sedang sibuk', en: 'the database is busy' };
  return {
    status: 'incomplete',
    written: out.written,
    total: out.total,
    id: `Impor belum selesai (${cause.id}): ${out.written.toLocaleString('id-ID')} dari ${out.total.toLocaleString('id-ID')} data unit dan pegawai tersimpan. Unggah ulang berkas yang sama; data yang sudah tersimpan ditulis ulang dengan isi yang sama.`,
    en: `The import is incomplete (${cause.en}): ${out.written.toLocaleString('en-GB')} of ${out.total.toLocaleString('en-GB')} unit and employee records were stored. Upload the same file again; records already stored are written again with the same content.`,
    write: out.stats,
  };
}

/** Each cycle of a functional graph (node → its one successor) once, in discovery order. O(n). */
function cyclesOf(next: ReadonlyMap<string, string>): string[][] {
  const state = new Map<string, 'active' | 'done'>();
  const cycles: string[][] = [];
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let node: string | undefined = start;
    while (node !== undefined && !state.has(node)) {
      state.set(node, 'active');
      path.push(node);
      node = next.get(node);
    }
    if (node !== undefined && state.get(node) === 'active') cycles.push(path.slice(path.indexOf(node)));
    for (const n of path) state.set(n, 'done');
  }
  return cycles;
}

/**
 * What comes before a roster file's header: a BOM, Excel's "sep=" hint line, blank lines. Returns the
 * rest, the line the header stands on and the hinted separator (the import and its preview read alike).
 */
export function csvPreamble(text: string): { body: string; line: number; sepHint: string | undefined } {
  let body = text.replace(/^\uFEFF/, '');
  let line = 1;
  let sepHint: string | undefined;
  const hint = /^sep=(.)\r?\n?/i.exec(body);
  if (hint) {
    sepHint = hint[1];
    body = body.slice(hint[0].length);
    line++;
  }
  while (/^[ \t]*\r?\n/.test(body)) {
    body = body.replace(/^[ \t]*\r?\n/, '');
    line++;
  }
  return { body, line, sepHint };
}
