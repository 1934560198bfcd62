/** IKM from running totals equals the domain's computeIkm on the answers themselves. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSampleAgency } from '../../../local/sample/schema';
import { computeIkm, DomainError } from '../../../shared/domain';
import { ikmFromTotals, representativeAnswers, totalsOf } from '../../../shared/domain/skm/ikm';

const answer = fc.integer({ min: 1, max: 4 });
const response = fc.array(answer, { minLength: 9, maxLength: 9 });

describe('ikmFromTotals', () => {
  it('equals computeIkm on the answers (NRR, IKM, mutu, kinerja unit), for any survey', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 300 }), (responses) => {
        expect(ikmFromTotals(totalsOf(responses))).toEqual(computeIkm(responses));
      }),
      { numRuns: 300 },
    );
  });

  it('equals computeIkm on every unit of the sample', () => {
    const sample = loadSampleAgency('local/sample/asemrowo.json');
    for (const s of sample.skm) expect(ikmFromTotals(totalsOf(s.responses))).toEqual(computeIkm(s.responses));
  });

  it('builds answers within 1–4 with the same sums', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 50 }), (responses) => {
        const t = totalsOf(responses);
        const rep = representativeAnswers(t);
        expect(rep.flat().every((a) => a !== null && a >= 1 && a <= 4)).toBe(true);
        expect(totalsOf(rep)).toEqual(t);
      }),
    );
  });

  it('with no respondents, is the domain error, not a number', () => {
    expect(() => ikmFromTotals({ respondents: 0, sums: Array(9).fill(0) })).toThrow(DomainError);
  });
});

describe('ikmFromTotals with blank answers', () => {
  const form = fc.array(fc.option(answer, { nil: null }), { minLength: 9, maxLength: 9 }).filter((f) => f.some((a) => a !== null));

  it('equals computeIkm on forms with blanks (NRR per unsur over its own answers)', () => {
    fc.assert(
      fc.property(fc.array(form, { minLength: 1, maxLength: 100 }), (responses) => {
        expect(ikmFromTotals(totalsOf(responses))).toEqual(computeIkm(responses));
      }),
      { numRuns: 300 },
    );
  });

  it('reads totals stored before blanks were allowed (no counts) as every respondent answering', () => {
    const responses = [
      [4, 3, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 2, 4, 3, 3, 3, 3, 3],
    ];
    const { counts: _, ...old } = totalsOf(responses);
    expect(ikmFromTotals(old)).toEqual(computeIkm(responses));
  });
});
