/**
 * The CSV export: bytes Excel with Indonesian regional settings opens cleanly (BOM, ';', CRLF), RFC 4180
 * quoting, NIPs kept as 18-digit text, formula injection neutralised, and a round trip through an
 * independent RFC 4180 parser written here.
 */
import { describe, expect, it } from 'vitest';
import type { EvaluationRecord } from '../../../shared/adapters/dynamodb/repository';
import {
  csvField,
  csvFileName,
  csvHeaders,
  csvHeadersFor,
  evaluationsCsv,
  excelText,
  neutraliseFormula,
  unwrapExcelText,
} from '../../../shared/adapters/render/report/csv';
import { sampleEvaluations, unitNames } from './fixtures';

/** A deliberately small RFC 4180 reader: quoted fields, doubled quotes, CRLF record ends. */
function parseCsv(text: string, sep = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break outside quotes at ${i}`);
    else field += c;
  }
  if (field || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

const base: EvaluationRecord = {
  cycleId: 'kec-asemrowo-2026',
  nip: '199201072017041010',
  name: 'Dimas Arya Pratama, S.Kom.',
  jabatan: 'Pranata Komputer Ahli Pertama',
  unitId: 'subbag-umum',
  raterNip: '197702062002031010',
  approverNip: '198010102003012007',
  isUnitHead: false,
  status: 'FINAL',
  version: 3,
  policyId: 'permenpanrb-6-2022/v1',
  predikat: 'BAIK',
  updatedAt: '2027-02-10T01:05:00.000Z',
};
const units = new Map([['subbag-umum', 'Subbagian Umum dan Kepegawaian']]);
const ID_HEADERS = [
  'NIP',
  'Nama',
  'Jabatan',
  'Kode Unit',
  'Unit Kerja',
  'NIP Pejabat Penilai',
  'NIP Atasan Pejabat Penilai',
  'Status',
  'Rating Hasil Kerja',
  'Rating Perilaku Kerja',
  'Predikat Kinerja',
  'Keberatan',
  'Alasan Keberatan',
  'Tindak Lanjut',
  'Rekomendasi Pelatihan',
  'Diperbarui (WIB)',
];
const col = (name: string) => ID_HEADERS.indexOf(name);

describe('evaluationsCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF, never a bare LF', () => {
    const csv = evaluationsCsv([base], units);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('has the Indonesian headers, separated by ";" (the list separator of Excel in id-ID), and no sep= line', () => {
    const csv = evaluationsCsv([], units);
    expect(csv).toBe(`\uFEFF${ID_HEADERS.join(';')}\r\n`);
    expect(csvHeaders('id')).toEqual(ID_HEADERS);
    expect(csv).not.toMatch(/sep=/i);
  });

  it('writes English headers and labels for locale en, separated by "," (the English list separator) by default', () => {
    const csv = evaluationsCsv([{ ...base, score: { resultsRating: 'DI_ATAS', behaviour: { final: 'SESUAI' } } }], units, 'en');
    expect(csv.split('\r\n')[0]).toBe(
      `\uFEFF${csvHeaders('en')
        .map((h) => (/[,;"]/.test(h) ? `"${h}"` : h))
        .join(',')}`,
    );
    const [header, row] = parseCsv(csv.slice(1), ',');
    expect(header).toEqual(csvHeaders('en'));
    expect(header![0]).toBe('NIP');
    expect(row![header!.indexOf('Performance predikat')]).toBe('Good');
    expect(row![header!.indexOf('Results rating')]).toBe('Above expectations');
    expect(row![header!.indexOf('Status')]).toBe('Final');
    expect(row![header!.indexOf('Name')]).toBe('Dimas Arya Pratama, S.Kom.'); // the comma is quoted
  });

  it('keeps an 18-digit NIP as text: ="…" RFC-quoted, so Excel neither rounds it nor shows 1,99E+17', () => {
    const csv = evaluationsCsv([base], units);
    expect(csv).toContain('"=""199201072017041010""";');
    const [, row] = parseCsv(csv.slice(1));
    expect(row![col('NIP')]).toBe('="199201072017041010"');
    expect(row![col('NIP Pejabat Penilai')]).toBe('="197702062002031010"');
    expect(row![col('NIP Atasan Pejabat Penilai')]).toBe('="198010102003012007"');
    expect(unwrapExcelText(row![col('NIP')]!)).toBe('199201072017041010');
    // 18 digits are beyond a double's 15 significant digits: this is what a number cell would lose.
    expect(String(Number('199201072017041010'))).not.toBe('199201072017041010');
  });

  it('quotes fields holding ; , " CR or LF per RFC 4180, doubling quotes, and reads back exactly', () => {
    const tricky: EvaluationRecord = {
      ...base,
      name: 'Siti "Ais" Aisyah; S.E., M.M.',
      jabatan: 'Analis\r\nKebijakan',
      objection: { reason: 'Baris satu\nBaris dua; dengan "kutip"', requestedPredikat: 'BAIK', decision: 'GRANTED' },
    };
    const csv = evaluationsCsv([tricky], units);
    expect(csv).toContain('"Siti ""Ais"" Aisyah; S.E., M.M."');
    const [, row] = parseCsv(csv.slice(1));
    expect(row![col('Nama')]).toBe('Siti "Ais" Aisyah; S.E., M.M.');
    expect(row![col('Jabatan')]).toBe('Analis\nKebijakan'); // a line break inside a cell is a plain LF
    expect(row![col('Alasan Keberatan')]).toBe('Baris satu\nBaris dua; dengan "kutip"');
    expect(row![col('Keberatan')]).toBe('Dikabulkan (meminta Baik)');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a"b')).toBe('"a""b"');
  });

  it('neutralises formula injection with a leading apostrophe, in every column but its own NIP formulas', () => {
    const attacks = ['=HYPERLINK("http://evil.example","klik")', '+62-811', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1', '  =1+1'];
    const rows = attacks.map((a, i) => ({ ...base, nip: `19920107201704101${i}`, name: a, jabatan: a, unitId: a }));
    const parsed = parseCsv(evaluationsCsv(rows, new Map(), 'id').slice(1)).slice(1);
    parsed.forEach((row, i) => {
      const a = attacks[i]!.replace(/\r/g, '\n');
      expect(row[col('Nama')]).toBe(`'${a}`);
      expect(row[col('Jabatan')]).toBe(`'${a}`);
      expect(row[col('Unit Kerja')]).toBe(`'${a}`); // the unit name falls back to the id
    });
    for (const row of parsed)
      row.forEach((cell, c) => {
        if (/^[=+\-@\t\r]/.test(cell)) expect(['NIP', 'NIP Pejabat Penilai', 'NIP Atasan Pejabat Penilai']).toContain(ID_HEADERS[c]);
      });
    // a NIP field that is not all digits never becomes a formula
    expect(excelText('=1+1')).toBe("'=1+1");
    expect(excelText('1980"&CMD')).toBe('1980"&CMD');
    expect(neutraliseFormula('Baik')).toBe('Baik');
    const [, row] = parseCsv(evaluationsCsv([{ ...base, nip: '=cmd|"/c calc"!A1' }], units).slice(1));
    expect(row![col('NIP')]).toBe(`'=cmd|"/c calc"!A1`);
  });

  it('labels status, ratings, predikat, objection and follow-up in Indonesian; empty cells for what is not there yet', () => {
    const early: EvaluationRecord = { ...base, status: 'AWAITING_RATING', predikat: undefined, raterNip: undefined, approverNip: undefined };
    const [, row] = parseCsv(evaluationsCsv([early], units).slice(1));
    expect(row![col('Status')]).toBe('Menunggu penilaian');
    expect(row![col('Predikat Kinerja')]).toBe('');
    expect(row![col('NIP Pejabat Penilai')]).toBe('');
    expect(row![col('Keberatan')]).toBe('');
    expect(row![col('Diperbarui (WIB)')]).toBe('2027-02-10 08:05');
  });

  it('round-trips the whole Asemrowo cohort: one row per evaluation, every value readable back', () => {
    const evaluations = sampleEvaluations();
    const names = unitNames();
    const csv = evaluationsCsv(evaluations, names);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual(ID_HEADERS);
    expect(rows).toHaveLength(evaluations.length);
    rows.forEach((row, i) => {
      const e = evaluations[i]!;
      expect(row).toHaveLength(ID_HEADERS.length);
      expect(unwrapExcelText(row[col('NIP')]!)).toBe(e.nip);
      expect(row[col('Nama')]).toBe(e.name);
      expect(row[col('Jabatan')]).toBe(e.jabatan);
      expect(row[col('Unit Kerja')]).toBe(names.get(e.unitId));
      expect(unwrapExcelText(row[col('NIP Pejabat Penilai')]!)).toBe(e.raterNip ?? '');
      expect(row[col('Status')]).toBe('Final');
      expect(['Sangat Baik', 'Baik', 'Butuh Perbaikan']).toContain(row[col('Predikat Kinerja')]);
      expect(['Di Atas Ekspektasi', 'Sesuai Ekspektasi', 'Di Bawah Ekspektasi']).toContain(row[col('Rating Hasil Kerja')]);
    });
    const sb = rows.find((r) => r[col('Predikat Kinerja')] === 'Sangat Baik')!;
    expect(sb[col('Tindak Lanjut')]).toContain('Penghargaan');
    const bp = rows.filter((r) => r[col('Predikat Kinerja')] === 'Butuh Perbaikan');
    expect(bp.some((r) => / JP\)/.test(r[col('Rekomendasi Pelatihan')]!))).toBe(true);
    const objected = rows.filter((r) => r[col('Keberatan')] !== '');
    expect(objected).toHaveLength(1);
    expect(objected[0]![col('Keberatan')]).toBe('Ditolak (meminta Baik)');
  });
});

describe('csvFileName and the download headers', () => {
  it('names the file after the cycle, with only safe characters', () => {
    expect(csvFileName('kec-asemrowo-2026')).toBe('penilaian-kinerja-kec-asemrowo-2026.csv');
    expect(csvFileName('../../etc/passwd"; x')).toBe('penilaian-kinerja-etc-passwd-x.csv');
    expect(csvFileName('')).toBe('penilaian-kinerja-siklus.csv');
    expect(csvFileName('kecamatan asemrowo é 2026')).toMatch(/^penilaian-kinerja-[A-Za-z0-9._-]+\.csv$/);
  });

  it('sends UTF-8 CSV as an attachment under that name', () => {
    const h = csvHeadersFor('kec-asemrowo-2026');
    expect(h['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(h['content-disposition']).toBe('attachment; filename="penilaian-kinerja-kec-asemrowo-2026.csv"');
  });
});
