import { describe, expect, it } from 'vitest';
import {
  type ConfirmPageInput,
  htmlResponse,
  linkProblemStatus,
  MAX_COMMENT_LENGTH,
  parseDecisionForm,
  renderAlreadyDecidedPage,
  renderConfirmPage,
  renderDecisionDonePage,
  renderErrorPage,
  renderEscalatedPage,
  renderLinkProblemPage,
  safeUrl,
} from '../../../shared/adapters/render/pages';
import { DANGEROUS, evaluation, hostile, skp, XSS } from '../mail/fixtures';

const hidden = { a: 'approve', r: 'AbCdEfGhIjKlMnOp', e: '1800000000', k: 'k1', s: 'x'.repeat(43) };
const base: ConfirmPageInput = {
  locale: 'id',
  summary: evaluation(1),
  action: 'approve',
  formAction: '/v1/decisions/01JH8Z6QK3V4TB2N9W7C5XRY01',
  hidden,
  requireReason: true,
};

/** Splits a page into its <form> elements. */
function forms(page: string): string[] {
  return [...page.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]);
}

function expectSafeDocument(page: string, lang = 'id') {
  expect(page).toMatch(/^<!DOCTYPE html>/);
  expect(page).toContain(`<html lang="${lang}">`);
  expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(page).toContain('<meta charset="utf-8">');
  expect(page).toMatch(/<title>[^<]+<\/title>/);
  expect(page).toContain('<main id="main"');
  // no scripts, no auto-submit, no refresh, no external assets
  expect(page).not.toMatch(/<script\b|\son[a-z]+\s*=|http-equiv|javascript:|<link\b|<img\b|\bsrc=|@import|url\(/i);
  expect(page).not.toMatch(/\{[a-zA-Z]+\}[^;]/); // unfilled placeholders (CSS braces are followed by ';' or rules)
}

describe('renderConfirmPage (what GET and HEAD show)', () => {
  const page = renderConfirmPage(base);

  it('is a complete, script-free, accessible document', () => {
    expectSafeDocument(page);
    expect(page).toContain(':focus-visible');
    expect(page).toContain('Belum ada yang berubah');
  });

  it('offers two POST forms that echo every signed field', () => {
    const [approveForm = '', returnForm = ''] = forms(page);
    expect(forms(page)).toHaveLength(2);
    for (const form of [approveForm, returnForm]) {
      expect(form).toMatch(/^<form method="post" action="\/v1\/decisions\/01JH8Z6QK3V4TB2N9W7C5XRY01">/);
      for (const [name, value] of Object.entries(hidden)) {
        expect(form).toContain(`<input type="hidden" name="${name}" value="${value}">`);
      }
    }
    expect(approveForm).toContain('<button type="submit" name="decision" value="approve" class="btn-approve">Setujui</button>');
    expect(returnForm).toContain('<button type="submit" name="decision" value="return" class="btn-return">Kembalikan</button>');
    expect(page).not.toMatch(/method="get"/i);
  });

  it('requires a reason to return, not to approve', () => {
    const [approveForm = '', returnForm = ''] = forms(page);
    expect(returnForm).toMatch(/<textarea id="return-reason" name="comment"[^>]*\srequired\b/);
    expect(returnForm).toContain('<label for="return-reason">Alasan pengembalian (wajib diisi)</label>');
    expect(approveForm).not.toMatch(/\srequired\b/);
    expect(approveForm).toContain('<label for="approve-comment">Catatan (tidak wajib)</label>');
    expect(approveForm).toContain('<textarea id="approve-comment" name="comment"');

    const optional = forms(renderConfirmPage({ ...base, requireReason: false }))[1] ?? '';
    expect(optional).not.toMatch(/\srequired\b/);
  });

  it('puts the chosen action first', () => {
    const pos = (p: string, v: string) => p.indexOf(`name="decision" value="${v}"`);
    expect(pos(page, 'approve')).toBeLessThan(pos(page, 'return'));
    const ret = renderConfirmPage({ ...base, action: 'return' });
    expect(pos(ret, 'return')).toBeGreaterThan(0);
    expect(pos(ret, 'return')).toBeLessThan(pos(ret, 'approve'));
  });

  it('shows the evaluation summary', () => {
    for (const text of ['Pegawai Nomor 1', '198001012005011001', 'Rencana Hasil Kerja (RHK)', '107,8 %', 'Usulan Predikat Kinerja', 'Baik']) {
      expect(page).toContain(text);
    }
    expect(page).toContain('<h1>Persetujuan penilaian kinerja</h1>');
    expect(renderConfirmPage({ ...base, summary: skp(1) })).toContain('<h1>Persetujuan SKP</h1>');
  });

  it('lists every item for "act on all" and approves them together', () => {
    const batch = renderConfirmPage({ ...base, action: 'view', summary: [evaluation(1), evaluation(2), evaluation(3)] });
    expectSafeDocument(batch);
    for (const n of [1, 2, 3]) expect(batch).toContain(`Pegawai Nomor ${n}`);
    expect(batch).toContain('Setujui semua (3)');
    expect(forms(batch)).toHaveLength(1);
    expect(batch).toContain('gunakan tombol Kembalikan pada usulan tersebut');
    const withReturn = renderConfirmPage({ ...base, action: 'view', summary: [evaluation(1), evaluation(2)], allowBatchReturn: true });
    expect(forms(withReturn)).toHaveLength(2);
  });

  it('escapes hostile summary text and hidden values', () => {
    const evil = renderConfirmPage({
      ...base,
      summary: hostile(),
      hidden: { ...hidden, s: `"><script>alert(1)</script>` },
      formAction: 'javascript:alert(1)',
    });
    for (const pattern of DANGEROUS) expect(evil).not.toMatch(pattern);
    expect(evil).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(evil).toContain('action="#"');
  });

  it('after a rejected POST, shows the error and keeps what was typed', () => {
    const again = renderConfirmPage({ ...base, error: 'reasonRequired', previous: { decision: 'return', comment: XSS } });
    expect(again).toContain('<p class="alert" role="alert" id="form-error">Alasan pengembalian wajib diisi.</p>');
    expect(again).toMatch(/<textarea id="return-reason"[^>]*aria-invalid="true"/);
    expect(again).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</textarea>');
    expect(again).not.toMatch(/<script/);
  });

  it('English', () => {
    const en = renderConfirmPage({ ...base, locale: 'en' });
    expectSafeDocument(en, 'en');
    expect(en).toContain('>Approve</button>');
    expect(en).toContain('Reason for returning (required)');
  });
});

describe('outcome pages', () => {
  const decidedAt = new Date('2027-01-10T03:15:00Z'); // 10.15 WIB

  it('decision done', () => {
    const page = renderDecisionDonePage({ decision: 'approve', decidedAt, items: [{ name: 'Pegawai Nomor 1', nip: '198001012005011001' }] });
    expectSafeDocument(page);
    expect(page).toContain('Keputusan Anda telah dicatat');
    expect(page).toContain('Usulan berikut telah disetujui pada 10 Januari 2027 pukul 10.15 WIB.');
    expect(page).toContain('Pegawai Nomor 1 (NIP 198001012005011001)');
    const returned = renderDecisionDonePage({ decision: 'return', decidedAt, comment: XSS, locale: 'en' });
    expect(returned).toContain('were returned on 10 January 2027 at 10:15 WIB');
    expect(returned).not.toMatch(/<script/);
  });

  it('already decided: who and when (WIB), with no second effect', () => {
    const page = renderAlreadyDecidedPage({ decidedBy: 'Drs. Ahmad Hidayat', decidedAt, decision: 'approve' });
    expectSafeDocument(page);
    expect(page).toContain('Sudah diputuskan oleh Drs. Ahmad Hidayat pada 10 Januari 2027 pukul 10.15 WIB: disetujui.');
    expect(page).toContain('Tidak ada perubahan');
    const plt = renderAlreadyDecidedPage({ decidedBy: 'Sri Wahyuni', onBehalfOf: 'Drs. Ahmad Hidayat', decidedAt, decision: 'return' });
    expect(plt).toContain('Sri Wahyuni selaku pelaksana atas nama Drs. Ahmad Hidayat');
    expect(plt).toContain(': dikembalikan.');
    expect(renderAlreadyDecidedPage({ decidedBy: XSS, decidedAt, decision: 'approve' })).not.toMatch(/<script/);
  });

  it.each(['expired', 'tampered', 'malformed', 'unknown-key'] as const)('link problem: %s says how to get a new link', (reason) => {
    const page = renderLinkProblemPage({ reason });
    expectSafeDocument(page);
    expect(page).toContain('tunggu email pengingat berikutnya');
    expect(page).toContain('pengelola kinerja');
    expect(page).toContain(reason === 'expired' ? 'Tautan sudah kedaluwarsa' : 'Tautan tidak valid');
    expect(renderLinkProblemPage({ reason, locale: 'en' })).toContain('To get a new link');
  });

  it('link problem status codes', () => {
    expect(linkProblemStatus('expired')).toBe(410);
    expect(linkProblemStatus('malformed')).toBe(400);
    expect(linkProblemStatus('tampered')).toBe(403);
    expect(linkProblemStatus('unknown-key')).toBe(403);
  });

  it('escalated and delegated', () => {
    const esc = renderEscalatedPage({ reason: 'escalated', to: 'Sekretaris Daerah', since: decidedAt });
    expectSafeDocument(esc);
    expect(esc).toContain('dieskalasi kepada Sekretaris Daerah sejak 10 Januari 2027 pukul 10.15 WIB');
    const del = renderEscalatedPage({ reason: 'delegated', to: 'Sri Wahyuni (Plt.)', since: decidedAt, locale: 'en' });
    expect(del).toContain('delegated to Sri Wahyuni (Plt.)');
    expect(renderEscalatedPage({ reason: 'delegated', since: decidedAt })).toContain('pejabat yang berwenang');
  });

  it('error page shows a reference, nothing internal', () => {
    const page = renderErrorPage({ reference: 'req-123' });
    expectSafeDocument(page);
    expect(page).toContain('Keputusan Anda belum dicatat');
    expect(page).toContain('Kode referensi: req-123');
    expect(renderErrorPage({ kind: 'notFound', locale: 'en' })).toContain('Page not found');
  });
});

describe('htmlResponse', () => {
  it('sets the security and caching headers', () => {
    const res = htmlResponse(200, '<!DOCTYPE html>');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('<!DOCTYPE html>');
    expect(res.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('script-src');
  });

  it('accepts extra headers', () => {
    expect(htmlResponse(410, '', { 'x-request-id': 'r1' }).headers['x-request-id']).toBe('r1');
  });
});

describe('parseDecisionForm (the POST)', () => {
  const signed = new URLSearchParams(hidden).toString();

  it('approve with or without a comment', () => {
    expect(parseDecisionForm(`${signed}&decision=approve&comment=`)).toEqual({
      ok: true,
      decision: 'approve',
      comment: '',
      fields: expect.objectContaining(hidden),
    });
    const r = parseDecisionForm(`${signed}&decision=approve&comment=${encodeURIComponent('  Baik,\r\nlanjutkan.  ')}`);
    expect(r).toMatchObject({ ok: true, comment: 'Baik,\nlanjutkan.' });
  });

  it('return needs a non-blank reason (the HTML attribute is not trusted)', () => {
    expect(parseDecisionForm(`${signed}&decision=return&comment=`)).toMatchObject({ ok: false, error: 'reasonRequired', decision: 'return' });
    expect(parseDecisionForm(`${signed}&decision=return&comment=%20%0A%09`)).toMatchObject({ ok: false, error: 'reasonRequired' });
    expect(parseDecisionForm(`${signed}&decision=return`)).toMatchObject({ ok: false, error: 'reasonRequired' });
    expect(parseDecisionForm(`${signed}&decision=return&comment=Target+RHK+2+belum+sesuai`)).toMatchObject({
      ok: true,
      decision: 'return',
      comment: 'Target RHK 2 belum sesuai',
    });
    expect(parseDecisionForm(`${signed}&decision=return`, { requireReason: false })).toMatchObject({ ok: true });
  });

  it('rejects a missing or unknown decision, and an over-long comment', () => {
    expect(parseDecisionForm(signed)).toMatchObject({ ok: false, error: 'invalidDecision' });
    expect(parseDecisionForm(`${signed}&decision=view`)).toMatchObject({ ok: false, error: 'invalidDecision' });
    expect(parseDecisionForm(`${signed}&decision=approve&decision=return`)).toMatchObject({ ok: false, error: 'invalidDecision' });
    expect(parseDecisionForm(`${signed}&decision=approve&comment=${'a'.repeat(MAX_COMMENT_LENGTH + 1)}`)).toMatchObject({ ok: false, error: 'reasonTooLong' });
  });

  it('drops duplicated fields, so link verification sees them as missing', () => {
    const r = parseDecisionForm(`${signed}&s=other&decision=approve`);
    expect(r.fields.s).toBeUndefined();
    expect(r.fields.a).toBe('approve');
  });

  it('decodes base64 bodies and strips control characters', () => {
    const body = Buffer.from(`${signed}&decision=return&comment=${encodeURIComponent('Alasan\u0000 jelas\u0007')}`).toString('base64');
    expect(parseDecisionForm(body, { isBase64Encoded: true })).toMatchObject({ ok: true, comment: 'Alasan jelas' });
    expect(parseDecisionForm(undefined)).toMatchObject({ ok: false, error: 'invalidDecision' });
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://kinerja.local/v1/decisions/x?a=view', 'https://kinerja.local/v1/decisions/x?a=view'],
    ['http://localhost:3000/v1/decisions/x', 'http://localhost:3000/v1/decisions/x'],
    ['/v1/decisions/x', '/v1/decisions/x'],
    ['javascript:alert(1)', '#'],
    [' JAVASCRIPT:alert(1)', '#'],
    ['data:text/html,x', '#'],
    ['//evil.example/x', '#'],
    ['/\\evil.example/x', '#'],
    ['relative/path', '#'],
  ])('%s → %s', (input, output) => {
    expect(safeUrl(input)).toBe(output);
  });
});
