/**
 * The public verification page a document's QR code opens: whether the document with that code is
 * genuine and current ("asli / berlaku") or superseded ("diganti") by a later version, with what the
 * document itself printed (title, whose, hash, who approved it). Bahasa Indonesia first, English below;
 * readable on a phone (390 px); no script.
 */
import type { DocumentRecord } from '../../../application/ports';
import { waktuWib } from '../../../domain/documents';
import { html } from '../pages/html';

/** What the page shows (the verification use case's answer, shared/application/documents/queries.ts). */
export interface Verification {
  found: boolean;
  code: string;
  state?: 'CURRENT' | 'SUPERSEDED';
  text?: { id: string; en: string };
  document?: Pick<DocumentRecord, 'title' | 'variant' | 'draft' | 'hash' | 'generatedAt' | 'approval' | 'signed' | 'supersededAt' | 'cycleId'> & {
    subjectLabel: string;
    currentCode?: string;
  };
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:16px;max-width:640px;color:#1a1a1a;line-height:1.5}
h1{font-size:1.25rem;margin:0 0 12px}.state{border-radius:8px;padding:12px 14px;margin:0 0 16px;font-weight:600;font-size:1.1rem}
.ok{background:#e6f4ea;border:2px solid #1e7e34;color:#0f5323}.old{background:#fdecea;border:2px solid #b00020;color:#7a0016}.none{background:#f1f3f4;border:2px solid #5f6368}
dl{margin:0}dt{font-weight:600;margin-top:8px}dd{margin:0;overflow-wrap:anywhere}code{font-size:.85rem}.en{color:#555;font-size:.9rem}`;

export function renderVerificationPage(v: Verification): string {
  const d = v.document;
  const state = !v.found
    ? html`<p class="state none" role="status">Dokumen dengan kode ${v.code} tidak ditemukan.<br><span class="en">No document has this code.</span></p>`
    : v.state === 'CURRENT'
      ? html`<p class="state ok" role="status">Dokumen ini ${v.text!.id}.<br><span class="en">This document is ${v.text!.en}.</span></p>`
      : html`<p class="state old" role="status">Dokumen ini telah ${v.text!.id}${d?.supersededAt ? html` pada ${waktuWib(d.supersededAt)}` : ''}: ada versi yang lebih baru${d?.currentCode ? html` (kode ${d.currentCode})` : ''}.<br><span class="en">This document was ${v.text!.en} by a later version.</span></p>`;
  const body = d
    ? html`<dl>
<dt>Dokumen</dt><dd>${d.title}${d.variant ? ` — ${d.variant}` : ''}${d.draft ? ' (DRAFT)' : ''}</dd>
<dt>Milik</dt><dd>${d.subjectLabel} · siklus ${d.cycleId}</dd>
<dt>Kode verifikasi</dt><dd><code>${v.code}</code></dd>
<dt>SHA-256 isi</dt><dd><code>${d.hash}</code></dd>
<dt>Disetujui dalam sistem</dt><dd>${d.approval ? `${d.approval.name}${d.approval.nip ? ` (NIP ${d.approval.nip})` : ''}, ${d.approval.role}, ${waktuWib(d.approval.at)}` : 'Belum disetujui'}</dd>
<dt>Dibuat</dt><dd>${waktuWib(d.generatedAt)}</dd>
<dt>Tanda tangan elektronik</dt><dd>${d.signed ? 'Ditandatangani secara elektronik (TTE)' : 'Tidak ditandatangani secara elektronik'}</dd>
</dl>
<p class="en">Compare the code and the SHA-256 with those printed at the foot of the document.</p>`
    : '';
  return html`<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Verifikasi dokumen ${v.code}</title><style>${STYLE}</style></head>
<body><main><h1>Verifikasi dokumen kinerja ASN</h1>${state}${body}</main></body></html>`.toString();
}
