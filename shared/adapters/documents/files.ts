/**
 * What only the documents function installs: the S3 file store, the pdfmake renderer and the signer
 * (by default: not signed electronically). Imported by functions/documents/handler.ts alone.
 */
import type { Config } from '../../config';
import { renderPdf } from '../render/documents/pdf';
import type { DocumentFileAdapters } from './ports';
import { s3FileStore } from './s3-file-store';
import { notSignedElectronically } from './signer';

export function documentFileAdapters(config: Pick<Config, 'FILES_BUCKET' | 'S3_ENDPOINT' | 'AWS_LAMBDA_FUNCTION_NAME'>): DocumentFileAdapters {
  if (!config.FILES_BUCKET) throw new Error('Configuration incomplete: FILES_BUCKET (the files bucket) is required by the documents function');
  return { files: s3FileStore(config.FILES_BUCKET, config.S3_ENDPOINT), renderer: { render: renderPdf }, signer: notSignedElectronically, selfName: config.AWS_LAMBDA_FUNCTION_NAME };
}
