/**
 * The documents on the local stack (DynamoDB Local, s3rver, the local HTTP API and Lambda endpoint):
 * each document made from stored data, downloaded as its reader would, read back with `pdftotext`
 * (names, NIPs, figures, the verification code and hash against the stored data); the public page says
 * "asli / berlaku" for the current document and "diganti" once a change (a coaching session recorded)
 * made a new one in the background. One page of each document is kept as PNG in test-results/.
 */
import '../../local/sfn/polyfill';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsSummary, exportDocuments } from '../../local/documents';
import { type LocalStack, startLocalStack } from '../../local/stack';
import type { EvaluationRecord } from '../../shared/domain/records';
import {
  AGENCY,
  CYCLE,
  coachingPlan,
  docAudit,
  docPeople,
  docUnits,
  finalEvaluation,
  P,
  peerEvaluation,
  raterEvaluation,
  unitCalibration,
} from '../support/documents-fixtures';

const OUT = path.resolve('test-results/documents');
const work = mkdtempSync(path.join(tmpdir(), 'asn-docs-'));
let stack: LocalStack;
let tokens: Record<'self' | 'rater' | 'hr', string>;

async function api(method: string, url: string, token: string | undefined, body?: unknown) {
  const res = await fetch(`${stack.apiUrl}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json, text };
}

/** Downloads a document through its link and returns its text (pdftotext -layout), keeping the PDF and a PNG of page 1. */
async function read(code: string, name: string): Promise<string> {
  const link = await api('GET', `/v1/documents/${code}`, tokens.hr);
  expect(link.status, link.text).toBe(200);
  const res = await fetch(link.body.url);
  expect(res.headers.get('content-disposition')).toContain('attachment');
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(OUT, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  stack = await startLocalStack({ workDir: work, timeScale: 1e-5 });
  const { ddb } = await import('../../shared/adapters/aws-clients');
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const { keys } = await import('../../shared/adapters/dynamodb/keys');
  const { DEFAULT_SCHEDULE } = await import('../../shared/domain/lifecycle/schedule');
  const put = (Item: Record<string, unknown>) => ddb.send(new PutCommand({ TableName: stack.tableName, Item }));
  // The stored data the documents show: a final 2026 cycle with two employees of one unit.
  await put({
    ...keys.cycle(CYCLE),
    type: 'CYCLE',
    cycleId: CYCLE,
    agencyId: AGENCY,
    year: 2026,
    policyId: finalEvaluation.policyId,
    status: 'COMPLETED',
    stage: 'FOLLOW_UP',
    version: 9,
    orgPredikat: 'BAIK',
    schedule: DEFAULT_SCHEDULE,
    createdAt: '2026-01-02T01:00:00.000Z',
  });
  await put({ ...keys.stage(CYCLE, 'FOLLOW_UP'), type: 'STAGE', cycleId: CYCLE, stage: 'FOLLOW_UP', total: 2, done: 2, closedAt: '2027-01-20T03:00:00.000Z' });
  for (const [unitId, name] of docUnits)
    await put({ ...keys.unit(AGENCY, unitId), type: 'UNIT', agencyId: AGENCY, unitId, name, ...(unitId !== 'kecamatan' ? { parentUnitId: 'kecamatan' } : {}) });
  for (const e of docPeople.values()) await put({ ...keys.employee(AGENCY, e.nip), type: 'EMPLOYEE', agencyId: AGENCY, ...e });
  for (const e of [finalEvaluation, peerEvaluation] as EvaluationRecord[])
    await put({ ...keys.evaluation(CYCLE, e.nip), ...keys.evaluationByUnit(CYCLE, e.unitId, e.status, e.nip), type: 'EVALUATION', ...e });
  // The rater's own evaluation (not in the unit's lists): her SKP's RHK is what the employee's SKP supports.
  await put({ ...keys.evaluation(CYCLE, P.rater), type: 'EVALUATION', ...raterEvaluation });
  for (const a of docAudit) await put({ ...keys.audit(CYCLE, P.self, a.at, a.eventId), type: 'AUDIT', cycleId: CYCLE, nip: P.self, ...a });
  await put({ ...keys.unitStats(CYCLE, 'seksi-kesra'), type: 'UNITSTAT', cycleId: CYCLE, unitId: 'seksi-kesra', employees: 2 });
  await put({ ...keys.calibration(CYCLE, 'seksi-kesra'), type: 'CALIBRATION', ...unitCalibration });
  // Opened today (WIB): the session recorded below is held today.
  const plan = { ...coachingPlan(), openedOn: today() };
  await put({ ...keys.coachingPlan(CYCLE, P.self), ...keys.openCoachingPlan(AGENCY, plan.nextSessionDue!, CYCLE, P.self), type: 'COACHING_PLAN', ...plan });
  tokens = { self: await stack.token(P.self, ['employee']), rater: await stack.token(P.rater, ['employee']), hr: await stack.token(P.hr, ['hr', 'employee']) };
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const made: Record<string, { code: string; hash: string }> = {};
function today() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

describe('documents as PDF, from stored data only', () => {
  it.each([
    [
      'SKP',
      'skp',
      [
        'SASARAN KINERJA PEGAWAI',
        'Siti Rahmawati',
        P.self,
        'Rina Kartika',
        P.rater,
        'Pembinaan posyandu',
        '90 persen',
        'Menindaklanjuti setiap keluhan',
        // Each person's pangkat/golongan (the superior's RHK text is checked below).
        'Pangkat/Gol. Ruang',
        'Penata Muda Tk. I (III/b)',
        'Penata Tk. I (III/d)',
      ],
    ],
    [
      'EVALUASI_PERIODIK',
      'evaluasi-periodik',
      ['EVALUASI KINERJA PEGAWAI PERIODIK', 'Semester I 2026', P.self, '42,5', 'posyandu-q2.pdf', 'Di Bawah Ekspektasi'],
    ],
    [
      'EVALUASI_TAHUNAN',
      'evaluasi-tahunan',
      [
        'DOKUMEN EVALUASI KINERJA PEGAWAI',
        P.self,
        'Drs. Bambang Sutrisno',
        P.head,
        '80%',
        'Butuh Perbaikan',
        'Dinas Kesehatan Kota Surabaya, 32 JP',
        'Evaluasi kinerja periodik',
        'Semester I Di Bawah Ekspektasi 10 Juli 2026',
      ],
    ],
    ['CATATAN_PEMBINAAN', 'catatan-pembinaan', ['CATATAN PEMBINAAN KINERJA PEGAWAI', 'DRAFT', P.self, 'RHK: Pembinaan posyandu', 'Pemeriksaan ulang']],
  ] as const)('%s: names, NIPs, figures, the approval, the verification code and hash as stored', async (kind, name, expected) => {
    const res = await api('POST', `/v1/cycles/${CYCLE}/evaluations/${P.self}/documents`, tokens.self, { kind });
    expect(res.status, res.text).toBe(201);
    const { code, hash } = res.body.document;
    made[kind] = { code, hash };
    const text = (await read(code, name)).replace(/\s+/g, ' ');
    for (const s of expected) expect(text).toContain(s);
    expect(text).toContain(`Kode verifikasi: ${code}`);
    expect(text).toContain(hash);
    expect(text).toContain(`${stack.apiUrl}/v1/public/documents/${code}`);
    if (kind !== 'CATATAN_PEMBINAAN') expect(text).toContain('Disetujui dalam sistem oleh');
    if (kind === 'SKP') {
      // "RHK atasan yang diintervensi": the superior's RHK as text, not its id (read in stream order: the cell is not interleaved with its row).
      const raw = execFileSync('pdftotext', [path.join(work, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(raw).toContain('Meningkatnya cakupan layanan kesehatan dasar di Kecamatan Asemrowo');
      expect(raw).not.toContain('rhk-atasan-1');
    }
  });

  it('Penetapan Predikat of the unit: the organisation predikat, the curve and each employee’s predikat', async () => {
    const res = await api('POST', `/v1/cycles/${CYCLE}/documents`, tokens.hr, { unitId: 'seksi-kesra' });
    expect(res.status, res.text).toBe(201);
    const text = (await read(res.body.document.code, 'penetapan-predikat')).replace(/\s+/g, ' ');
    for (const s of [
      'PENETAPAN PREDIKAT KINERJA PEGAWAI',
      'Predikat kinerja organisasi: Baik',
      'Baik paling banyak 70%',
      P.self,
      P.peer,
      'Dedi Kurniawan',
      res.body.document.code,
    ])
      expect(text).toContain(s);
  });

  it('the verification page says "asli / berlaku", and "diganti" after a change made a new version', async () => {
    const { code } = made.CATATAN_PEMBINAAN!;
    const before = await api('GET', `/v1/public/documents/${code}`, undefined);
    expect(before.status).toBe(200);
    expect(before.text).toContain('asli / berlaku');
    // The rater records a session: the coaching record is made again in the background (the documents function via Lambda).
    const session = await api('POST', `/v1/cycles/${CYCLE}/evaluations/${P.self}/coaching/sessions`, tokens.rater, {
      heldOn: today(),
      notes: 'Membahas jadwal kunjungan posyandu mingguan',
      actionIds: ['A1'],
    });
    expect(session.status, session.text).toBe(201);
    await stack.lambda.idle();
    expect(stack.lambda.failures).toEqual([]);
    const after = await api('GET', `/v1/public/documents/${code}`, undefined);
    expect(after.text).toContain('diganti');
    const list = await api('GET', `/v1/cycles/${CYCLE}/evaluations/${P.self}/documents`, tokens.self);
    const current = list.body.documents.find((d: { kind: string }) => d.kind === 'CATATAN_PEMBINAAN');
    expect(current.code).not.toBe(code);
    expect(after.text).toContain(current.code);
    expect((await read(current.code, 'catatan-pembinaan-v2')).replace(/\s+/g, ' ')).toContain('Membahas jadwal');
    // The evaluation detail lists the current documents too (additive field).
    const detail = await api('GET', `/v1/cycles/${CYCLE}/evaluations/${P.self}`, tokens.rater);
    expect(detail.body.documents.map((d: { code: string }) => d.code)).toContain(current.code);
  });

  it('npm start’s documents step (local/documents.ts): every employee’s SKP and annual evaluation, a periodic one, the coaching record and the Penetapan, readable', async () => {
    const dir = path.join(work, 'run-documents');
    const lines: string[] = [];
    const outcome = {
      cycleId: CYCLE,
      hrNip: P.hr,
      summary: {},
      evaluations: [finalEvaluation, peerEvaluation].map((e) => ({ nip: e.nip, name: e.name, unitId: e.unitId, status: e.status, predikat: e.predikat! })),
      emails: 0,
      decisionsByLink: 0,
      ikm: [],
    };
    const out = await exportDocuments(stack, outcome, dir, (l) => lines.push(l));
    expect(out.coached).toEqual([P.self]);
    const names = readdirSync(dir).sort();
    for (const nip of [P.self, P.peer]) {
      expect(names).toContain(`skp-${nip}.pdf`);
      expect(names).toContain(`evaluasi-tahunan-${nip}.pdf`);
    }
    expect(names.some((n) => n.startsWith('evaluasi-periodik-Semester-I-'))).toBe(true);
    // Final once every session is acknowledged: the earlier test's session is not, so it may still be a draft.
    expect(names.some((n) => new RegExp(`^catatan-pembinaan-${P.self}(-DRAFT)?\\.pdf$`).test(n))).toBe(true);
    expect(names).toContain('penetapan-predikat-UNIT-seksi-kesra.pdf');
    expect(names).toContain('penetapan-predikat-ORG.pdf');
    expect(out.files.every((f) => existsSync(f))).toBe(true);
    // Each file is a PDF pdftotext reads, showing whose it is.
    for (const f of out.files) {
      const text = execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text, f).toContain('Kode verifikasi:');
      const nip = /-(\d{18})(-DRAFT)?\.pdf$/.exec(f)?.[1];
      if (nip) expect(text, f).toContain(nip);
    }
    // Only what this seeded cycle never made in the background was made on demand, and the run says where the files are.
    expect(out.onDemand.every((x) => /^(SKP|EVALUASI_TAHUNAN):/.test(x))).toBe(true);
    expect(documentsSummary(out, 'docs')).toMatch(
      /^Dokumen PDF di docs\/: 2 SKP, \d+ evaluasi periodik, 2 evaluasi tahunan, 2 penetapan predikat, 1 catatan pembinaan/,
    );
  });
});
