/**
 * What only the documents function installs: the pdfmake renderer and the signer (by default: not
 * signed electronically). Imported by functions/documents/handler.ts alone, so no other bundle carries
 * pdfmake; the function also installs the files port (useFileStore, shared/composition.ts).
 */
import type { Config } from '../../config';
import { renderPdf } from '../render/documents/pdf';
import type { DocumentFileAdapters } from './ports';
import { notSignedElectronically } from './signer';

export function documentFileAdapters(config: Pick<Config, 'AWS_LAMBDA_FUNCTION_NAME'>): DocumentFileAdapters {
  return { renderer: { render: renderPdf }, signer: notSignedElectronically, selfName: config.AWS_LAMBDA_FUNCTION_NAME };
}
