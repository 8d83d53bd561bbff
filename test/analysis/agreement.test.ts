import { describe, expect, it } from 'vitest';
import {
  bootstrapRatings,
  kappaBetween,
  krippendorffAlpha,
  meanPairwiseKappa,
  type Ratings,
  weightedKappa,
} from '../../src/analysis/agreement.js';
import { seededUniform } from '../../src/analysis/random.js';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers
// (columns A–D), twelve units, values 1–5, missing values. His results: nominal α = 0.743,
// ordinal α = 0.815, interval α = 0.849.
const _ = null;
const KRIPPENDORFF: Ratings = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, 3, _, _],
];

describe("Krippendorff's alpha", () => {
  it("reproduces Krippendorff's own worked example for the nominal, ordinal and interval metrics", () => {
    expect(krippendorffAlpha(KRIPPENDORFF, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(KRIPPENDORFF, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(KRIPPENDORFF, 'interval')).toBeCloseTo(0.849, 3);
  });

  it('defaults to ordinal, ignores units rated once, and is null when undefined', () => {
    expect(krippendorffAlpha(KRIPPENDORFF)).toBe(krippendorffAlpha(KRIPPENDORFF, 'ordinal'));
    expect(krippendorffAlpha(KRIPPENDORFF.slice(0, 11))).toBe(krippendorffAlpha(KRIPPENDORFF));
    expect(krippendorffAlpha([[1], [2]])).toBeNull();
    expect(
      krippendorffAlpha([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
    expect(
      krippendorffAlpha([
        [1, 1],
        [5, 5],
        [3, 3],
      ]),
    ).toBe(1);
  });

  it('is below zero when raters systematically disagree', () => {
    expect(
      krippendorffAlpha([
        [1, 5],
        [5, 1],
        [2, 4],
        [4, 2],
      ]),
    ).toBeLessThan(0);
  });
});

describe('quadratic-weighted kappa', () => {
  it('reproduces the published EssayTools examples (Maple documentation)', () => {
    const first = [9, 7, 8, 7, 6, 8, 3, 5, 10];
    expect(weightedKappa(first, [8, 8, 6, 6, 7, 6, 1, 4, 8], 10)).toBeCloseTo(0.758620689655172, 12);
    expect(weightedKappa(first, [3, 5, 6, 6, 7, 6, 1, 4, 8], 10)).toBeCloseTo(0.438095238095238, 12);
  });

  it('pairs two columns on the rows both rated, and averages every pair of raters', () => {
    const ratings: Ratings = [
      [1, 1, 2],
      [2, 2, null],
      [3, 4, 3],
      [5, 5, 5],
      [null, 1, 1],
    ];
    expect(kappaBetween(ratings, 0, 1)).toBeCloseTo(weightedKappa([1, 2, 3, 5], [1, 2, 4, 5]) as number, 12);
    const pairs = [kappaBetween(ratings, 0, 1), kappaBetween(ratings, 0, 2), kappaBetween(ratings, 1, 2)];
    expect(meanPairwiseKappa(ratings)).toBeCloseTo(pairs.reduce((a, b) => (a as number) + (b as number), 0)! / 3, 12);
    expect(meanPairwiseKappa([[1], [2]])).toBeNull();
  });
});

describe('bootstrapRatings', () => {
  it('gives a repeatable interval around the statistic, from resampled units', () => {
    const alpha = (r: Ratings) => krippendorffAlpha(r);
    const a = bootstrapRatings(KRIPPENDORFF, alpha, seededUniform(7), { resamples: 500 });
    const b = bootstrapRatings(KRIPPENDORFF, alpha, seededUniform(7), { resamples: 500 });
    expect(a).toEqual(b);
    expect(a?.low).toBeLessThan(0.815);
    expect(a?.high).toBeGreaterThan(0.815);
    expect(a?.high).toBeLessThanOrEqual(1);
    expect(a?.method).toBe('bootstrap-items');
  });

  it('is null when the statistic is mostly undefined or there are no units', () => {
    expect(bootstrapRatings([], (r) => krippendorffAlpha(r), seededUniform(1))).toBeNull();
    expect(
      bootstrapRatings(
        [
          [3, 3],
          [3, 3],
        ],
        (r) => krippendorffAlpha(r),
        seededUniform(1),
        { resamples: 50 },
      ),
    ).toBeNull();
  });
});
