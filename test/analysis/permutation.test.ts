import { describe, expect, it } from 'vitest';
import { centred, EXACT_LIMIT, minAttainableP, signFlipTest } from '../../src/analysis/permutation.js';
import { seededUniform } from '../../src/analysis/random.js';
import { mcnemarExact } from '../../src/analysis/tests.js';

const uniform = seededUniform(5);

describe('sign-flip permutation test of the mean', () => {
  it('is exact at small n: five positive differences give 2/32, the smallest attainable two-sided p', () => {
    const r = signFlipTest([0.1, 0.2, 0.3, 0.1, 0.05], { uniform });
    expect(r).toEqual({ pValue: 2 / 32, method: 'exact', draws: null, nonZero: 5 });
    expect(minAttainableP(5)).toBe(2 / 32);
    expect(signFlipTest([0.1, 0.2, 0.3, 0.1, 0.05], { uniform, alternative: 'greater' }).pValue).toBe(1 / 32);
    expect(signFlipTest([0.1, 0.2, 0.3, 0.1, 0.05], { uniform, alternative: 'less' }).pValue).toBe(1);
  });

  it('counts ties in the statistic as at least as extreme (tied magnitudes, exact)', () => {
    // |Δ| all 1: the sum is a binomial count, so the test is McNemar's exact test.
    const diffs = [1, 1, 1, 1, 1, 1, 1, -1, -1];
    expect(signFlipTest(diffs, { uniform }).pValue).toBeCloseTo(mcnemarExact(7, 2), 12);
  });

  it('is Monte-Carlo above the exact limit, with the stated draws and p = (1 + hits) / (1 + draws)', () => {
    const diffs = Array.from({ length: 40 }, (_, i) => (i < 27 ? 1 : -1));
    const r = signFlipTest(diffs, { uniform: seededUniform(9), draws: 20_000 });
    expect(r.method).toBe('monte-carlo');
    expect(r.draws).toBe(20_000);
    expect(r.nonZero).toBe(40);
    const exact = mcnemarExact(27, 13);
    expect(Math.abs(r.pValue - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 20_000));
    expect(EXACT_LIMIT).toBeLessThan(40);
  });

  it('treats values within the tolerance of the null value as ties', () => {
    const nearly = Array.from({ length: 30 }, () => 0.98 - 1);
    expect(Array.from(centred(nearly, -0.02))).toEqual(Array.from({ length: 30 }, () => 0));
    expect(signFlipTest(nearly, { uniform, nullValue: -0.02, alternative: 'less' }).pValue).toBe(1);
    expect(signFlipTest([0, 0, 0], { uniform }).pValue).toBe(1);
  });

  it('tests the mean: a minority falling far outweighs a majority unchanged', () => {
    const diffs = Array.from({ length: 56 }, (_, i) => (i < 20 ? -1 : 0));
    const r = signFlipTest(diffs, { uniform, nullValue: -0.02, alternative: 'less' });
    expect(r.pValue).toBeLessThan(0.001);
  });

  it('holds its level under H0 (symmetric noise, n = 8 exact and n = 30 Monte-Carlo)', () => {
    const u = seededUniform(21);
    for (const n of [8, 30]) {
      let rejected = 0;
      const trials = 400;
      for (let t = 0; t < trials; t++) {
        const x = Array.from({ length: n }, () => u() - 0.5);
        if (signFlipTest(x, { uniform: u, draws: 500 }).pValue <= 0.05) rejected++;
      }
      expect(rejected / trials).toBeLessThanOrEqual(0.07);
    }
  });

  it('is repeatable for a seed', () => {
    const x = Array.from({ length: 25 }, (_, i) => Math.sin(i));
    expect(signFlipTest(x, { uniform: seededUniform(4) })).toEqual(signFlipTest(x, { uniform: seededUniform(4) }));
  });
});
