/**
 * What only the documents function installs: the pdfmake renderer and the signer (by default: not
 * signed electronically). Imported by functions/documents/handler.ts alone, so no other bundle carries
 * pdfmake; the function also installs the files port (useFileStore, shared/composition.ts).
 */
import { renderPdf } from '../render/documents/pdf';
import type { DocumentFileAdapters } from './ports';
import { notSignedElectronically } from './signer';

export function documentFileAdapters(settings: { selfName?: string }): DocumentFileAdapters {
  return { renderer: { render: renderPdf }, signer: notSignedElectronically, ...(settings.selfName ? { selfName: settings.selfName } : {}) };
}
