import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  achievementPercent,
  achievementRatio,
  aFewOf,
  type ExpectationPolicy,
  isMost,
  lowestRating,
  type QuantitativeTarget,
  type Rating,
  RatingSchema,
  type RhkJenis,
  ratingForAchievement,
  ratingRank,
  resultsRatingFromRhk,
} from '../../../shared/domain';
import { additional, main, policy } from './fixtures';

const higher = (value: number): QuantitativeTarget => ({ kind: 'quantitative', value, unit: 'dokumen', direction: 'higherIsBetter' });
const lower = (value: number): QuantitativeTarget => ({ kind: 'quantitative', value, unit: 'hari', direction: 'lowerIsBetter' });
const mainOnly: ExpectationPolicy = { ...policy, results: { ...policy.results, additionalRhk: 'mainOnly' } };
const rating = fc.constantFrom(...RatingSchema.options);

describe('achievement per indicator', () => {
  it.each<[string, QuantitativeTarget, number, number, Rating]>([
    // higher is better: realisation / target
    ['110 of 100', higher(100), 110, 110, 'DI_ATAS'],
    ['109.99 of 100', higher(100), 109.99, 109.99, 'SESUAI'],
    ['100 of 100', higher(100), 100, 100, 'SESUAI'],
    ['99.99 of 100', higher(100), 99.99, 99.99, 'DI_BAWAH'],
    ['0 of 100', higher(100), 0, 0, 'DI_BAWAH'],
    ['1.1 of 1 (binary noise)', higher(1), 1.1, 110, 'DI_ATAS'],
    ['0.11 of 0.1 (109.99999999999999 in floating point)', higher(0.1), 0.11, 110, 'DI_ATAS'],
    ['1320 of 1200', higher(1200), 1320, 110, 'DI_ATAS'],
    ['2 of 3 (rounded to 2 decimals)', higher(3), 2, 66.67, 'DI_BAWAH'],
    // lower is better: 2 − realisation / target
    ['90 days against 100', lower(100), 90, 110, 'DI_ATAS'],
    ['0.9 against 1 (binary noise)', lower(1), 0.9, 110, 'DI_ATAS'],
    ['90.01 against 100', lower(100), 90.01, 109.99, 'SESUAI'],
    ['100 against 100', lower(100), 100, 100, 'SESUAI'],
    ['100.01 against 100', lower(100), 100.01, 99.99, 'DI_BAWAH'],
    ['3 hours against 4', lower(4), 3, 125, 'DI_ATAS'],
    ['0 complaints against 5', lower(5), 0, 200, 'DI_ATAS'],
    ['twice the target', lower(10), 20, 0, 'DI_BAWAH'],
    ['more than twice the target (not clamped)', lower(10), 25, -50, 'DI_BAWAH'],
  ])('%s → %s%% → %s', (_, target, realisation, percent, expected) => {
    expect(achievementPercent(target, realisation)).toBe(percent);
    expect(ratingForAchievement(achievementPercent(target, realisation), policy)).toBe(expected);
  });

  // Quantities as recorded: hundredths of a unit (days, hours, complaints, documents).
  const amount = fc.integer({ min: 0, max: 100_000_000 }).map((x) => x / 100);
  const target = fc.integer({ min: 1, max: 100_000_000 }).map((x) => x / 100);

  it('a lower-is-better achievement strictly falls as realisation grows', () => {
    fc.assert(
      fc.property(target, amount, amount, (t, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        // Strictly on the ratio; never rising on the rounded percent HR sees.
        return achievementRatio(lower(t), hi) < achievementRatio(lower(t), lo) && achievementPercent(lower(t), hi) <= achievementPercent(lower(t), lo);
      }),
    );
  });

  it('a higher-is-better achievement rises as realisation grows', () => {
    fc.assert(
      fc.property(target, amount, amount, (t, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return achievementRatio(higher(t), hi) > achievementRatio(higher(t), lo) && achievementPercent(higher(t), hi) >= achievementPercent(higher(t), lo);
      }),
    );
  });
});

describe('an RHK with several indicators takes the lowest indicator rating', () => {
  it.each<[Rating[], Rating]>([
    [['DI_ATAS'], 'DI_ATAS'],
    [['DI_ATAS', 'SESUAI'], 'SESUAI'],
    [['DI_ATAS', 'DI_BAWAH', 'DI_ATAS'], 'DI_BAWAH'],
    [['SESUAI', 'SESUAI'], 'SESUAI'],
  ])('%j → %s', (ratings, expected) => {
    expect(lowestRating(ratings)).toBe(expected);
  });
});

describe('"most" and "a few"', () => {
  it.each<[number, number, boolean]>([
    [1, 1, true],
    [1, 2, false], // half is not most
    [2, 3, true],
    [2, 4, false],
    [3, 4, true],
    [3, 5, true],
    [3, 6, false],
    [4, 7, true],
    [0, 0, false],
  ])('%i of %i is most: %s', (count, of, expected) => {
    expect(isMost(count, of, policy)).toBe(expected);
  });

  it.each<[number, number]>([
    [1, 1], // floor(0.25) = 0, but at least one
    [2, 1],
    [3, 1],
    [4, 1],
    [5, 1],
    [7, 1],
    [8, 2],
    [11, 2],
    [12, 3],
    [20, 5],
  ])('a few of %i main RHK = %i', (mainCount, expected) => {
    expect(aFewOf(mainCount, policy)).toBe(expected);
  });
});

describe('overall results rating', () => {
  const A = 'DI_ATAS' as const;
  const S = 'SESUAI' as const;
  const B = 'DI_BAWAH' as const;
  it.each<[string, { jenis: RhkJenis; rating: Rating }[], Rating, string]>([
    ['one main above', main(A), A, 'MOST_ABOVE'],
    ['one main meets', main(S), S, 'MOST_MEET'],
    ['one main below', main(B), B, 'MOST_BELOW'],
    ['all main above', main(A, A, A), A, 'MOST_ABOVE'],
    ['most above, rest meets', main(A, A, S), A, 'MOST_ABOVE'],
    ['most above but one main below', main(A, A, B), S, 'MOST_MEET'],
    ['half above is not most', main(A, S), S, 'MOST_MEET'],
    ['4 main: 3 meet, 1 below (a few = 1)', main(S, S, S, B), S, 'MOST_MEET'],
    ['4 main: 2 meet, 2 below', main(S, S, B, B), B, 'NO_MAJORITY'],
    ['2 main: one met, one not', main(S, B), B, 'NO_MAJORITY'],
    ['3 main: 2 meet, 1 below', main(S, A, B), S, 'MOST_MEET'],
    ['3 main: 1 meets, 2 below', main(S, B, B), B, 'MOST_BELOW'],
    ['5 main: 4 meet, 1 below (a few = 1)', main(S, S, S, A, B), S, 'MOST_MEET'],
    ['7 main: 5 meet, 2 below (a few = 1)', main(S, S, S, S, A, B, B), B, 'NO_MAJORITY'],
    ['8 main: 6 meet, 2 below (a few = 2)', main(S, S, S, S, S, A, B, B), S, 'MOST_MEET'],
    ['8 main: 5 meet, 3 below (a few = 2)', main(S, S, S, S, A, B, B, B), B, 'NO_MAJORITY'],
    ['9 main: 5 above, 4 meet', main(A, A, A, A, A, S, S, S, S), A, 'MOST_ABOVE'],
    ['all main below', main(B, B, B), B, 'MOST_BELOW'],
  ])('%s → %s', (_, rhk, expected, clause) => {
    const summary = resultsRatingFromRhk(rhk, policy);
    expect(summary.rating).toBe(expected);
    expect(summary.clause).toBe(clause);
  });

  it.each<[string, { jenis: RhkJenis; rating: Rating }[], Rating, Rating]>([
    // [case, RHK, with countInFavour (default), with mainOnly]
    ['additional above lifts a meeting employee to above', [...main(S), ...additional(A, A)], A, S],
    ['additional above makes most above with half the main above', [...main(A, S), ...additional(A)], A, S],
    ['additional below never drags main work down', [...main(S, S), ...additional(B, B, B)], S, S],
    ['additional below does not dilute "most above"', [...main(A, A), ...additional(B, B, B)], A, A],
    ['additional meeting does not dilute "most above"', [...main(A, A), ...additional(S, S, S)], A, A],
    ['additional meeting lifts a half-met main list to meets', [...main(S, B), ...additional(S)], S, B],
    ['a main RHK below still bars Di Atas', [...main(A, B), ...additional(A, A, A)], S, B],
  ])('%s', (_, rhk, favour, onlyMain) => {
    expect(resultsRatingFromRhk(rhk, policy).rating).toBe(favour);
    expect(resultsRatingFromRhk(rhk, mainOnly).rating).toBe(onlyMain);
  });

  it('rejects a list without a main RHK', () => {
    expect(() => resultsRatingFromRhk(additional('DI_ATAS'), policy)).toThrow(expect.objectContaining({ code: 'SKP_NO_MAIN_RHK' }));
  });

  const rhkList = fc
    .tuple(fc.array(rating, { minLength: 1, maxLength: 12 }), fc.array(rating, { maxLength: 6 }))
    .map(([m, a]) => [...main(...m), ...additional(...a)]);

  it.each([
    ['countInFavour', policy],
    ['mainOnly', mainOnly],
  ])('improving one RHK never lowers the overall rating (%s)', (_, p) => {
    fc.assert(
      fc.property(rhkList, fc.nat(), (rhk, pick) => {
        const i = pick % rhk.length;
        const r = rhk[i]!;
        fc.pre(r.rating !== 'DI_ATAS');
        const improved = rhk.map((x, j) => (j === i ? { ...x, rating: RatingSchema.options[ratingRank[x.rating] + 1]! } : x));
        return ratingRank[resultsRatingFromRhk(improved, p).rating] >= ratingRank[resultsRatingFromRhk(rhk, p).rating];
      }),
    );
  });

  it('adding an additional RHK never lowers the overall rating', () => {
    fc.assert(
      fc.property(rhkList, rating, (rhk, extra) => {
        const more = [...rhk, ...additional(extra)];
        return ratingRank[resultsRatingFromRhk(more, policy).rating] >= ratingRank[resultsRatingFromRhk(rhk, policy).rating];
      }),
    );
  });
});
