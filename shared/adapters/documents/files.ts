/**
 * What only the documents function installs: the pdfmake renderer and the signer (by default: not
 * signed electronically). Imported by functions/documents/handler.ts alone, so no other bundle carries
 * pdfmake; the function also installs the files port (useFileStore, shared/composition.ts).
 */
import { renderPdf } from '../render/documents/pdf';
import type { DocumentFileAdapters } from './ports';
import { notSignedElectronically } from './signer';

export function documentFileAdapters(config: { AWS_LAMBDA_FUNCTION_NAME?: string }): DocumentFileAdapters {
  return { renderer: { render: renderPdf }, signer: notSignedElectronically, selfName: config.AWS_LAMBDA_FUNCTION_NAME };
}
