/**
 * Roster import from CSV: the Asemrowo roster read back exactly (';' and ',', BOM, CRLF/LF, Excel's
 * ways of writing a NIP), each kind of error on the right line in both languages, the size limit, and
 * no exception whatever the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationsCsv } from '../../../shared/adapters/render/report/csv';
import {
  cleanNip,
  detectSeparator,
  importRoster,
  parseRosterCsv,
  ROSTER_MAX_ROWS,
  ROSTER_WRITE_BUDGET_MS,
  type RosterError,
  type RosterWriter,
  readCsv,
  rosterCsvTemplate,
} from '../../../shared/application/roster/roster-import';
import { sample, sampleEvaluations, unitNames } from './fixtures';

const HEADERS = [
  'NIP',
  'Nama',
  'Jabatan',
  'Kode Unit',
  'Nama Unit',
  'NIP Atasan',
  'Email',
  'Bahasa',
  'Jenis',
  'Kepala Unit',
  'Kompetensi',
  'Eksternal',
  'Kode Unit Induk',
  'Pangkat/Gol. Ruang',
];
const C = Object.fromEntries(HEADERS.map((h, i) => [h, i])) as Record<string, number>;
const unitById = new Map(sample.units.map((u) => [u.unitId, u]));

function sampleRows(): string[][] {
  return sample.employees.map((e) => {
    const u = unitById.get(e.unitId)!;
    return [
      e.nip,
      e.name,
      e.jabatan,
      e.unitId,
      u.name,
      e.raterNip ?? '',
      e.email,
      e.locale,
      e.jenis,
      e.isUnitHead ? 'Ya' : 'Tidak',
      e.competencies.join(', '),
      e.external ? 'Ya' : 'Tidak',
      u.parentUnitId ?? '',
      e.pangkat ?? '',
    ];
  });
}

function toCsv(rows: readonly (readonly string[])[], opts: { sep?: string; eol?: string; bom?: boolean; headers?: readonly string[] } = {}): string {
  const sep = opts.sep ?? ';';
  const eol = opts.eol ?? '\r\n';
  const q = (v: string) => (v.includes(sep) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [opts.headers ?? HEADERS, ...rows].map((r) => r.map(q).join(sep));
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join(eol)}${eol}`;
}

/** The sample's rows with one row changed; returns the CSV and that row's line number (header = line 1). */
function withRow(index: number, change: (row: string[]) => void): { csv: string; line: number } {
  const rows = sampleRows();
  change(rows[index]!);
  return { csv: toCsv(rows), line: index + 2 };
}

const errorsAt = (errors: RosterError[], line: number) => errors.filter((e) => e.line === line);
const sortById = <T extends { unitId: string }>(xs: T[]) => [...xs].sort((a, b) => a.unitId.localeCompare(b.unitId));

describe('parseRosterCsv: the Asemrowo roster', () => {
  it('reads back every employee and unit exactly (";", BOM, CRLF)', () => {
    const out = parseRosterCsv(toCsv(sampleRows()));
    expect(out.errors).toEqual([]);
    expect(out.employees).toEqual(sample.employees);
    expect(sortById(out.units)).toEqual(sortById(sample.units));
  });

  it('reads the same from "," with quoted fields, from LF without BOM, from tabs, and after an Excel sep= line', () => {
    const expected = parseRosterCsv(toCsv(sampleRows()));
    for (const csv of [
      toCsv(sampleRows(), { sep: ',' }),
      toCsv(sampleRows(), { eol: '\n', bom: false }),
      toCsv(sampleRows(), { sep: '\t' }),
      `sep=;\r\n${toCsv(sampleRows(), { bom: false })}`,
      toCsv(sampleRows(), { sep: ',', eol: '\n' }).replace(/\n/g, '\r'), // old Mac CR line ends
    ]) {
      const out = parseRosterCsv(csv);
      expect(out.errors).toEqual([]);
      expect(out.employees).toEqual(expected.employees);
      expect(out.units).toEqual(expected.units);
    }
    expect(toCsv(sampleRows(), { sep: ',' })).toContain('"Moch. Ridwan Hakim, S.STP., M.Si."');
  });

  it('accepts headers in any order, case and spelling variant, English headers, and ignores unknown columns', () => {
    const rows = sampleRows();
    const order = [...HEADERS.keys()].reverse();
    const headers = ['No.', ...order.map((i) => HEADERS[i]!.toUpperCase().replace(' ', '_'))];
    const csv = toCsv(
      rows.map((r, k) => [String(k + 1), ...order.map((i) => r[i]!)]),
      { headers },
    );
    expect(parseRosterCsv(csv).employees).toEqual(sample.employees);
    const en = [
      'NIP',
      'Name',
      'Position',
      'Unit code',
      'Unit name',
      'Rater NIP',
      'E-mail',
      'Language',
      'Type',
      'Unit head',
      'Competencies',
      'External',
      'Parent unit code',
      'Rank',
    ];
    expect(parseRosterCsv(toCsv(rows, { headers: en })).employees).toEqual(sample.employees);
  });

  it('Pangkat/Gol. Ruang is optional: read as written (spaces tidied), absent when blank or without the column, and checked', () => {
    const { csv } = withRow(0, (r) => {
      r[C['Pangkat/Gol. Ruang']!] = '  Penata  Muda Tk. I (III/b) ';
    });
    const read = parseRosterCsv(csv);
    expect(read.errors).toEqual([]);
    expect(read.employees[0]!.pangkat).toBe('Penata Muda Tk. I (III/b)');
    const blank = parseRosterCsv(withRow(0, (r) => (r[C['Pangkat/Gol. Ruang']!] = '')).csv);
    expect(blank.employees[0]).not.toHaveProperty('pangkat');
    const without = parseRosterCsv(
      toCsv(
        sampleRows().map((r) => r.slice(0, -1)),
        { headers: HEADERS.slice(0, -1) },
      ),
    );
    expect(without.errors).toEqual([]);
    expect(without.employees.every((e) => e.pangkat === undefined)).toBe(true);
    const bad = withRow(4, (r) => (r[C['Pangkat/Gol. Ruang']!] = '<b>III/b</b>'));
    const errors = errorsAt(parseRosterCsv(bad.csv).errors, bad.line);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'pangkat' });
    expect(errors[0]!.id).toContain('Pangkat/Gol. Ruang');
    expect(errors[0]!.en).toContain('e.g. "Penata Muda Tk. I (III/b)"');
  });

  it('takes NIPs as Excel writes them back: ="…" (this system’s export), a leading apostrophe, spaced groups', () => {
    const rows = sampleRows();
    rows[0]![C.NIP!] = `="${rows[0]![C.NIP!]}"`;
    rows[1]![C.NIP!] = `'${rows[1]![C.NIP!]}`;
    const n = rows[2]![C.NIP!]!;
    rows[2]![C.NIP!] = `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
    rows[3]![C['NIP Atasan']!] = `="${rows[3]![C['NIP Atasan']!]}"`;
    const out = parseRosterCsv(toCsv(rows));
    expect(out.errors).toEqual([]);
    expect(out.employees).toEqual(sample.employees);
    // and the NIP cells of the CSV export read back as NIPs
    const [, first] = evaluationsCsv(sampleEvaluations().slice(0, 1), unitNames()).split('\r\n');
    const cell = readCsv(first!, ';').records[0]!.fields[0]!;
    expect(cleanNip(cell)).toBe(sampleEvaluations()[0]!.nip);
  });

  it('marks external officials and lets only them go without a rater', () => {
    const out = parseRosterCsv(toCsv(sampleRows()));
    const externals = out.employees.filter((e) => e.external);
    expect(externals.map((e) => e.jabatan)).toEqual(['Sekretaris Daerah Kota Surabaya', 'Wali Kota Surabaya']);
    expect(out.employees.filter((e) => !e.raterNip).every((e) => e.external)).toBe(true);
  });

  it('fills defaults: Bahasa id, Kepala Unit Tidak, no competencies, when those columns are missing', () => {
    const keep = ['NIP', 'Nama', 'Jabatan', 'Kode Unit', 'Nama Unit', 'NIP Atasan', 'Email', 'Jenis', 'Eksternal'];
    const rows = sampleRows().map((r) => keep.map((h) => r[C[h]!]!));
    const out = parseRosterCsv(toCsv(rows, { headers: keep }));
    expect(out.errors).toEqual([]);
    expect(out.employees.every((e) => e.locale === 'id' && !e.isUnitHead && e.competencies.length === 0)).toBe(true);
    expect(out.units.every((u) => u.headNip === undefined && u.parentUnitId === undefined)).toBe(true);
  });

  it('gives a template with the headers it reads', () => {
    const t = rosterCsvTemplate();
    expect(t.startsWith('\uFEFFNIP;Nama;Jabatan;Kode Unit;Nama Unit;NIP Atasan;Email;Bahasa;Jenis;Kepala Unit;Kompetensi')).toBe(true);
    expect(parseRosterCsv(t)).toEqual({ units: [], employees: [], errors: [] });
  });
});

describe('parseRosterCsv: errors, one per problem, on the line of the file, in Indonesian and English', () => {
  const one = (csv: string, line: number, field?: string) => {
    const out = parseRosterCsv(csv);
    const at = errorsAt(out.errors, line);
    expect(at, JSON.stringify(out.errors, null, 1)).toHaveLength(1);
    const e = at[0]!;
    if (field) expect(e.field).toBe(field);
    expect(e.id.length).toBeGreaterThan(10);
    expect(e.en.length).toBeGreaterThan(10);
    expect(e.id).not.toBe(e.en);
    return { e, out };
  };

  it('a NIP that is not 18 digits', () => {
    const { csv, line } = withRow(5, (r) => (r[C.NIP!] = '19920107201704101'));
    const { e, out } = one(csv, line, 'nip');
    expect(e.id).toContain('18 angka');
    expect(e.id).toContain('"19920107201704101"');
    expect(e.en).toContain('18 digits');
    expect(out.employees).toHaveLength(sample.employees.length - 1);
  });

  it('a NIP Excel turned into scientific notation, with how to fix it', () => {
    const { csv, line } = withRow(7, (r) => (r[C.NIP!] = '1,99201E+17'));
    const { e } = one(csv, line, 'nip');
    expect(e.id).toMatch(/notasi ilmiah/);
    expect(e.id).toMatch(/Teks/);
    expect(e.en).toMatch(/scientific notation/);
  });

  it('a bad email, language, jenis, head flag, unit code; a missing name', () => {
    const cases: [number, string, string, string][] = [
      [3, 'Email', 'bukan-email', 'email'],
      [4, 'Bahasa', 'jawa', 'locale'],
      [6, 'Jenis', 'honorer', 'jenis'],
      [8, 'Kepala Unit', 'mungkin', 'isUnitHead'],
      [9, 'Kode Unit', 'seksi pemerintahan', 'unitId'],
      [10, 'Nama', '   ', 'name'],
      [11, 'Eksternal', 'kadang', 'external'],
    ];
    const rows = sampleRows();
    for (const [i, col, value] of cases) rows[i]![C[col]!] = value;
    const out = parseRosterCsv(toCsv(rows));
    for (const [i, , value, field] of cases) {
      const at = errorsAt(out.errors, i + 2);
      expect(
        at.map((e) => e.field),
        `line ${i + 2}`,
      ).toEqual([field]);
      if (value.trim()) expect(at[0]!.en).toContain(value);
    }
    expect(out.errors.filter((e) => e.line !== 0 && !cases.some(([i]) => i + 2 === e.line)).every((e) => e.field === 'raterNip')).toBe(true);
  });

  it('a duplicate NIP, on the second line, naming the first', () => {
    const rows = sampleRows();
    const dup = [...rows[20]!];
    dup[C.Email!] = 'lain@asemrowo.surabaya.go.id';
    rows.splice(30, 0, dup);
    const { e } = one(toCsv(rows), 32, 'nip');
    expect(e.id).toContain('ganda');
    expect(e.id).toContain('baris 22');
    expect(e.en).toContain('line 22');
  });

  it('a duplicate email', () => {
    const { csv, line } = withRow(12, (r) => (r[C.Email!] = sample.employees[11]!.email));
    const { e } = one(csv, line, 'email');
    expect(e.en).toContain(`line ${line - 1}`);
  });

  it('a rater who is not in the file, a missing rater, and oneself as rater', () => {
    const rows = sampleRows();
    rows[14]![C['NIP Atasan']!] = '199001012015011001';
    rows[15]![C['NIP Atasan']!] = '';
    rows[16]![C['NIP Atasan']!] = rows[16]![C.NIP!]!;
    const out = parseRosterCsv(toCsv(rows));
    const [notIn, missing, self] = [16, 17, 18].map((l) => errorsAt(out.errors, l));
    expect(notIn).toHaveLength(1);
    expect(notIn![0]!.id).toContain('199001012015011001 tidak ada di berkas ini');
    expect(missing![0]!.id).toContain('wajib diisi');
    expect(self![0]!.en).toContain('their own rater');
    expect([...notIn!, ...missing!, ...self!].every((e) => e.field === 'raterNip')).toBe(true);
  });

  it('a rater cycle, on every line of the loop', () => {
    const rows = sampleRows();
    // The Camat's rater becomes a staff member of the kelurahan he (indirectly) rates.
    const camat = rows.findIndex((r) => r[C.Jabatan!] === 'Camat Asemrowo');
    const staff = rows.findIndex((r) => r[C['Kode Unit']!] === 'subbag-umum' && r[C['Kepala Unit']!] === 'Tidak');
    rows[camat]![C['NIP Atasan']!] = rows[staff]![C.NIP!]!;
    const out = parseRosterCsv(toCsv(rows));
    const loop = out.errors.filter((e) => e.id.startsWith('Rantai atasan berputar'));
    expect(loop.length).toBeGreaterThanOrEqual(3); // staff → Kasubbag → Sekcam → Camat → staff
    expect(loop.map((e) => e.line)).toContain(camat + 2);
    expect(loop.map((e) => e.line)).toContain(staff + 2);
    expect(loop[0]!.en).toMatch(/The rater chain loops: (\d{18} → )+\d{18}\./);
    expect(loop.every((e) => e.field === 'raterNip')).toBe(true);
  });

  it('two heads of one unit, two names for one unit, an unknown or looping parent unit', () => {
    const rows = sampleRows();
    const umum = rows.map((r, i) => [r, i] as const).filter(([r]) => r[C['Kode Unit']!] === 'subbag-umum');
    const second = umum.filter(([r]) => r[C['Kepala Unit']!] === 'Tidak')[0]![1];
    rows[second]![C['Kepala Unit']!] = 'Ya';
    const third = umum.filter(([r]) => r[C['Kepala Unit']!] === 'Tidak')[1]![1];
    rows[third]![C['Nama Unit']!] = 'Subbag Umum';
    const ekbang = rows.findIndex((r) => r[C['Kode Unit']!] === 'seksi-ekbang');
    rows[ekbang]![C['Kode Unit Induk']!] = 'kecamatan-lain';
    for (const r of rows) if (r[C['Kode Unit']!] === 'kec-asemrowo') r[C['Kode Unit Induk']!] = 'seksi-kesra'; // kec → kesra → kec
    const out = parseRosterCsv(toCsv(rows));
    expect(errorsAt(out.errors, second + 2).map((e) => e.field)).toEqual(['isUnitHead']);
    expect(errorsAt(out.errors, third + 2).map((e) => e.field)).toEqual(['unitName']);
    expect(errorsAt(out.errors, ekbang + 2)[0]!.en).toContain('Parent unit "kecamatan-lain" is not a unit in this file');
    expect(out.errors.filter((e) => e.en.startsWith('The unit tree loops'))).toHaveLength(2);
  });

  it('a missing required column stops at line 1 and imports nothing', () => {
    const headers = HEADERS.filter((h) => h !== 'Email');
    const rows = sampleRows().map((r) => r.filter((_, i) => i !== C.Email));
    const out = parseRosterCsv(toCsv(rows, { headers }));
    expect(out.employees).toEqual([]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ line: 1, field: 'email' });
    expect(out.errors[0]!.id).toContain('Kolom Email tidak ditemukan');
  });

  it('counts lines as the file has them: a quoted line break, blank lines and a sep= line move them', () => {
    const rows = sampleRows();
    rows[2]![C.Jabatan!] = 'Pengelola Layanan\r\nKependudukan'; // this record spans lines 4–5
    rows[3]![C.Email!] = 'salah';
    const csv = `sep=;\r\n\r\n${toCsv(rows, { bom: false }).replace(/\r\n/, '\r\n\r\n')}`;
    // sep= (1), blank (2), header (3), blank (4), rows from 5; row 2 spans 7–8, so row 3 is on line 9
    const out = parseRosterCsv(csv);
    expect(out.errors.map((e) => [e.line, e.field])).toEqual([[9, 'email']]);
    expect(out.employees.find((e) => e.nip === rows[2]![C.NIP!])!.jabatan).toBe('Pengelola Layanan\r\nKependudukan');
  });

  it('an unclosed quote, and a row with more fields than the header', () => {
    const rows = sampleRows();
    rows[10]!.push('lebih');
    const lines = toCsv(rows).split('\r\n');
    lines[40] = lines[40]!.replace(/;/, ';"'); // opens a quote that never closes
    const out = parseRosterCsv(lines.join('\r\n'));
    expect(errorsAt(out.errors, 12)[0]!.en).toContain('more than the header');
    const quote = errorsAt(out.errors, 41)[0]!;
    expect(quote.id).toContain('tidak pernah ditutup');
    expect(quote.en).toContain('never closed');
  });

  it(`refuses more than ${ROSTER_MAX_ROWS.toLocaleString('en')} rows with one clear error, importing nothing`, () => {
    const row = sampleRows()[5]!.join(';');
    const csv = [HEADERS.join(';'), ...Array.from({ length: ROSTER_MAX_ROWS + 5 }, () => row)].join('\r\n');
    const out = parseRosterCsv(csv);
    expect(out.employees).toEqual([]);
    expect(out.units).toEqual([]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.line).toBe(ROSTER_MAX_ROWS + 2);
    expect(out.errors[0]!.id).toContain('lebih dari 20.000 baris pegawai');
    expect(out.errors[0]!.en).toContain('more than 20,000 employee rows');
    // exactly at the limit it is read (and here reports the duplicates, capped)
    const atLimit = parseRosterCsv([HEADERS.join(';'), ...Array.from({ length: ROSTER_MAX_ROWS }, () => row)].join('\r\n'));
    expect(atLimit.errors.at(-1)!.en).toMatch(/more errors are not shown/);
  }, 30_000); // two 20,000-row files: ~2 s alone, more on a shared, loaded machine

  it('refuses an empty file or a file too large, and never throws on any input', () => {
    expect(parseRosterCsv('').errors[0]!.line).toBe(0);
    expect(parseRosterCsv('\uFEFF\r\n\r\n').errors[0]!.en).toContain('empty');
    expect(parseRosterCsv('x'.repeat(10_000_001)).errors[0]!.en).toContain('too large');
    expect(parseRosterCsv(null as unknown as string).errors).toHaveLength(1);
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const out = parseRosterCsv(s);
        return Array.isArray(out.errors) && Array.isArray(out.employees) && Array.isArray(out.units);
      }),
      { numRuns: 300 },
    );
    const header = HEADERS.join(';');
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('', '"', ';', '\n', 'Ya', '199201072017041010', 'a@b.id', 'PNS', 'x'), { maxLength: 14 }), { maxLength: 8 }),
        (cells) => {
          const out = parseRosterCsv(`${header}\n${cells.map((r) => r.join(';')).join('\n')}`);
          return out.errors.every((e) => Number.isInteger(e.line) && e.id && e.en);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the CSV reader', () => {
  it('detects the separator from the header line', () => {
    expect(detectSeparator('NIP;Nama;Jabatan')).toBe(';');
    expect(detectSeparator('NIP,Nama,Jabatan')).toBe(',');
    expect(detectSeparator('NIP\tNama\tJabatan')).toBe('\t');
    expect(detectSeparator('"NIP;x",Nama,Jabatan')).toBe(',');
  });

  it('reads quoted fields with doubled quotes, separators and line breaks, with start lines', () => {
    const { records } = readCsv('a;"b;""c""\nd";e\r\nf;g\n', ';');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b;"c"\nd', 'e'] },
      { line: 3, fields: ['f', 'g'] },
    ]);
  });
});

describe('importRoster (the use case, against a fake writer)', () => {
  const stats = { items: 0, unchanged: 0, calls: 0, retries: 0, unprocessed: 0, ms: 0 };
  const fakeWriter = (result?: Awaited<ReturnType<RosterWriter>>) => {
    const calls: Parameters<RosterWriter>[] = [];
    const write: RosterWriter = async (...args) => {
      calls.push(args);
      return result ?? { complete: true, stats: { ...stats, items: args[1].units.length + args[1].employees.length } };
    };
    return { write, calls };
  };

  it('writes every unit and employee of a good file once, with a deadline inside the request', async () => {
    const { write, calls } = fakeWriter();
    const before = Date.now();
    const out = await importRoster(toCsv(sampleRows()), 'kec-asemrowo', write);
    expect(out).toMatchObject({ status: 'imported', units: sample.units.length, employees: sample.employees.length });
    expect(calls).toHaveLength(1);
    const [agencyId, roster, options] = calls[0]!;
    expect(agencyId).toBe('kec-asemrowo');
    expect(roster.employees).toEqual(sample.employees);
    expect(options.deadline).toBeGreaterThanOrEqual(before + ROSTER_WRITE_BUDGET_MS);
    expect(options.deadline).toBeLessThanOrEqual(Date.now() + ROSTER_WRITE_BUDGET_MS);
  });

  it('a file with a bad row never reaches the writer', async () => {
    const { write, calls } = fakeWriter();
    const { csv, line } = withRow(3, (r) => {
      r[C.NIP!] = '1990';
    });
    const out = await importRoster(csv, 'kec-asemrowo', write);
    expect(out.status).toBe('invalid');
    expect(out.status === 'invalid' && out.errors.some((e) => e.line === line && e.field === 'nip')).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it('a write cut short is "incomplete", saying in both languages how much was stored and that the same file may be sent again', async () => {
    const { write } = fakeWriter({ complete: false, written: 1200, total: 2500, reason: 'deadline', stats });
    const out = await importRoster(toCsv(sampleRows()), 'kec-asemrowo', write);
    expect(out).toMatchObject({ status: 'incomplete', written: 1200, total: 2500 });
    expect(out.status === 'incomplete' && out.id).toContain('1.200 dari 2.500');
    expect(out.status === 'incomplete' && out.en).toContain('1,200 of 2,500');
  });
});
