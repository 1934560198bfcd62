/**
 * Renders a document (shared/domain/documents.ts) to PDF with pdfmake 0.3: Roboto embedded from the
 * npm package's own font file system (nothing is fetched, no file is read at run time — URL and local
 * access are refused), the verification QR drawn as vector squares from `qrcode`'s module matrix, a
 * DRAFT mark on drafts, and on every page who approved it in the system and when, the content hash
 * and the verification code.
 */
import pdfmake from 'pdfmake';
import vfsFonts from 'pdfmake/build/vfs_fonts.js';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import QRCode from 'qrcode';
import { type DocumentContent, waktuWib } from '../../../domain/documents';
import { layoutOf } from './layouts';

/** The stamp a rendered document carries: its verification code, hash and link, and the signature note. */
export interface DocumentStamp {
  code: string;
  /** SHA-256 (hex) of the canonical content. */
  hash: string;
  verifyUrl: string;
  generatedAt: string;
  /** "Tidak ditandatangani secara elektronik" or the TTE provider's note. */
  signatureNote: string;
}

let ready = false;
function setUp(): void {
  if (ready) return;
  const vfs = vfsFonts as unknown as Record<string, string>;
  const fs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs;
  for (const name of ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf'])
    fs.writeFileSync(name, Buffer.from(vfs[name]!, 'base64'));
  pdfmake.setFonts({
    Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' },
  });
  // Nothing from the network or the disk: a document is made from its data alone.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

/** The QR code of `text` as vector rectangles (one per run of dark modules in a row), `size` points wide. */
export function qrCanvas(text: string, size: number): Content {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  const rects: { type: 'rect'; x: number; y: number; w: number; h: number; color: string }[] = [];
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      rects.push({ type: 'rect', x: (start + quiet) * cell, y: (r + quiet) * cell, w: (c - start) * cell + 0.01, h: cell + 0.01, color: '#000' });
    }
  }
  return { canvas: rects, width: size, height: size } as Content;
}

/** The complete pdfmake definition of one document (exported for tests of the layout). */
export function definitionOf(content: DocumentContent, stamp: DocumentStamp): TDocumentDefinitions {
  const approvalText = content.approval
    ? `Disetujui dalam sistem oleh ${content.approval.name}${content.approval.nip ? ` (NIP ${content.approval.nip})` : ''}, ${content.approval.role}, pada ${waktuWib(content.approval.at)}${content.approval.onBehalfOf ? ` atas nama NIP ${content.approval.onBehalfOf}` : ''}.`
    : 'Belum disetujui dalam sistem.';
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 96],
    info: { title: content.title, author: content.data.agency, subject: `${content.title} — ${content.subject}`, creator: 'asn-kinerja', keywords: stamp.code },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 9, alignment: 'center', margin: [0, 0, 0, 10] },
      section: { fontSize: 10, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true, fillColor: '#e8eef5' },
      small: { fontSize: 7.5, color: '#333' },
      draft: { fontSize: 10, bold: true, color: '#b00020', alignment: 'center', margin: [0, 0, 0, 8] },
    },
    ...(content.draft ? { watermark: { text: 'DRAFT', color: '#b00020', opacity: 0.12, bold: true, fontSize: 110 } } : {}),
    content: [
      { text: content.data.agency.toUpperCase(), style: 'subtitle', margin: [0, 0, 0, 4] },
      { text: content.title.toUpperCase(), style: 'title' },
      ...(content.draft ? [{ text: 'DRAFT — belum final, bukan dokumen resmi', style: 'draft' } as Content] : []),
      ...layoutOf(content),
    ],
    footer: (page: number, pages: number): Content => ({
      margin: [40, 6, 40, 0],
      columns: [
        {
          width: '*',
          stack: [
            { text: approvalText, style: 'small' },
            { text: `${stamp.signatureNote}. Kode verifikasi: ${stamp.code}`, style: 'small', bold: true },
            { text: `SHA-256 isi: ${stamp.hash}`, style: 'small' },
            { text: `Periksa keaslian: ${stamp.verifyUrl}`, style: 'small' },
            { text: `Dibuat ${waktuWib(stamp.generatedAt)} · halaman ${page} dari ${pages}`, style: 'small' },
          ],
        },
        { width: 64, stack: [qrCanvas(stamp.verifyUrl, 64)] },
      ],
      columnGap: 8,
    }),
  };
}

/** The PDF bytes of one document. */
export async function renderPdf(content: DocumentContent, stamp: DocumentStamp): Promise<Uint8Array> {
  setUp();
  const def = definitionOf(content, stamp);
  // Fixed dates in the file: the same content and stamp give the same bytes' meaning (and a stable test).
  const created = new Date(stamp.generatedAt);
  (def.info as Record<string, unknown>).creationDate = created;
  (def.info as Record<string, unknown>).modDate = created;
  const buffer = await pdfmake.createPdf(def).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
