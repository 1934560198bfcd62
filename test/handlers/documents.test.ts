/**
 * The documents and coaching functions through their real handlers, use cases and adapters: DynamoDB on
 * the memory table, S3 mocked (aws-sdk-client-mock), PDFs really rendered by pdfmake.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../support/lambda';

setEnv();
process.env.FILES_BUCKET = 'asn-kinerja-files-test';
const memory = await import('../support/memory-table');
const { get, prime, put, writeCount } = memory;
const { invoke, context } = await import('../support/lambda');
const { AGENCY, CYCLE, P, as, seedWorld } = await import('../support/world');
const documents = await import('../../functions/documents/handler');
const coaching = await import('../../functions/coaching/handler');
const { keys } = await import('../../shared/adapters/dynamodb/keys');
const { deps } = await import('../../shared/composition');
const { fixedClock } = await import('../../shared/adapters/clock');
const { coachingPlan } = await import('../support/documents-fixtures');

const s3Mock = mockClient(S3Client);
const low = {
  predikat: 'BUTUH_PERBAIKAN',
  score: {
    rhk: [{ rhkId: 'rhk-1', jenis: 'utama', achievement: 70, indicators: [], proposed: 'DI_BAWAH', final: 'DI_BAWAH', competencies: [] }],
    resultsRating: 'DI_BAWAH',
    behaviour: { proposed: 'SESUAI', final: 'SESUAI', perValue: [] },
    predikat: 'BUTUH_PERBAIKAN',
    weaknesses: { rhkIds: ['rhk-1'], values: [] },
  },
};

beforeEach(() => {
  deps.clock = fixedClock('2027-01-25T03:00:00Z');
  prime(() => {
    seedWorld({ stage: 'FOLLOW_UP', status: 'FINAL', evaluation: { [P.self]: low } });
    const plan = coachingPlan();
    put({ ...keys.coachingPlan(CYCLE, P.self), ...keys.openCoachingPlan(AGENCY, plan.nextSessionDue!, CYCLE, P.self), type: 'COACHING_PLAN', ...plan });
  });
  s3Mock.reset();
  s3Mock.onAnyCommand().resolves({});
});

const docCall = (method: string, template: string, params: Record<string, string>, caller: { nip: string; hr?: boolean } | null, body?: unknown) =>
  invoke(documents.handler, method, template, params, { caller, body });
const EVAL = { cycleId: CYCLE, nip: P.self };

// Rendering real PDFs (the first one loads the fonts) takes seconds on a busy 2-core machine.
describe('documents function', { timeout: 60_000 }, () => {
  it('makes a document on demand, stores the PDF under documents/, lists it, links it for download, and verifies it publicly', async () => {
    const made = await docCall('POST', '/v1/cycles/{cycleId}/evaluations/{nip}/documents', EVAL, as.self, { kind: 'SKP' });
    expect(made.status, made.raw).toBe(201);
    const { code, hash } = made.body.document;
    const putCall = s3Mock.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(putCall).toMatchObject({ Bucket: 'asn-kinerja-files-test', ContentType: 'application/pdf' });
    expect(putCall.Key).toMatch(new RegExp(`^documents/${CYCLE}/${P.self}/skp-${code}\\.pdf$`));
    expect(
      Buffer.from(putCall.Body as Uint8Array)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(get(keys.document(code))).toMatchObject({ status: 'CURRENT', hash, kind: 'SKP', subject: P.self });

    const again = await docCall('POST', '/v1/cycles/{cycleId}/evaluations/{nip}/documents', EVAL, as.rater, { kind: 'SKP' });
    expect(again.status).toBe(200);
    expect(again.body.document.code).toBe(code);

    const list = await docCall('GET', '/v1/cycles/{cycleId}/evaluations/{nip}/documents', EVAL, as.head);
    expect(list.body.documents.map((d: { code: string }) => d.code)).toEqual([code]);
    expect(JSON.stringify(list.body)).not.toContain(`documents/${CYCLE}`);

    const link = await docCall('GET', '/v1/documents/{code}', { code }, as.hr);
    expect(link.status).toBe(200);
    expect(new URL(link.body.url).pathname).toBe(`/documents/${CYCLE}/${P.self}/skp-${code}.pdf`);
    expect(link.headers['cache-control']).toBe('no-store');

    const page = await invoke(documents.handler, 'GET', '/v1/public/documents/{code}', { code }, { caller: null });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.raw).toContain('asli / berlaku');
    expect(page.raw).toContain(hash);
  });

  it('refuses whoever may not see the evaluation, and answers an unknown code with a 404 page', async () => {
    const made = await docCall('POST', '/v1/cycles/{cycleId}/evaluations/{nip}/documents', EVAL, as.self, { kind: 'SKP' });
    for (const c of [as.peer, as.staffTambak]) {
      expect((await docCall('GET', '/v1/documents/{code}', { code: made.body.document.code }, c)).status).toBe(403);
      expect((await docCall('POST', '/v1/cycles/{cycleId}/evaluations/{nip}/documents', EVAL, c, { kind: 'SKP' })).status).toBe(403);
    }
    expect((await docCall('GET', '/v1/documents/{code}', { code: made.body.document.code }, null)).status).toBe(401);
    const unknown = await invoke(documents.handler, 'GET', '/v1/public/documents/{code}', { code: 'ZZZZ0000ZZZZ0000' }, { caller: null });
    expect(unknown.status).toBe(404);
    expect(unknown.raw).toContain('tidak ditemukan');
    const before = writeCount();
    expect((await docCall('POST', '/v1/cycles/{cycleId}/evaluations/{nip}/documents', EVAL, as.self, { kind: 'NOPE' })).status).toBe(400);
    expect(writeCount()).toBe(before);
  });

  it('Penetapan Predikat on demand is HR’s', async () => {
    expect((await docCall('POST', '/v1/cycles/{cycleId}/documents', { cycleId: CYCLE }, as.head, { unitId: 'seksi-kesra' })).status).toBe(403);
    const made = await docCall('POST', '/v1/cycles/{cycleId}/documents', { cycleId: CYCLE }, as.hr, { unitId: 'seksi-kesra' });
    expect(made.status, made.raw).toBe(201);
    expect(get(keys.currentDocument(CYCLE, 'UNIT-seksi-kesra', 'PENETAPAN_PREDIKAT', ''))).toMatchObject({ pointsTo: made.body.document.code });
  });

  it('runs a background job sent as { documentJob }', async () => {
    const out = (await documents.handler({ documentJob: { type: 'coaching', cycleId: CYCLE, nip: P.self } }, context)) as { generated: number };
    expect(out.generated).toBe(1);
    expect(get(keys.currentDocument(CYCLE, P.self, 'CATATAN_PEMBINAAN', ''))).toMatchObject({ draft: true });
  });
});

describe('coaching function', () => {
  const SESS = '/v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions';
  it('the rater records a session and the employee acknowledges it; HR lists the open plans', async () => {
    const plan = await invoke(coaching.handler, 'GET', '/v1/cycles/{cycleId}/evaluations/{nip}/coaching', EVAL, { caller: as.self });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ predikat: 'BUTUH_PERBAIKAN', overdue: false, actions: [{ actionId: 'A1' }, { actionId: 'A2' }] });
    const rec = await invoke(coaching.handler, 'POST', SESS, EVAL, {
      caller: as.rater,
      body: { heldOn: '2027-01-24', notes: 'Target antara', actionIds: ['A1'] },
    });
    expect(rec.status, rec.raw).toBe(201);
    expect(get(keys.coachingPlan(CYCLE, P.self))).toMatchObject({ version: 2, sessions: [{ sessionId: 'S1' }] });
    const ack = await invoke(
      coaching.handler,
      'POST',
      `${SESS}/{sessionId}/acknowledgement`,
      { ...EVAL, sessionId: 'S1' },
      { caller: as.self, body: { note: 'Setuju' } },
    );
    expect(ack.status, ack.raw).toBe(200);
    expect(ack.body.sessions[0]).toMatchObject({ acknowledgedBy: P.self, employeeNote: 'Setuju' });
    const list = await invoke(coaching.handler, 'GET', '/v1/coaching', {}, { caller: as.hr });
    expect(list.body.items.map((p: { nip: string }) => p.nip)).toEqual([P.self]);
  });

  it('nobody records on their own plan; only the employee acknowledges; bad input changes nothing', async () => {
    const before = writeCount();
    expect((await invoke(coaching.handler, 'POST', SESS, EVAL, { caller: as.self, body: { heldOn: '2027-01-24', notes: 'x' } })).status).toBe(403);
    expect((await invoke(coaching.handler, 'POST', SESS, EVAL, { caller: as.peer, body: { heldOn: '2027-01-24', notes: 'x' } })).status).toBe(403);
    expect((await invoke(coaching.handler, 'POST', SESS, EVAL, { caller: as.rater, body: { heldOn: 'kemarin', notes: 'x' } })).status).toBe(400);
    expect((await invoke(coaching.handler, 'POST', SESS, EVAL, { caller: as.rater, body: { heldOn: '2027-01-24', kind: 'recheck', notes: 'x' } })).status).toBe(
      400,
    );
    expect((await invoke(coaching.handler, 'POST', SESS, EVAL, { caller: as.rater, body: { heldOn: '2027-02-24', notes: 'x' } })).status).toBe(422);
    expect((await invoke(coaching.handler, 'GET', '/v1/coaching', {}, { caller: as.rater })).status).toBe(403);
    expect(writeCount()).toBe(before);
  });
});
