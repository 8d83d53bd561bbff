import { describe, expect, it } from 'vitest';
import { attainableBinomialCoverages, intervalCoverage, type ShapeName } from '../../bench/statistics-simulation.js';

// Small versions of `npm run bench statistics` (20,000 runs per cell): 4,000 simulated runs per
// shape and n, so a coverage has a standard error of about 0.35 points.
const SIZES = [5, 12, 30, 60];
const TRIALS = 4000;

const expectInTarget = (shape: ShapeName, n: number, low = 0.93, high = 0.97) => {
  const coverage = intervalCoverage(shape, n, TRIALS, 17 + n);
  expect(coverage, `${shape} at n = ${n}`).toBeGreaterThanOrEqual(low);
  expect(coverage, `${shape} at n = ${n}`).toBeLessThanOrEqual(high);
};

describe('95% intervals cover the true mean 93–97% of the time at n = 5, 12, 30, 60', () => {
  const inTarget: ShapeName[] = [
    'continuous-mean',
    'graded-mean',
    'binary-mean',
    'binary-mean-0.5',
    'continuous-difference',
    'skewed-difference',
  ];
  for (const shape of inTarget)
    it(`${shape}`, () => {
      for (const n of SIZES) expectInTarget(shape, n);
    });

  it('binary-mean-0.8 (Wilson): in target except n = 12, where no interval can be', () => {
    for (const n of [5, 30, 60]) expectInTarget('binary-mean-0.8', n);
    expectInTarget('binary-mean-0.8', 12, 0.97, 0.99);
    // Wilson's exact coverage there is P(X ≥ 7) = 0.981; an interval no wider than the exact
    // (Clopper–Pearson) one can only have 0.912, 0.927 or 0.981 near the band.
    const attainable = attainableBinomialCoverages(12, 0.8);
    expect(attainable.filter((c) => c >= 0.93 && c <= 0.97)).toEqual([]);
    expect(attainable.filter((c) => c > 0.9).map((c) => c.toFixed(3))).toEqual(['0.912', '0.927', '0.981']);
    expect(attainableBinomialCoverages(30, 0.8).some((c) => c >= 0.93 && c <= 0.97)).toBe(true);
  });

  it('paired 0/1 differences (Newcombe): in target from n = 12 (mixed rates: from n = 30); conservative below', () => {
    for (const n of [12, 30, 60]) expectInTarget('binary-difference', n);
    for (const n of [30, 60]) expectInTarget('binary-difference-mixed', n);
    // Known misses, reported in the README: about 99% at n = 5 (the t interval gives 75%), and
    // 97.1% for mixed rates at n = 12.
    expectInTarget('binary-difference', 5, 0.97, 0.999);
    expectInTarget('binary-difference-mixed', 5, 0.97, 0.999);
    expectInTarget('binary-difference-mixed', 12, 0.95, 0.98);
  });
});
