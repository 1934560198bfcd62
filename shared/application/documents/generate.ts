/**
 * Makes one document: hashes its canonical content, and unless the current document of that kind
 * already shows exactly this content, renders it with a new verification code, has it signed (the
 * TTE port; by default not signed), stores the PDF under `documents/` and records it as current —
 * the previous one superseded ("diganti") in the same conditional transaction.
 */
import { DOCUMENT_SLUG, type DocumentContent, hashInput } from '../../domain/documents';
import { ports } from '../context';
import type { DocumentRecord } from '../ports';
import { documentPorts } from './context';

export interface GenerateOptions {
  agencyId: string;
  cycleId: string;
  /** Where the verification page lives (PUBLIC_BASE_URL). */
  baseUrl: string;
}

export const verifyUrlOf = (baseUrl: string, code: string) => `${baseUrl.replace(/\/$/, '')}/v1/public/documents/${code}`;
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');

export async function generateDocument(content: DocumentContent, o: GenerateOptions): Promise<{ document: DocumentRecord; created: boolean }> {
  const d = documentPorts();
  const hash = d.sha256(hashInput(content));
  for (let attempt = 0; attempt < 3; attempt++) {
    const previous = await d.registry.current(o.cycleId, content.subject, content.kind, content.variant);
    if (previous && previous.hash === hash) return { document: previous, created: false };
    const code = ports().newId().replace(/-/g, '').slice(0, 16).toUpperCase();
    const generatedAt = ports().clock.now().toISOString();
    const stamp = { code, hash, verifyUrl: verifyUrlOf(o.baseUrl, code), generatedAt, signatureNote: d.signer.note };
    const rendered = await d.renderer.render(content, stamp);
    const signed = await d.signer.sign(rendered, { code, hash, title: content.title });
    const variant = content.variant ? `-${safe(content.variant)}` : '';
    const fileName = `${DOCUMENT_SLUG[content.kind]}${variant}-${safe(content.subject)}${content.draft ? '-DRAFT' : ''}.pdf`;
    const fileKey = `documents/${safe(o.cycleId)}/${safe(content.subject)}/${DOCUMENT_SLUG[content.kind]}${variant}-${code}.pdf`;
    await ports().files.put(fileKey, signed.pdf, { contentType: 'application/pdf', metadata: { code, sha256: hash } });
    const document: DocumentRecord = {
      code,
      agencyId: o.agencyId,
      cycleId: o.cycleId,
      kind: content.kind,
      subject: content.subject,
      variant: content.variant,
      title: content.title,
      draft: content.draft,
      hash,
      fileKey,
      fileName,
      bytes: signed.pdf.byteLength,
      generatedAt,
      ...(content.approval ? { approval: content.approval } : {}),
      signed: signed.signed,
      status: 'CURRENT',
    };
    // 'conflict': someone recorded another version meanwhile; read again (the file stays, unreferenced).
    if ((await d.registry.record(document, previous)) === 'applied') return { document, created: true };
  }
  throw new Error(`Document ${content.kind} of ${content.subject} kept changing while it was recorded`);
}
