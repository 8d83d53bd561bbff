import { describe, expect, it } from 'vitest';
import { confusionMatrix, quadraticWeightedKappa, spearman } from '../../../src/analysis/agreement.js';
import { agreementOf } from '../../../src/scoring/calibration/agreement.js';

describe('quadraticWeightedKappa', () => {
  it('equals plain Cohen kappa on two categories (textbook example: 20/5/10/15 of 50 → 0.4)', () => {
    // Wikipedia "Cohen's kappa", first worked example: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    expect(
      quadraticWeightedKappa([
        [20, 5],
        [10, 15],
      ]),
    ).toBeCloseTo(0.4, 12);
  });

  it('matches Cohen (1968) in closed form: 2·cov / (var_x + var_y + (mean_x − mean_y)²)', () => {
    const x = [1, 2, 3, 4, 5, 3, 2, 4, 5, 1, 3, 3];
    const y = [1, 3, 3, 5, 4, 2, 2, 4, 5, 2, 3, 4];
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(x);
    const my = mean(y);
    const cov = mean(x.map((v, i) => (v - mx) * ((y[i] as number) - my)));
    const vx = mean(x.map((v) => (v - mx) ** 2));
    const vy = mean(y.map((v) => (v - my) ** 2));
    const expected = (2 * cov) / (vx + vy + (mx - my) ** 2);
    expect(quadraticWeightedKappa(confusionMatrix(x, y))).toBeCloseTo(expected, 12);
  });

  it('is 1 for perfect agreement, negative for systematic disagreement, null when undefined', () => {
    expect(quadraticWeightedKappa(confusionMatrix([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]))).toBe(1);
    expect(quadraticWeightedKappa(confusionMatrix([1, 2, 4, 5], [5, 4, 2, 1]))).toBeLessThan(0);
    expect(quadraticWeightedKappa(confusionMatrix([3, 3, 3], [3, 3, 3]))).toBeNull();
    expect(quadraticWeightedKappa(confusionMatrix([], []))).toBeNull();
  });
});

describe('spearman and agreementOf', () => {
  it('ranks with ties and is null when undefined', () => {
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1], [1])).toBeNull();
  });

  it('builds the confusion matrix (rows expert, columns judge) and exact agreement', () => {
    const a = agreementOf('correctness', [5, 4, 2, 2], [5, 3.6, 2, 4]);
    expect(a.n).toBe(4);
    expect(a.exact).toBe(0.75);
    expect(a.confusion[1]).toEqual([0, 1, 0, 1, 0]);
    expect(a.confusion[3]).toEqual([0, 0, 0, 1, 0]);
    expect(a.confusion[4]).toEqual([0, 0, 0, 0, 1]);
  });
});
