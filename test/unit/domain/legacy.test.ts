import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY_ID,
  efficiencyScore,
  getPolicy,
  type LegacyInput,
  type LegacyPredikat,
  legacyPredikatFor,
  outputScore,
  requireNumericPolicy,
  scoreLegacy,
} from '../../../shared/domain';

const pp46 = requireNumericPolicy(getPolicy('pp46-2011/v1'));
const pp30 = requireNumericPolicy(getPolicy('pp30-2019/v1'));
const aspect = (target: number, realisation: number) => ({ target, realisation });

describe('PP 46/2011 task aspects (Perka BKN 1/2013)', () => {
  it.each<[string, number, number, number]>([
    ['quantity on target', 10, 10, 100],
    ['quantity over target', 10, 12, 120],
    ['quality 95 of 100', 100, 95, 95],
  ])('%s → %f', (_, target, realisation, expected) => {
    expect(outputScore(aspect(target, realisation))).toBeCloseTo(expected, 10);
  });

  it.each<[string, number, number, number]>([
    ['on time (efficiency 0%)', 12, 12, 76],
    ['2 months early (efficiency 16.67%)', 12, 10, 92.67],
    ['efficiency exactly 24%', 100, 76, 100],
    ['efficiency 25%: the penalty formula', 100, 75, 75],
    ['efficiency 50%', 100, 50, 50],
    ['late by 10%', 100, 110, 66],
    ['cost 10% under budget', 1_000_000, 900_000, 86],
  ])('time/cost %s → %f', (_, target, realisation, expected) => {
    expect(efficiencyScore(aspect(target, realisation), pp46)).toBeCloseTo(expected, 2);
  });
});

describe('legacy predikat bands', () => {
  it.each<[number, LegacyPredikat]>([
    [100, 'SANGAT_BAIK'],
    [91, 'SANGAT_BAIK'],
    [90.99, 'BAIK'],
    [76, 'BAIK'],
    [75.99, 'CUKUP'],
    [61, 'CUKUP'],
    [60.99, 'KURANG'],
    [51, 'KURANG'],
    [50.99, 'BURUK'],
    [50, 'BURUK'],
    [0, 'BURUK'],
  ])('PP 46/2011: %f → %s', (score, expected) => {
    expect(legacyPredikatFor(score, false, pp46)).toBe(expected);
  });

  it.each<[number, boolean, LegacyPredikat]>([
    [120, true, 'SANGAT_BAIK'],
    [110, true, 'SANGAT_BAIK'],
    [110, false, 'BAIK'], // Sangat Baik also needs an innovation
    [120, false, 'BAIK'],
    [109.99, true, 'BAIK'],
    [90, false, 'BAIK'],
    [89.99, false, 'CUKUP'],
    [70, false, 'CUKUP'],
    [69.99, false, 'KURANG'],
    [50, false, 'KURANG'],
    [49.99, false, 'SANGAT_KURANG'],
  ])('PP 30/2019: %f (innovation %s) → %s', (score, innovation, expected) => {
    expect(legacyPredikatFor(score, innovation, pp30)).toBe(expected);
  });
});

describe('scoreLegacy', () => {
  const input: LegacyInput = {
    tasks: [
      // quantity 100, quality 109, time 76 → task 95
      { name: 'Rekap data penduduk', quantity: aspect(12, 12), quality: aspect(100, 109), time: aspect(12, 12) },
    ],
    behaviourScores: [80, 80, 80, 80, 80],
  };

  it.each<[string, string, boolean, number, number, LegacyPredikat]>([
    ['PP 46/2011: 60% SKP + 40% behaviour', 'pp46-2011/v1', false, 0.6, 89, 'BAIK'],
    ['PP 30/2019 without peer input: 70/30', 'pp30-2019/v1', false, 0.7, 90.5, 'BAIK'],
    ['PP 30/2019 with peer input: 60/40', 'pp30-2019/v1', true, 0.6, 89, 'CUKUP'],
  ])('%s', (_, policyId, peerInput, skpWeight, finalScore, predikat) => {
    const result = scoreLegacy({ ...input, peerInput }, getPolicy(policyId));
    expect(result).toMatchObject({ policyId, skpScore: 95, behaviourScore: 80, weights: { skp: skpWeight }, finalScore, predikat });
    expect(result.tasks[0]).toEqual({ quantity: 100, quality: 109, time: 76, score: 95 });
  });

  it('averages four aspects when the task has a cost', () => {
    const result = scoreLegacy({ ...input, tasks: [{ ...input.tasks[0]!, cost: aspect(1_000_000, 900_000) }] }, pp46);
    expect(result.tasks[0]).toMatchObject({ cost: 86, score: 92.75 });
  });

  it('refuses the expectation policy and bad numbers', () => {
    expect(() => scoreLegacy(input, getPolicy(DEFAULT_POLICY_ID))).toThrow(expect.objectContaining({ code: 'POLICY_MODEL_MISMATCH' }));
    expect(() => scoreLegacy({ ...input, tasks: [{ ...input.tasks[0]!, time: aspect(0, 1) }] }, pp46)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ code: 'NUMBER_TOO_SMALL', field: 'tasks.0.time.target' })] }),
    );
  });
});
