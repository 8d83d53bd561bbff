import { describe, expect, it } from 'vitest';
import { intervalCoverage, type ShapeName } from '../../bench/statistics-simulation.js';

// Small versions of `npm run bench statistics` (20,000 runs per cell): 4,000 simulated runs per
// shape and n, so a coverage has a standard error of about 0.35 points.
const SIZES = [5, 12, 30, 60];
const TRIALS = 4000;

describe('95% intervals cover the true mean 93–97% of the time at n = 5, 12, 30, 60', () => {
  const inTarget: ShapeName[] = [
    'graded-mean',
    'binary-mean',
    'binary-mean-0.5',
    'continuous-difference',
    'skewed-difference',
  ];
  for (const shape of inTarget)
    it(`${shape}`, () => {
      for (const n of SIZES) {
        const coverage = intervalCoverage(shape, n, TRIALS, 17 + n);
        expect(coverage, `${shape} at n = ${n}`).toBeGreaterThanOrEqual(0.93);
        expect(coverage, `${shape} at n = ${n}`).toBeLessThanOrEqual(0.97);
      }
    });

  it('continuous-mean (U², strongly skewed): in target from n = 12; the t interval under-covers at n = 5', () => {
    for (const n of SIZES.slice(1)) {
      const coverage = intervalCoverage('continuous-mean', n, TRIALS, 17 + n);
      expect(coverage, `n = ${n}`).toBeGreaterThanOrEqual(0.93);
      expect(coverage, `n = ${n}`).toBeLessThanOrEqual(0.97);
    }
    // A known miss, reported in the README: about 91% at n = 5 (the percentile bootstrap gave 83%).
    const five = intervalCoverage('continuous-mean', 5, TRIALS, 22);
    expect(five).toBeGreaterThanOrEqual(0.89);
    expect(five).toBeLessThan(0.93);
  });

  it('binary-mean-0.8: Wilson is conservative at some n (discreteness), never below target', () => {
    for (const n of SIZES) {
      const coverage = intervalCoverage('binary-mean-0.8', n, TRIALS, 17 + n);
      expect(coverage, `n = ${n}`).toBeGreaterThanOrEqual(0.93);
      expect(coverage, `n = ${n}`).toBeLessThanOrEqual(0.99);
    }
  });
});
