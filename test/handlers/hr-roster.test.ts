/**
 * HR console (roster): the roster read routes (people picked by name, units; HR of the token's agency
 * only, nothing of another agency) and the import's preview (per row: new, changed with the fields,
 * unchanged, or the row's errors with the lines it spans; never a write), on the memory table.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../support/lambda';

setEnv();
const { prime, writeCount } = await import('../support/memory-table');
const { invoke } = await import('../support/lambda');
const { P, as, seedWorld } = await import('../support/world');
const { handler } = await import('../../functions/hr-api/handler');
const { API_DOCS } = await import('../../shared/http/openapi');

const csvHeaders = { 'content-type': 'text/csv' };
const EXAMPLE = API_DOCS['POST /v1/roster/import/preview']!.body!.example as string;

beforeEach(() => prime(() => seedWorld({ stage: 'PLANNING', status: 'SKP_DRAFT', othersStatus: 'SKP_DRAFT', otherAgency: true })));

describe('GET /v1/roster/employees', () => {
  it('HR reads the agency’s roster in NIP order, never another agency’s, and writes nothing', async () => {
    const res = await invoke(handler, 'GET', '/v1/roster/employees', {}, { caller: as.hr });
    expect(res.status, res.raw).toBe(200);
    const nips = res.body.items.map((p: { nip: string }) => p.nip);
    expect(nips).toContain(P.self);
    expect(nips).not.toContain(P.x);
    expect(nips).toEqual([...nips].sort());
    expect(res.body.items.find((p: { nip: string }) => p.nip === P.self)).toMatchObject({
      name: 'Siti Rahmawati',
      unitId: 'seksi-kesra',
      raterNip: P.rater,
      isUnitHead: false,
    });
    expect(writeCount()).toBe(0);
  });

  it('filters by part of the name in any case, and by unit', async () => {
    const byName = await invoke(handler, 'GET', '/v1/roster/employees', {}, { caller: as.hr, query: { q: 'siti RAHMA' } });
    expect(byName.body.items.map((p: { nip: string }) => p.nip)).toEqual([P.self]);
    const byUnit = await invoke(handler, 'GET', '/v1/roster/employees', {}, { caller: as.hr, query: { unitId: 'kel-tambak' } });
    expect(byUnit.body.items.map((p: { nip: string }) => p.nip).sort()).toEqual([P.lurah, P.staffTambak].sort());
  });

  it('pages with a signed cursor bound to the query; a forged or foreign cursor → 400', async () => {
    const first = await invoke(handler, 'GET', '/v1/roster/employees', {}, { caller: as.hr, query: { limit: '3' } });
    expect(first.body.items).toHaveLength(3);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await invoke(handler, 'GET', '/v1/roster/employees', {}, { caller: as.hr, query: { limit: '3', cursor: first.body.next } });
    expect(second.body.items[0].nip > first.body.items[2].nip).toBe(true);
    const foreign = await invoke(handler, 'GET', '/v1/roster/employees', {}, { caller: as.hr, query: { limit: '3', q: 'a', cursor: first.body.next } });
    expect(foreign.status).toBe(400);
    expect((await invoke(handler, 'GET', '/v1/roster/employees', {}, { caller: as.hr, query: { cursor: 'forged.cursor' } })).status).toBe(400);
    expect((await invoke(handler, 'GET', '/v1/roster/employees', {}, { caller: as.hr, query: { limit: '0' } })).status).toBe(400);
  });

  it('anyone but HR → 403', async () => {
    expect((await invoke(handler, 'GET', '/v1/roster/employees', {}, { caller: as.rater })).status).toBe(403);
    expect((await invoke(handler, 'GET', '/v1/roster/units', {}, { caller: as.self })).status).toBe(403);
  });
});

describe('GET /v1/roster/units', () => {
  it('HR gets the agency’s units by name, with their parent and head', async () => {
    const res = await invoke(handler, 'GET', '/v1/roster/units', {}, { caller: as.hr });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((u: { unitId: string }) => u.unitId);
    expect(ids).toEqual(expect.arrayContaining(['kecamatan', 'seksi-kesra', 'kel-tambak']));
    expect(ids).not.toContain('kel-lain');
    expect(res.body.items.find((u: { unitId: string }) => u.unitId === 'rw-tambak')).toMatchObject({ name: 'RW Tambak', parentUnitId: 'kel-tambak' });
  });
});

describe('POST /v1/roster/import/preview', () => {
  it('a file with one bad row: that row’s error with its lines, the good rows as new; nothing written', async () => {
    const res = await invoke(handler, 'POST', '/v1/roster/import/preview', {}, { caller: as.hr, raw: EXAMPLE, headers: csvHeaders });
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({ valid: false, errorRows: 1, rowsTotal: 3, fileErrors: [] });
    const bad = res.body.rows.find((r: { status: string }) => r.status === 'ERROR');
    expect(bad).toMatchObject({ line: 4, endLine: 4, nip: '1990', name: 'Siti Rahmawati' });
    expect(bad.errors[0]).toMatchObject({ field: 'nip', id: expect.stringContaining('18 angka'), en: expect.stringContaining('18 digits') });
    // The Sekda is new; the Camat is stored (the world's head, P.head) under another unit and jabatan.
    expect(res.body.rows.find((r: { line: number }) => r.line === 2)).toMatchObject({ status: 'NEW', nip: '196805121990031005' });
    expect(res.body.rows.find((r: { line: number }) => r.line === 3)).toMatchObject({
      status: 'CHANGED',
      nip: P.head,
      changed: expect.arrayContaining(['jabatan', 'unitId']),
    });
    expect(res.body.employees).toMatchObject({ total: 2, new: 1, changed: 1, unchanged: 0 });
    expect(res.body.newUnits.map((u: { unitId: string }) => u.unitId).sort()).toEqual(['kec-asemrowo', 'pemkot-surabaya']);
    expect(writeCount()).toBe(0);
  });

  it('compares with what is stored: unchanged, or changed with the fields that differ', async () => {
    const csv = [
      'NIP;Nama;Jabatan;Kode Unit;Nama Unit;NIP Atasan;Email;Jenis;Kepala Unit;Eksternal',
      `${P.head};Drs. Bambang Sutrisno;Camat;kecamatan;Kecamatan Asemrowo;;camat@example.go.id;PNS;ya;ya`,
      `${P.self};Siti Rahmawati;Staf;kel-tambak;Kelurahan Tambak;${P.head};siti@example.go.id;PNS;tidak;tidak`,
    ].join('\n');
    const res = await invoke(handler, 'POST', '/v1/roster/import/preview', {}, { caller: as.hr, raw: csv, headers: csvHeaders });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.valid).toBe(true);
    const self = res.body.rows.find((r: { nip: string }) => r.nip === P.self);
    expect(self.status).toBe('CHANGED');
    expect(self.changed).toEqual(expect.arrayContaining(['raterNip', 'unitId']));
    expect(self.changed).not.toContain('name');
    expect(writeCount()).toBe(0);
  });

  it('a header without the required columns: a file error, no rows judged', async () => {
    const res = await invoke(
      handler,
      'POST',
      '/v1/roster/import/preview',
      {},
      { caller: as.hr, raw: 'Nama;Email\nSiti;siti@example.go.id\n', headers: csvHeaders },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: false, rows: [], rowsTotal: 1 });
    expect(res.body.fileErrors[0]).toMatchObject({ line: 1, id: expect.stringContaining('Kolom NIP') });
  });

  it('anyone but HR → 403, nothing read or written', async () => {
    const res = await invoke(handler, 'POST', '/v1/roster/import/preview', {}, { caller: as.rater, raw: EXAMPLE, headers: csvHeaders });
    expect(res.status).toBe(403);
    expect(writeCount()).toBe(0);
  });
});
