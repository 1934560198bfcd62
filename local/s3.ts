/**
 * The local S3-compatible endpoint: s3rver (npm) on port 0, its objects in a folder under the stack's
 * work folder, the files bucket created with a CORS rule for the app's origin only (as in AWS,
 * infra/constructs/files-bucket.ts). The handlers reach it through `S3_ENDPOINT` (path-style).
 *
 * Verified with SDK v3 (test/unit/local-s3.test.ts): PutObject, HeadObject, GetObject, presigned PUT and
 * presigned GET work. What s3rver does not do: it accepts every SigV4 signature without checking it
 * (lib/middleware/authentication.js: "Signature version 4 calculation is unimplemented"), so locally a
 * presigned PUT is not held to its signed Content-Length and Content-Type. The confirm step checks the
 * stored object's size and type (HeadObject) in every world, so the limits hold locally too.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
// s3rver ships no types; the little used here is declared below.
// @ts-expect-error no declaration file
import S3rverModule from 's3rver';
// @ts-expect-error no declaration file
import s3rverAccount from 's3rver/lib/models/account.js';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}

const S3rver = S3rverModule as unknown as new (options: Record<string, unknown>) => S3rverInstance;

/** s3rver's own account key, and the local stack's (AWS_ACCESS_KEY_ID=local), registered with it: SigV4 is not verified, but the key id must be known. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
(s3rverAccount as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } }).DUMMY_ACCOUNT.createKeyPair('local', 'local');

export interface LocalS3Options {
  /** Where s3rver keeps buckets and objects. */
  directory: string;
  bucket: string;
  /** Origins allowed to PUT and GET from a browser (the app's origin). */
  allowedOrigins: readonly string[];
  port?: number;
}

export interface LocalS3 {
  endpoint: string;
  port: number;
  bucket: string;
  stop(): Promise<void>;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same CORS rule as the deployed bucket: the app's origin, PUT/GET/HEAD, the headers an upload sends. */
export function corsXml(origins: readonly string[]): string {
  const rule = [
    ...origins.map((o) => `<AllowedOrigin>${escapeXml(o)}</AllowedOrigin>`),
    ...['GET', 'PUT', 'HEAD'].map((m) => `<AllowedMethod>${m}</AllowedMethod>`),
    '<AllowedHeader>*</AllowedHeader>',
    '<ExposeHeader>ETag</ExposeHeader>',
    '<MaxAgeSeconds>3000</MaxAgeSeconds>',
  ].join('');
  return `<CORSConfiguration><CORSRule>${rule}</CORSRule></CORSConfiguration>`;
}

export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    port: options.port ?? 0,
    address: '127.0.0.1',
    silent: true,
    directory: options.directory,
    resetOnClose: false,
    configureBuckets: [{ name: options.bucket, configs: [corsXml(options.allowedOrigins)] }],
  });
  const address = await server.run();
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    bucket: options.bucket,
    stop: () => (stopped ??= server.close()),
  };
}
