import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIkm, DomainValidationError, IkmResultSchema, type Mutu, mutuForIkm, SKM_UNSUR } from '../../../shared/domain';

/** n respondents whose 9n answers add up to `total` (each 1–4). */
function responsesWithTotal(n: number, total: number): number[][] {
  const cells = 9 * n;
  const base = Math.floor(total / cells);
  const extra = total - base * cells;
  const flat = Array.from({ length: cells }, (_, i) => base + (i < extra ? 1 : 0));
  return Array.from({ length: n }, (_, r) => flat.slice(r * 9, r * 9 + 9));
}

/** The smallest survey whose published IKM is exactly `target`. */
function surveyWithIkm(target: number): number[][] {
  for (let n = 1; n <= 5000; n++) {
    const guess = Math.round((target / 25) * 9 * n);
    for (const total of [guess - 1, guess, guess + 1]) {
      if (total < 9 * n || total > 36 * n) continue;
      if (Math.abs((25 * total) / (9 * n) - target) > 0.006) continue;
      const responses = responsesWithTotal(n, total);
      if (computeIkm(responses).ikm === target) return responses;
    }
  }
  throw new Error(`no survey found for ${target}`);
}

describe('SKM elements (PermenPAN-RB 14/2017)', () => {
  it('has the nine unsur in order', () => {
    expect(SKM_UNSUR.map((u) => u.name.id)).toEqual([
      'Persyaratan',
      'Sistem, mekanisme, dan prosedur',
      'Waktu penyelesaian',
      'Biaya/tarif',
      'Produk spesifikasi jenis pelayanan',
      'Kompetensi pelaksana',
      'Perilaku pelaksana',
      'Penanganan pengaduan, saran, dan masukan',
      'Sarana dan prasarana',
    ]);
  });
});

describe('mutu by IKM band, on the value rounded to 2 decimals', () => {
  it.each<[number, Mutu, string]>([
    [100, 'A', 'Sangat Baik'],
    [88.31, 'A', 'Sangat Baik'],
    [88.305, 'A', 'Sangat Baik'], // rounds to 88.31
    [88.3049, 'B', 'Baik'], // rounds to 88.30
    [88.3, 'B', 'Baik'],
    [76.61, 'B', 'Baik'],
    [76.605, 'B', 'Baik'],
    [76.6049, 'C', 'Kurang Baik'],
    [76.6, 'C', 'Kurang Baik'],
    [65.0, 'C', 'Kurang Baik'],
    [64.995, 'C', 'Kurang Baik'], // rounds to 65.00
    [64.9949, 'D', 'Tidak Baik'],
    [64.99, 'D', 'Tidak Baik'],
    [25, 'D', 'Tidak Baik'],
  ])('IKM %f → %s (%s)', (ikm, mutu, kinerja) => {
    expect(mutuForIkm(ikm)).toMatchObject({ mutu, kinerjaUnit: { id: kinerja } });
  });
});

describe('computeIkm', () => {
  it.each<[number, Mutu]>([
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65.0, 'C'],
    [64.99, 'D'],
  ])('a survey whose IKM is exactly %f is mutu %s', (ikm, mutu) => {
    const result = computeIkm(surveyWithIkm(ikm));
    expect([result.ikm, result.mutu]).toEqual([ikm, mutu]);
  });

  it('computes NRR per element and IKM = Σ(NRR × 1/9) × 25', () => {
    const result = computeIkm([
      [4, 4, 3, 4, 3, 3, 4, 2, 3],
      [3, 4, 3, 4, 4, 3, 4, 3, 2],
      [4, 3, 3, 4, 3, 4, 4, 2, 3],
      [3, 3, 2, 4, 3, 3, 3, 3, 3],
    ]);
    expect(result.nrr).toEqual([3.5, 3.5, 2.75, 4, 3.25, 3.25, 3.75, 2.5, 2.75]);
    // Σ NRR = 29.25; 29.25 / 9 × 25 = 81.25
    expect(result).toMatchObject({ respondents: 4, ikm: 81.25, mutu: 'B', kinerjaUnit: 'Baik', kinerjaUnitEn: 'Good', policyId: 'permenpanrb-6-2022/v1' });
    expect(IkmResultSchema.parse(result)).toEqual(result);
  });

  it.each<[number, number, Mutu]>([
    [1, 25, 'D'],
    [4, 100, 'A'],
  ])('all answers %i → IKM %i', (answer, ikm, mutu) => {
    expect(computeIkm([Array(9).fill(answer)])).toMatchObject({ ikm, mutu });
  });

  it('stays within 25–100 for any valid survey', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 60 }), (responses) => {
        const { ikm } = computeIkm(responses);
        return ikm >= 25 && ikm <= 100;
      }),
    );
  });

  it.each<[string, number[][], string, string]>([
    ['no responses', [], 'SKM_NO_RESPONSES', 'Belum ada jawaban'],
    ['8 answers', [[4, 4, 4, 4, 4, 4, 4, 4]], 'SKM_ANSWER_COUNT', 'Responden ke-1: harus 9 jawaban (satu per unsur), ada 8.'],
    ['10 answers', [Array(10).fill(3)], 'SKM_ANSWER_COUNT', 'ada 10'],
    ['an answer of 0', [[0, 4, 4, 4, 4, 4, 4, 4, 4]], 'SKM_ANSWER_INVALID', 'Responden ke-1, unsur Persyaratan: jawaban harus bilangan bulat 1 sampai 4.'],
    ['an answer of 5', [[4, 4, 4, 4, 4, 4, 4, 4, 5]], 'SKM_ANSWER_INVALID', 'unsur Sarana dan prasarana'],
    ['an answer of 2.5', [[4, 4, 2.5, 4, 4, 4, 4, 4, 4]], 'SKM_ANSWER_INVALID', 'unsur Waktu penyelesaian'],
    ['NaN', [[4, 4, 4, NaN, 4, 4, 4, 4, 4]], 'SKM_ANSWER_INVALID', 'unsur Biaya/tarif'],
  ])('rejects %s', (_, responses, code, idText) => {
    let error: unknown;
    try {
      computeIkm(responses);
    } catch (e) {
      error = e;
    }
    const errors = error instanceof DomainValidationError ? error.errors : [error];
    expect(errors[0]).toMatchObject({ code });
    expect((errors[0] as { messageId: string }).messageId).toContain(idText);
  });

  it('lists the first 20 bad answers and counts them all', () => {
    const bad = Array.from({ length: 50 }, () => Array(9).fill(0));
    try {
      computeIkm(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainValidationError);
      expect((e as DomainValidationError).errors).toHaveLength(20);
      expect((e as DomainValidationError).total).toBe(450);
      expect((e as DomainValidationError).messageId).toContain('450 masalah');
    }
  });
});

/**
 * Partly answered forms. PermenPAN-RB 14/2017's formula divides each unsur's total by "total unsur yang
 * terisi", its number of answers: a blank is neither a zero nor a guess.
 */
describe('computeIkm with blank unsur (null)', () => {
  it("follows the regulation's steps: total per unsur / answers to it = NRR; Σ NRR × 1/9 × 25 = IKM", () => {
    // Ten forms in the annex's layout (rows = respondents, columns U1–U9); three leave one unsur blank.
    const forms: (number | null)[][] = [
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
      [4, 3, 3, 4, 3, 3, 3, 3, 3],
      [3, 4, 3, 4, 3, 4, 3, 3, 3],
      [3, 3, 2, 4, 3, 3, 4, 3, 3],
      [4, 3, 3, 4, 4, 3, 3, 2, 3],
      [3, 3, 3, null, 3, 3, 3, 3, 4],
      [4, 4, 3, 4, 3, 3, 4, 3, 3],
      [3, 3, 3, 4, 3, 4, 3, null, 3],
      [3, 3, 2, 4, 3, 3, 3, 3, 3],
      [null, 3, 3, 4, 3, 3, 4, 3, 3],
    ];
    const r = computeIkm(forms);
    // Totals per unsur: 30 32 28 35 31 32 33 26 31; answers: 9 10 10 9 10 10 10 9 10.
    expect(r.answered).toEqual([9, 10, 10, 9, 10, 10, 10, 9, 10]);
    const expectedNrr = [30 / 9, 3.2, 2.8, 35 / 9, 3.1, 3.2, 3.3, 26 / 9, 3.1];
    r.nrr.forEach((x, u) => expect(x).toBeCloseTo(expectedNrr[u]!, 12));
    // Σ NRR = 28.8111 (to 4 places); × 1/9 = 3.2012 (the "nilai indeks"); × 25 = 80.03 → mutu B, Baik.
    expect(r).toMatchObject({ respondents: 10, ikm: 80.03, mutu: 'B', kinerjaUnit: 'Baik' });
    // Counting a blank as 0 (dividing by the respondents) would give 77.22: still B here, but wrong.
    const asZero = forms.map((f) => f.map((a) => a ?? 0));
    const zeroIkm = (asZero.reduce((s, f) => s + f.reduce((t, a) => t + a, 0), 0) / 10 / 9) * 25;
    expect(Math.round(zeroIkm * 100) / 100).toBe(77.22);
  });

  it("a blank leaves that unsur's NRR to the answers it has", () => {
    const r = computeIkm([
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [2, 2, 2, null, 2, 2, 2, 2, 2],
    ]);
    expect(r.nrr).toEqual([3, 3, 3, 4, 3, 3, 3, 3, 3]);
    expect(r.answered).toEqual([2, 2, 2, 1, 2, 2, 2, 2, 2]);
    expect(r.ikm).toBe(77.78); // 28 / 9 × 25 = 77.777…
  });

  it('a form answering one unsur counts for that unsur only', () => {
    const full = [
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
    ];
    const withOne = [...full, [null, null, null, null, null, null, 1, null, null]];
    const a = computeIkm(full);
    const b = computeIkm(withOne);
    expect(b.respondents).toBe(3);
    b.nrr.forEach((x, u) => expect(x).toBe(u === 6 ? 8 / 3 : a.nrr[u]));
  });

  it('an unsur nobody answered has no NRR and is left out of the weight, so IKM stays on 25–100', () => {
    const r = computeIkm([[null, 4, 4, 4, 4, 4, 4, 4, 4]]);
    expect(r.nrr[0]).toBeNull();
    expect(r.answered[0]).toBe(0);
    expect(r.ikm).toBe(100);
    expect(IkmResultSchema.parse(r)).toEqual(r);
  });

  it('stays within 25–100 for any survey with blanks', () => {
    const form = fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), { minLength: 9, maxLength: 9 }).filter((f) => f.some((a) => a !== null));
    fc.assert(
      fc.property(fc.array(form, { minLength: 1, maxLength: 40 }), (responses) => {
        const { ikm } = computeIkm(responses);
        return ikm >= 25 && ikm <= 100;
      }),
    );
  });

  it('rejects a form with every unsur blank, naming the respondent', () => {
    try {
      computeIkm([[4, 4, 4, 4, 4, 4, 4, 4, 4], Array(9).fill(null)]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainValidationError);
      expect((e as DomainValidationError).errors[0]).toMatchObject({ code: 'SKM_NO_ANSWER', field: 'responses.1' });
      expect((e as DomainValidationError).errors[0]!.messageId).toContain('Responden ke-2: jawab setidaknya satu unsur.');
    }
  });

  it('still rejects a bad answer next to a blank', () => {
    expect(() => computeIkm([[null, 5, 4, 4, 4, 4, 4, 4, 4]])).toThrow(DomainValidationError);
  });
});
