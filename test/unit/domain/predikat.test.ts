import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PREDIKAT_MATRIX, type Predikat, predikatFor, predikatLabel, predikatRank, type Rating, RatingSchema, ratingRank } from '../../../shared/domain';

const ratings = RatingSchema.options; // lowest first
const rating = fc.constantFrom(...ratings);
const better = (r: Rating): Rating | undefined => ratings[ratingRank[r] + 1];

describe('predikat matrix (PermenPAN-RB 6/2022)', () => {
  it.each<[Rating, Rating, Predikat]>([
    ['DI_ATAS', 'DI_BAWAH', 'KURANG'],
    ['DI_ATAS', 'SESUAI', 'BAIK'],
    ['DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK'],
    ['SESUAI', 'DI_BAWAH', 'KURANG'],
    ['SESUAI', 'SESUAI', 'BAIK'],
    ['SESUAI', 'DI_ATAS', 'BAIK'],
    ['DI_BAWAH', 'DI_BAWAH', 'SANGAT_KURANG'],
    ['DI_BAWAH', 'SESUAI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH', 'DI_ATAS', 'BUTUH_PERBAIKAN'],
  ])('results %s × behaviour %s → %s', (results, behaviour, expected) => {
    expect(predikatFor(results, behaviour)).toBe(expected);
  });

  it('has exactly nine cells and is frozen data', () => {
    expect(Object.values(PREDIKAT_MATRIX).flatMap((row) => Object.values(row))).toHaveLength(9);
    expect(Object.isFrozen(PREDIKAT_MATRIX)).toBe(true);
    expect(Object.isFrozen(PREDIKAT_MATRIX.DI_ATAS)).toBe(true);
  });

  it.each<[Predikat, string]>([
    ['SANGAT_BAIK', 'Sangat Baik'],
    ['BAIK', 'Baik'],
    ['BUTUH_PERBAIKAN', 'Butuh Perbaikan'],
    ['KURANG', 'Kurang (Misconduct)'],
    ['SANGAT_KURANG', 'Sangat Kurang'],
  ])('%s is labelled "%s"', (p, label) => {
    expect(predikatLabel[p].id).toBe(label);
    expect(predikatLabel[p].en.length).toBeGreaterThan(0);
  });
});

describe('monotonicity of the matrix', () => {
  it('improving the results rating alone never lowers the predikat', () => {
    fc.assert(
      fc.property(rating, rating, (r, b) => {
        const up = better(r);
        return up === undefined || predikatRank[predikatFor(up, b)] >= predikatRank[predikatFor(r, b)];
      }),
    );
  });

  it('improving the behaviour rating alone never lowers the predikat', () => {
    fc.assert(
      fc.property(rating, rating, (r, b) => {
        const up = better(b);
        return up === undefined || predikatRank[predikatFor(r, up)] >= predikatRank[predikatFor(r, b)];
      }),
    );
  });

  // Improving does not always raise: these single steps leave the predikat unchanged.
  it.each<[string, Rating, Rating, Rating, Rating]>([
    ['results Sesuai → Di Atas with behaviour Sesuai stays Baik', 'SESUAI', 'SESUAI', 'DI_ATAS', 'SESUAI'],
    ['results Sesuai → Di Atas with behaviour Di Bawah stays Kurang', 'SESUAI', 'DI_BAWAH', 'DI_ATAS', 'DI_BAWAH'],
    ['behaviour Sesuai → Di Atas with results Sesuai stays Baik', 'SESUAI', 'SESUAI', 'SESUAI', 'DI_ATAS'],
    ['behaviour Sesuai → Di Atas with results Di Bawah stays Butuh Perbaikan', 'DI_BAWAH', 'SESUAI', 'DI_BAWAH', 'DI_ATAS'],
  ])('%s', (_, r1, b1, r2, b2) => {
    expect(predikatFor(r2, b2)).toBe(predikatFor(r1, b1));
  });

  it('trading one rating for the other is not ordered: Di Atas/Di Bawah (Kurang) ranks below Di Bawah/Sesuai (Butuh Perbaikan)', () => {
    expect(predikatRank[predikatFor('DI_ATAS', 'DI_BAWAH')]).toBeLessThan(predikatRank[predikatFor('DI_BAWAH', 'SESUAI')]);
  });

  it('no single-step improvement moves between Kurang and Butuh Perbaikan, so either order of the two is monotone', () => {
    for (const r of ratings)
      for (const b of ratings) {
        const from = predikatFor(r, b);
        for (const to of [better(r) && predikatFor(better(r)!, b), better(b) && predikatFor(r, better(b)!)]) {
          if (!to) continue;
          expect([from, to].sort()).not.toEqual(['BUTUH_PERBAIKAN', 'KURANG']);
        }
      }
  });
});
