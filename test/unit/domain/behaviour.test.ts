import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessValue,
  BERAKHLAK,
  type BehaviourFeedback,
  type CitizenEvidence,
  type ExpectationPolicy,
  medianRating,
  proposeBehaviourRating,
  type Rating,
  RatingSchema,
  ratingRank,
} from '../../../shared/domain';
import { policy, raterFeedback } from './fixtures';

const A = 'DI_ATAS' as const;
const S = 'SESUAI' as const;
const B = 'DI_BAWAH' as const;
const fb = (source: BehaviourFeedback['source'], rating: Rating, value: BehaviourFeedback['value'] = 'AKUNTABEL'): BehaviourFeedback => ({
  source,
  value,
  rating,
});
const citizens = (...ratings: Rating[]): CitizenEvidence[] => ratings.map((rating) => ({ rating }));

describe('BerAKHLAK values as data (SE MenPAN-RB 20/2021)', () => {
  it('has the seven values in order, each with three behaviours in Indonesian and English', () => {
    expect(BERAKHLAK.map((v) => v.name.id)).toEqual(['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif']);
    for (const v of BERAKHLAK) {
      expect(v.behaviours).toHaveLength(3);
      for (const b of v.behaviours) expect(b.id.length * b.en.length).toBeGreaterThan(0);
    }
  });
});

describe('median on the expectation scale', () => {
  it.each<[Rating[], Rating | undefined]>([
    [[], undefined],
    [[A], A],
    [[A, A, B], A],
    [[A, B], S], // an even split resolves to the expectation
    [[S, B], S],
    [[A, S], S],
    [[A, A, S, S], S],
    [[A, A, A, S], A],
    [[B, B, B, A, A, A, S], S],
    [[B, B, S, S, A, A, A], S],
    [[B, B, B, B, A, A, A], B],
  ])('%j → %s', (ratings, expected) => {
    expect(medianRating(ratings)).toBe(expected);
  });

  it('never falls when one voice improves', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RatingSchema.options), { minLength: 1, maxLength: 15 }), fc.nat(), (voices, pick) => {
        const i = pick % voices.length;
        fc.pre(voices[i] !== A);
        const improved = voices.map((v, j) => (j === i ? RatingSchema.options[ratingRank[v] + 1]! : v));
        return ratingRank[medianRating(improved)!] >= ratingRank[medianRating(voices)!];
      }),
    );
  });
});

describe('rating of one value', () => {
  it.each<[string, BehaviourFeedback[], CitizenEvidence[], Rating, string]>([
    ["the rater's view decides over peers", [fb('peer', A), fb('peer', A), fb('rater', B)], [], B, 'rater'],
    ['without the rater, the median of peers and subordinates', [fb('peer', A), fb('subordinate', A), fb('peer', B)], [], A, 'feedback'],
    ['an even split of peers is Sesuai', [fb('peer', A), fb('peer', B)], [], S, 'feedback'],
    ['nobody rated it: the policy default (Sesuai)', [fb('rater', A, 'KOMPETEN')], [], S, 'noFeedback'],
    ['citizen evidence does not count for another value', [], citizens(B, B, B), S, 'noFeedback'],
  ])('%s', (_, feedback, evidence, expected, basis) => {
    const v = assessValue('AKUNTABEL', feedback, evidence, policy);
    expect(v.rating).toBe(expected);
    expect(v.basis).toBe(basis);
  });

  it.each<[string, BehaviourFeedback[], CitizenEvidence[], Rating, number]>([
    ['citizens alone speak for Berorientasi Pelayanan', [], citizens(A, A, S), A, 1],
    [
      'all citizens together are one voice beside the peers',
      [fb('peer', B, 'BERORIENTASI_PELAYANAN'), fb('peer', B, 'BERORIENTASI_PELAYANAN')],
      citizens(A, A, A, A, A, A),
      B,
      3,
    ],
    ['the rater still decides', [fb('rater', S, 'BERORIENTASI_PELAYANAN')], citizens(B, B, B), S, 1],
  ])('%s', (_, feedback, evidence, expected, voices) => {
    const v = assessValue('BERORIENTASI_PELAYANAN', feedback, evidence, policy);
    expect(v.rating).toBe(expected);
    expect(v.voices).toBe(voices);
  });

  it('with raterFirst off the rater is one voice among the others', () => {
    const p: ExpectationPolicy = { ...policy, behaviour: { ...policy.behaviour, raterFirst: false } };
    expect(assessValue('AKUNTABEL', [fb('rater', B), fb('peer', A), fb('peer', A)], [], p).rating).toBe(A);
  });
});

describe('proposed behaviour rating: the median of the seven values', () => {
  it.each<[Rating[], Rating]>([
    [[S, S, S, S, S, S, S], S],
    [[A, A, A, A, S, S, S], A], // a majority of values (4 of 7) above
    [[A, A, A, S, S, S, S], S],
    [[B, B, B, B, A, A, A], B],
    [[A, A, A, B, B, B, S], S], // no majority: the middle value
    [[A, A, A, B, B, B, B], B],
    [[A, A, B, B, S, S, A], S],
  ])('values %j → %s', (values, expected) => {
    expect(proposeBehaviourRating(raterFeedback(values), [], policy).proposed).toBe(expected);
  });
});
