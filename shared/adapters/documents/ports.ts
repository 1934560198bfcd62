/**
 * The documents' and coaching plans' ports on the real adapters, for the composition root. The PDF renderer and the signer are installed only by the documents function
 * (functions/documents/), so no other function's bundle carries pdfmake or the S3 client.
 */
import { createHash } from 'node:crypto';
import type { DocumentPorts, DocumentRenderer, DocumentSigner } from '../../application/ports';
import { auditOf, documentRegistry } from './dynamodb';

export interface DocumentFileAdapters {
  renderer: DocumentRenderer;
  signer: DocumentSigner;
  /** The documents function's own name (it asks itself for the next page of a job). */
  selfName?: string;
}

const onlyInDocumentsFunction = (): never => {
  throw new Error('Documents are made and downloaded by the documents function (functions/documents/)');
};
const absent: DocumentFileAdapters = {
  renderer: { render: onlyInDocumentsFunction },
  signer: { note: '', sign: onlyInDocumentsFunction },
};

export function documentPortsOn(files: DocumentFileAdapters | undefined, place: () => string): DocumentPorts {
  const f = files ?? absent;
  return {
    renderer: f.renderer,
    signer: f.signer,
    registry: documentRegistry,
    get place() {
      return place();
    },
    auditOf,
    sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}
