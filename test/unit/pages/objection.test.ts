/** The objection (keberatan) pages, the follow-up sentences per kind, and the re-rating rules behind them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAlreadyDecidedPage, renderDecisionDonePage, renderObjectionPage, renderObjectionPreviewPage } from '../../../shared/adapters/render/pages';
import { rerateResult, suggestRerate } from '../../../shared/application/decisions/decide';
import { predikatFor } from '../../../shared/domain/predikat';
import { PredikatSchema, type Rating, RatingSchema } from '../../../shared/domain/ratings';
import { objection, XSS } from '../mail/fixtures';

const hidden = { a: 'approve', r: 'AbCdEfGhIjKlMnOp', e: '1800000000', k: 'k1', s: 'x'.repeat(43) };
const ratings = [
  { value: 'DI_BAWAH', label: 'Di Bawah Ekspektasi' },
  { value: 'SESUAI', label: 'Sesuai Ekspektasi' },
  { value: 'DI_ATAS', label: 'Di Atas Ekspektasi' },
];

describe('the objection page', () => {
  const page = renderObjectionPage({
    item: objection(1),
    action: 'approve',
    formAction: '/v1/decisions/x',
    hidden,
    ratings,
    suggested: { resultsRating: 'SESUAI', behaviourRating: 'SESUAI' },
    switchUrl: '/v1/decisions/x?lang=en',
  });

  it('is titled as an objection and shows the reason, the result objected to and the predikat asked for', () => {
    expect(page).toContain('<h1>Keberatan atas hasil penilaian kinerja</h1>');
    for (const text of ['Alasan keberatan dari pegawai', 'Beban tugas tambahan', 'Butuh Perbaikan', 'Predikat yang diminta pegawai'])
      expect(page).toContain(text);
  });

  it('offers two plain choices, each needing a reason; granting previews first and preselects the suggestion', () => {
    const forms = [...page.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]);
    expect(forms).toHaveLength(2);
    expect(forms[0]).toContain('name="decision" value="approve"');
    expect(forms[0]).toContain('>Tinjau hasilnya<');
    expect(forms[0]).toMatch(/<select id="grant-resultsRating"[\s\S]*<option value="SESUAI" selected>/);
    expect(forms[1]).toContain('>Tolak keberatan<');
    for (const f of forms) expect(f).toMatch(/<textarea[^>]* required aria-required="true"/);
    expect(page).not.toContain('>Setujui<');
    expect(page).toMatch(/<nav class="lang"[^>]*><a href="\/v1\/decisions\/x\?lang=en" lang="en"/);
  });

  it('a reject link opens with "Tolak keberatan" first; English works', () => {
    const reject = renderObjectionPage({ item: objection(1), action: 'return', formAction: '/x', hidden, ratings });
    expect(reject.indexOf('reject-heading')).toBeLessThan(reject.indexOf('grant-heading'));
    const en = renderObjectionPage({ locale: 'en', item: objection(1), action: 'approve', formAction: '/x', hidden, ratings });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Reject the objection');
  });

  it('the preview shows the predikat the new ratings give, carries everything to confirm, and escapes the reason', () => {
    const preview = renderObjectionPreviewPage({
      name: 'Samsul',
      before: 'Butuh Perbaikan',
      predikat: 'Baik',
      resultsRating: 'Sesuai Ekspektasi',
      behaviourRating: 'Sesuai Ekspektasi',
      comment: XSS,
      formAction: '/x',
      hidden: { ...hidden, decision: 'approve', comment: XSS, resultsRating: 'SESUAI', behaviourRating: 'SESUAI', confirm: '1' },
      backUrl: '/x?a=approve',
    });
    expect(preview).toContain('Predikat Kinerja menjadi Baik (sebelumnya Butuh Perbaikan)');
    expect(preview).toContain('name="confirm" value="1"');
    expect(preview).toContain('>Kabulkan keberatan: predikat Baik<');
    expect(preview).not.toContain('<script>');
  });
});

describe('outcome pages name the right people and promise only notices that are sent', () => {
  const at = new Date('2027-01-20T03:00:00Z');
  it('per kind and outcome', () => {
    expect(renderDecisionDonePage({ decision: 'return', kind: 'SKP_APPROVAL', decidedAt: at })).toContain('Pegawai menerima pemberitahuan beserta catatan');
    expect(renderDecisionDonePage({ decision: 'approve', kind: 'SKP_APPROVAL', decidedAt: at })).toContain('SKP-nya telah disetujui');
    expect(renderDecisionDonePage({ decision: 'return', kind: 'EVALUATION_APPROVAL', decidedAt: at })).toContain('Pejabat Penilai Kinerja');
    const granted = renderDecisionDonePage({ decision: 'approve', kind: 'OBJECTION', decidedAt: at, predikat: 'Baik' });
    expect(granted).toContain('telah dikabulkan');
    expect(granted).toContain('Predikat Kinerja baru: Baik');
    expect(renderAlreadyDecidedPage({ decision: 'return', kind: 'OBJECTION', decidedAt: at, decidedBy: 'Camat' })).toContain(': ditolak.');
  });
});

describe('re-rating a granted objection', () => {
  const scale = RatingSchema.options;
  const score = (r: Rating, b: Rating) => ({ score: { resultsRating: r, behaviour: { final: b } } }) as never;

  it('the suggestion always gives the predikat asked for when the matrix has it, changing as little as possible', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scale), fc.constantFrom(...scale), fc.constantFrom(...PredikatSchema.options), (r, b, asked) => {
        const s = suggestRerate(score(r, b), asked);
        const reachable = scale.some((x) => scale.some((y) => predikatFor(x, y) === asked));
        expect(s !== undefined).toBe(reachable);
        if (s) {
          expect(predikatFor(s.resultsRating!, s.behaviourRating!)).toBe(asked);
          const changed = Number(s.resultsRating !== r) + Number(s.behaviourRating !== b);
          const keepsOne = scale.some((y) => predikatFor(r, y) === asked) || scale.some((x) => predikatFor(x, b) === asked);
          if (predikatFor(r, b) === asked) expect(changed).toBe(0);
          else if (keepsOne) expect(changed).toBe(1);
        }
      }),
    );
  });

  it('the stored predikat is always the matrix’s for the stored ratings; granting without a change is refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scale), fc.constantFrom(...scale), fc.constantFrom(...scale), fc.constantFrom(...scale), (r, b, nr, nb) => {
        if (nr === r && nb === b) {
          expect(() => rerateResult(score(r, b), { resultsRating: nr, behaviourRating: nb })).toThrow(/Tolak keberatan|reject/);
          return;
        }
        const out = rerateResult(score(r, b), { resultsRating: nr, behaviourRating: nb });
        expect(out.predikat).toBe(predikatFor(nr, nb));
      }),
    );
    // Only one rating given: the other is kept.
    expect(rerateResult(score('DI_BAWAH', 'SESUAI'), { resultsRating: 'SESUAI' })).toEqual({
      resultsRating: 'SESUAI',
      behaviourRating: 'SESUAI',
      predikat: 'BAIK',
    });
  });
});
