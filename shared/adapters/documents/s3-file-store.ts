/**
 * FileStore on S3: the files bucket (env FILES_BUCKET), path-style against a local S3-compatible
 * endpoint when S3_ENDPOINT is set. Downloads are presigned GETs that name the file.
 * Only the documents function imports this module (its bundle carries the S3 client).
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileStore } from '../../application/ports';

export function s3FileStore(bucket: string, endpoint?: string): FileStore {
  const s3 = new S3Client({ maxAttempts: 4, ...(endpoint ? { endpoint, forcePathStyle: true } : {}) });
  return {
    async put(key, body, contentType) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async get(key) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return out.Body ? new Uint8Array(await out.Body.transformToByteArray()) : undefined;
      } catch (err) {
        if ((err as { name?: string }).name === 'NoSuchKey') return undefined;
        throw err;
      }
    },
    downloadUrl(key, fileName, expiresIn) {
      return getSignedUrl(
        s3,
        new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: `attachment; filename="${fileName.replace(/"/g, '')}"`, ResponseContentType: 'application/pdf' }),
        { expiresIn },
      );
    },
  };
}
