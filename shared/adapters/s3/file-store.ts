/**
 * The FileStore port on S3 (shared/application/ports.ts): one private bucket, presigned URLs for the
 * browser. In AWS the client has no endpoint; on the local stack it talks to s3rver through
 * `S3_ENDPOINT` with path-style addressing (shared/adapters/aws-clients.ts) — the same code either way.
 *
 * A presigned PUT signs the content type and the exact size (S3 refuses another type, a longer or a
 * shorter body); the confirm step checks the stored object again with HeadObject, because the local
 * endpoint does not verify signatures (local/s3.ts).
 */
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileStore } from '../../application/ports';
import { type S3Settings, s3Client, s3Sdk } from '../aws-clients';

export interface S3FileStoreSettings extends S3Settings {
  bucket: string | undefined;
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function s3FileStore(settings: () => S3FileStoreSettings): FileStore {
  const ctx = async () => {
    const { bucket, endpoint } = settings();
    if (!bucket) throw new Error('FILES_BUCKET is not set: this function keeps no files');
    const [client, sdk] = await Promise.all([s3Client({ endpoint }), s3Sdk()]);
    return { bucket, client, sdk };
  };
  return {
    async presignPut(key, { contentType, size, expiresInSeconds }) {
      const { bucket, client, sdk } = await ctx();
      return getSignedUrl(client, new sdk.PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size }), {
        expiresIn: expiresInSeconds,
        // content-length is signed by the SDK when given; content-type only when named here.
        signableHeaders: new Set(['content-type']),
      });
    },
    async presignGet(key, { expiresInSeconds, fileName, contentType }) {
      const { bucket, client, sdk } = await ctx();
      return getSignedUrl(
        client,
        new sdk.GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ...(fileName ? { ResponseContentDisposition: attachmentDisposition(fileName) } : {}),
          ...(contentType ? { ResponseContentType: contentType } : {}),
        }),
        { expiresIn: expiresInSeconds },
      );
    },
    async head(key) {
      const { bucket, client, sdk } = await ctx();
      try {
        const out = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: out.ContentLength ?? 0, ...(out.ContentType ? { contentType: out.ContentType } : {}), ...(out.ETag ? { etag: out.ETag } : {}) };
      } catch (err) {
        if (notFound(err)) return undefined;
        throw err;
      }
    },
    async put(key, body, { contentType, metadata }) {
      const { bucket, client, sdk } = await ctx();
      await client.send(
        new sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ...(metadata ? { Metadata: metadata } : {}) }),
      );
    },
    async get(key) {
      const { bucket, client, sdk } = await ctx();
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (err) {
        if (notFound(err)) return undefined;
        throw err;
      }
    },
    async delete(key) {
      const { bucket, client, sdk } = await ctx();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
