/**
 * The `files` function (bukti dukung) through the real handler, use cases and S3 adapter: DynamoDB on the
 * memory table, S3 mocked with aws-sdk-client-mock. Presigned URLs are made by the real presigner (no call).
 */
import { DeleteObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../support/lambda';

setEnv();
process.env.FILES_BUCKET = 'asn-kinerja-files-test';
const memory = await import('../support/memory-table');
const { ddbMock, get, prime, writeCount } = memory;
const { invoke } = await import('../support/lambda');
const { AGENCY, CYCLE, P, as, seedWorld } = await import('../support/world');
const { handler } = await import('../../functions/files/handler');
const { keys } = await import('../../shared/adapters/dynamodb/keys');
const { deps } = await import('../../shared/composition');
const { fixedClock } = await import('../../shared/adapters/clock');

const s3Mock = mockClient(S3Client);
const BASE = '/v1/cycles/{cycleId}/evaluations/{nip}/evidence';
type Caller = { nip: string; hr?: boolean } | null;
const call = (method: string, suffix: string, caller: Caller, opts: { body?: unknown; evidenceId?: string } = {}) =>
  invoke(
    handler,
    method,
    `${BASE}${suffix}`,
    { cycleId: CYCLE, nip: P.self, ...(opts.evidenceId ? { evidenceId: opts.evidenceId } : {}) },
    { caller, body: opts.body },
  );
const PDF = { rhkId: 'rhk-1', indicatorId: 'iki-1', fileName: 'laporan juni.pdf', contentType: 'application/pdf', size: 9 };

beforeEach(() => {
  deps.clock = fixedClock('2026-07-10T03:00:00Z');
  prime(() => seedWorld({ stage: 'MIDYEAR', status: 'MONITORING', openedAt: '2026-07-01T01:00:00.000Z' }));
  ddbMock.on(DeleteCommand).callsFake((input: { Key: { PK: string; SK: string } }) => {
    memory.table.delete(`${input.Key.PK}|${input.Key.SK}`); // the memory table's key (test/support/memory-table.ts)
    return {};
  });
  s3Mock.reset();
  s3Mock.onAnyCommand().resolves({});
  s3Mock.on(HeadObjectCommand).resolves({ ContentLength: 9, ContentType: 'application/pdf', ETag: '"e"' });
});

describe('evidence upload: URL, confirm, list, delete', () => {
  it('a presigned PUT for one server-chosen key, signed type and size, no checksum parameters; then confirm, list, delete', async () => {
    const res = await call('POST', '/uploads', as.self, { body: PDF });
    expect(res.status, res.raw).toBe(201);
    const { evidenceId, upload } = res.body;
    const url = new URL(upload.url);
    expect(url.hostname).toBe('asn-kinerja-files-test.s3.ap-southeast-3.amazonaws.com');
    expect(url.pathname).toBe(`/evidence/${AGENCY}/${CYCLE}/${P.self}/${evidenceId}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(upload.url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum/i);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(get(keys.evidence(CYCLE, P.self, evidenceId))).toMatchObject({ status: 'PENDING', type: 'EVIDENCE', contentType: 'application/pdf', size: 9 });

    const confirmed = await call('POST', '/{evidenceId}/confirm', as.self, { evidenceId });
    expect(confirmed.status, confirmed.raw).toBe(200);
    expect(s3Mock.commandCalls(HeadObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'asn-kinerja-files-test',
      Key: `evidence/${AGENCY}/${CYCLE}/${P.self}/${evidenceId}`,
    });
    expect(get(keys.evidence(CYCLE, P.self, evidenceId))).toMatchObject({ status: 'STORED' });

    const list = await call('GET', '', as.rater);
    expect(list.status, list.raw).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const download = new URL(list.body.items[0].downloadUrl);
    expect(download.searchParams.get('response-content-disposition')).toBe(`attachment; filename="laporan juni.pdf"; filename*=UTF-8''laporan%20juni.pdf`);
    expect(download.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(list.body.items[0]).not.toHaveProperty('objectKey');

    const removed = await call('DELETE', '/{evidenceId}', as.self, { evidenceId });
    expect(removed.status, removed.raw).toBe(200);
    expect(s3Mock.commandCalls(DeleteObjectCommand)[0]!.args[0].input.Key).toBe(`evidence/${AGENCY}/${CYCLE}/${P.self}/${evidenceId}`);
    expect(get(keys.evidence(CYCLE, P.self, evidenceId))).toBeUndefined();
  });

  it('a type not accepted or a file over 10 MB → 400 naming the field; nothing written, no URL', async () => {
    for (const body of [
      { ...PDF, contentType: 'text/html' },
      { ...PDF, size: 10 * 1024 * 1024 + 1 },
      { ...PDF, fileName: '' },
    ]) {
      const res = await call('POST', '/uploads', as.self, { body });
      expect(res.status, res.raw).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(writeCount()).toBe(0);
  });

  it('the rater may not upload for the employee → 403, nothing written', async () => {
    const res = await call('POST', '/uploads', as.rater, { body: PDF });
    expect(res.status).toBe(403);
    expect(writeCount()).toBe(0);
  });

  it('a stored object bigger than announced → 422, the object deleted and the upload forgotten', async () => {
    const { body } = await call('POST', '/uploads', as.self, { body: PDF });
    s3Mock.on(HeadObjectCommand).resolves({ ContentLength: 5_000_000, ContentType: 'application/pdf' });
    const res = await call('POST', '/{evidenceId}/confirm', as.self, { evidenceId: body.evidenceId });
    expect(res.status, res.raw).toBe(422);
    expect(s3Mock.commandCalls(DeleteObjectCommand)).toHaveLength(1);
    expect(get(keys.evidence(CYCLE, P.self, body.evidenceId))).toBeUndefined();
  });

  it('confirm before the file is there → 409 (HeadObject 404)', async () => {
    const { body } = await call('POST', '/uploads', as.self, { body: PDF });
    s3Mock.on(HeadObjectCommand).rejects(Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    const res = await call('POST', '/{evidenceId}/confirm', as.self, { evidenceId: body.evidenceId });
    expect(res.status, res.raw).toBe(409);
  });

  it('a link as evidence (https only) → 201 and listed; javascript: → 400', async () => {
    const ok = await call('POST', '/links', as.self, { body: { rhkId: 'rhk-1', title: 'Berita kegiatan', url: 'https://asemrowo.example.go.id/b/1' } });
    expect(ok.status, ok.raw).toBe(201);
    expect(ok.body.evidence).toMatchObject({ kind: 'link', url: 'https://asemrowo.example.go.id/b/1' });
    const bad = await call('POST', '/links', as.self, { body: { rhkId: 'rhk-1', title: 'x', url: 'javascript:alert(1)' } });
    expect(bad.status).toBe(400);
    const list = await call('GET', '', as.self);
    expect(list.body).toMatchObject({ canEdit: true, openPeriod: 'MIDYEAR' });
    expect(list.body.items.map((i: { kind: string }) => i.kind)).toEqual(['link']);
  });

  it('a colleague who is not rater, approver or HR may not list → 403', async () => {
    const res = await call('GET', '', as.peer);
    expect(res.status).toBe(403);
  });
});
