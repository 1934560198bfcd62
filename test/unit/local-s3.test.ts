/**
 * The local S3-compatible endpoint (local/s3.ts, s3rver) with the SDK v3 client the handlers use
 * (shared/adapters/aws-clients.ts): presigned PUT and GET from a plain HTTP client (as a browser), CORS
 * for the app's origin only, and what s3rver does not enforce (SigV4), which the confirm step covers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_S3_CREDENTIALS, type LocalS3, startLocalS3 } from '../../local/s3';

const APP_ORIGIN = 'http://127.0.0.1:3999';
let s3: LocalS3;
let client: S3Client;
const dir = mkdtempSync(path.join(os.tmpdir(), 'local-s3-'));

beforeAll(async () => {
  s3 = await startLocalS3({ directory: dir, bucket: 'files', allowedOrigins: [APP_ORIGIN] });
  // The settings of shared/adapters/aws-clients.ts s3Client, with s3rver's credentials.
  client = new S3Client({
    region: 'ap-southeast-3',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: LOCAL_S3_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
});
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('local S3 endpoint (s3rver) with SDK v3', () => {
  it('listens on a port of its own and serves the files bucket', async () => {
    expect(s3.port).toBeGreaterThan(0);
    await client.send(new PutObjectCommand({ Bucket: 'files', Key: 'documents/a.txt', Body: 'halo', ContentType: 'text/plain' }));
    const got = await client.send(new GetObjectCommand({ Bucket: 'files', Key: 'documents/a.txt' }));
    expect(await got.Body!.transformToString()).toBe('halo');
  });

  it('accepts a presigned PUT and serves a presigned GET of the same bytes', async () => {
    const body = Buffer.from('%PDF-1.4\n% bukti dukung\n');
    const put = await getSignedUrl(
      client,
      new PutObjectCommand({ Bucket: 'files', Key: 'evidence/a/c/n/1', ContentType: 'application/pdf', ContentLength: body.length }),
      { expiresIn: 300, signableHeaders: new Set(['content-type']) },
    );
    // No flexible-checksum parameters (a presigned PUT with them is refused by S3 for any non-empty body).
    expect(put).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum/i);
    expect(new URL(put).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    const res = await fetch(put, { method: 'PUT', body, headers: { 'content-type': 'application/pdf', origin: APP_ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);

    const head = await client.send(new HeadObjectCommand({ Bucket: 'files', Key: 'evidence/a/c/n/1' }));
    expect([head.ContentLength, head.ContentType]).toEqual([body.length, 'application/pdf']);

    const get = await getSignedUrl(
      client,
      new GetObjectCommand({ Bucket: 'files', Key: 'evidence/a/c/n/1', ResponseContentDisposition: 'attachment; filename="bukti.pdf"' }),
      { expiresIn: 300 },
    );
    const down = await fetch(get);
    expect(down.status).toBe(200);
    expect(down.headers.get('content-disposition')).toBe('attachment; filename="bukti.pdf"');
    expect(Buffer.from(await down.arrayBuffer())).toEqual(body);
  });

  it('answers a CORS preflight for the app origin only', async () => {
    const url = `${s3.endpoint}/files/evidence/x`;
    const preflight = (origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
    const ok = await preflight(APP_ORIGIN);
    expect(ok.status).toBe(200);
    // s3rver answers a matched preflight with `*` (S3 echoes the origin); the rule still decides who matches.
    expect(ok.headers.get('access-control-allow-methods')).toContain('PUT');
    const other = await preflight('https://evil.example');
    expect(other.status).toBe(403);
  });

  it('does not check SigV4 (why confirm re-checks size and type with HeadObject)', async () => {
    const put = await getSignedUrl(client, new PutObjectCommand({ Bucket: 'files', Key: 'evidence/a/c/n/2', ContentType: 'image/png', ContentLength: 3 }), {
      expiresIn: 300,
      signableHeaders: new Set(['content-type']),
    });
    // A body longer than signed and another type: S3 refuses this (SignatureDoesNotMatch); s3rver stores it.
    const res = await fetch(put, { method: 'PUT', body: 'not a png at all', headers: { 'content-type': 'text/html' } });
    expect(res.status).toBe(200);
    const head = await client.send(new HeadObjectCommand({ Bucket: 'files', Key: 'evidence/a/c/n/2' }));
    expect(head.ContentType).toBe('text/html');
  });
});
