/**
 * HR console (roster): leaving a preview's bad rows out of the file keeps everything else byte for byte
 * (line ends, quotes, a value spanning lines), and the import's checks then pass on what is left.
 */
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../shared/application/roster/roster-import';
import { fold, withoutRows } from '../../../web/src/screens/hr/roster-api';

const HEAD = 'NIP;Nama;Jabatan;Kode Unit;Nama Unit;NIP Atasan;Email;Jenis;Kepala Unit;Eksternal';
const SEKDA = '196805121990031005;Dr. Ikhsan;Sekda;pemkot;Pemkot;;sekda@example.go.id;PNS;ya;ya';
const LURAH =
  '197811122005011004;"Rahmat ""Amat"" Hidayat";"Lurah\r\nKalianak";kel-kalianak;Kelurahan Kalianak;196805121990031005;lurah@example.go.id;PNS;ya;tidak';
const BAD = '1990;Bayu;"Staf;\r\nloket";kel-kalianak;Kelurahan Kalianak;197811122005011004;bayu@example.go.id;PNS;tidak;tidak';
const STAFF = '199106152019032011;Wulan Sari;Staf;kel-kalianak;Kelurahan Kalianak;197811122005011004;wulan@example.go.id;PNS;tidak;tidak';

describe('withoutRows: the file without the preview’s bad rows', () => {
  it('drops exactly the lines of each bad row (a quoted value may span lines) and keeps the rest as it was', () => {
    const csv = [HEAD, SEKDA, LURAH, BAD, STAFF, ''].join('\r\n');
    // Lines: 1 header, 2 Sekda, 3–4 Lurah (quoted line break), 5–6 the bad row, 7 Wulan.
    expect(parseRosterCsv(csv).errors.map((e) => [e.line, e.field])).toEqual([[5, 'nip']]);
    const kept = withoutRows(csv, [{ line: 5, endLine: 6 }]);
    expect(kept).toBe([HEAD, SEKDA, LURAH, STAFF, ''].join('\r\n'));
    const parsed = parseRosterCsv(kept);
    expect(parsed.errors).toEqual([]);
    expect(parsed.employees.find((e) => e.nip === '197811122005011004')).toMatchObject({ name: 'Rahmat "Amat" Hidayat', jabatan: 'Lurah\r\nKalianak' });
  });

  it('LF files, several rows, and nothing to drop', () => {
    const csv = ['h', 'a', 'b', 'c', 'd'].join('\n');
    expect(
      withoutRows(csv, [
        { line: 2, endLine: 2 },
        { line: 4, endLine: 5 },
      ]),
    ).toBe('h\nb\n');
    expect(withoutRows(csv, [])).toBe(csv);
  });
});

describe('fold: search without case or accents', () => {
  it('finds "Siti" as "siti" and "Désy" as "desy"', () => {
    expect(fold('Siti Aisyah')).toContain('siti');
    expect(fold('Désy')).toBe('desy');
  });
});
