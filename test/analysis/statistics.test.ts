import { describe, expect, it } from 'vitest';
import { factorialEffects, pairedComparisons } from '../../src/analysis/compare.js';
import {
  meanInterval,
  newcombePairedInterval,
  pairedDifferenceInterval,
  quasiScoreInterval,
  tMeanInterval,
  wilsonInterval,
} from '../../src/analysis/intervals.js';
import { seededUniform } from '../../src/analysis/random.js';
import { holm, mcnemarExact, pearson, wilcoxonSignedRank } from '../../src/analysis/tests.js';

function normalSampler(seed: number) {
  const u = seededUniform(seed);
  return () => Math.sqrt(-2 * Math.log(Math.max(u(), 1e-12))) * Math.cos(2 * Math.PI * u());
}

describe('intervals', () => {
  it('Wilson matches the textbook values', () => {
    const zero = wilsonInterval(0, 10);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.2775, 3);
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 3);
    expect(half.high).toBeCloseTo(0.7634, 3);
  });

  it('an all-pass 0/1 cell gets a Wilson interval, never [1, 1]', () => {
    const ci = meanInterval([1, 1, 1, 1, 1], { bounds: [0, 1] });
    expect(ci?.method).toBe('wilson');
    expect(ci?.low).toBeCloseTo(0.566, 3);
    expect(ci?.high).toBe(1);
  });

  it('the t interval matches the textbook and is clipped to the bounds', () => {
    const ci = tMeanInterval([0.1, 0.5, 0.9, 0.3, 0.7]);
    // mean 0.5, sd 0.3162, t(0.975, 4) = 2.7764: half-width 0.3926
    expect(ci?.low).toBeCloseTo(0.1074, 4);
    expect(ci?.high).toBeCloseTo(0.8926, 4);
    expect(tMeanInterval([0.9, 1, 0.95], { bounds: [0, 1] })?.high).toBe(1);
    expect(tMeanInterval([0.5])).toBeNull();
  });

  it('the quasi-score interval is Wilson at the effective size n/φ with a t quantile (values from numpy/scipy)', () => {
    const ci = quasiScoreInterval([0.1, 0.2, 0.05, 0.6, 0.3]);
    expect(ci?.method).toBe('quasi-score');
    expect(ci?.low).toBeCloseTo(0.080231, 5);
    expect(ci?.high).toBeCloseTo(0.560205, 5);
    // Leans towards ½ for a mean below ½: more room above the mean (0.25) than below.
    expect((ci?.high as number) - 0.25).toBeGreaterThan(0.25 - (ci?.low as number));
    expect(meanInterval([0.1, 0.2, 0.05, 0.6, 0.3], { bounds: [0, 1] })?.method).toBe('quasi-score');
    const constant = quasiScoreInterval([0.4, 0.4, 0.4]);
    expect(constant?.low).toBeCloseTo(0.4, 12);
    expect(constant?.high).toBeCloseTo(0.4, 12);
  });

  it('a cost of 0 everywhere is not a pass/fail metric: t interval, no Wilson', () => {
    expect(meanInterval([0, 0, 0, 0])).toMatchObject({ method: 't', low: 0, high: 0 });
    expect(pairedDifferenceInterval([0, 0, 0], [0, 0, 0])?.method).toBe('t');
  });

  it("Newcombe's paired interval matches Newcombe's hybrid score method (a, b, c, d = 12, 9, 2, 21)", () => {
    // The 2×2 table of pairs: 12 pass under both, 9 only under x, 2 only under y, 21 under neither.
    const x = [...Array(21).fill(1), ...Array(23).fill(0)];
    const y = [...Array(12).fill(1), ...Array(9).fill(0), ...Array(2).fill(1), ...Array(21).fill(0)];
    const ci = newcombePairedInterval(x, y);
    // Cross-checked with an independent numpy implementation of the same formula.
    expect(ci.low).toBeCloseTo(0.011243, 5);
    expect(ci.high).toBeCloseTo(0.295372, 5);
    expect(pairedDifferenceInterval(x, y, { bounds: [-1, 1] })).toEqual(ci);
    // Swapping the sides mirrors the interval.
    const back = newcombePairedInterval(y, x);
    expect(back.low).toBeCloseTo(-ci.high, 12);
    expect(back.high).toBeCloseTo(-ci.low, 12);
  });
});

describe('tests', () => {
  it('Holm adjusts step-down and keeps order', () => {
    expect(holm([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
  });
  it('McNemar exact is 1 with no discordant pairs and small with many one-sided ones', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(10, 0)).toBeCloseTo(2 / 1024, 6);
  });
  it('Wilcoxon gives p = 1 for all-zero differences and small p for a consistent shift', () => {
    expect(wilcoxonSignedRank([0, 0, 0])).toBe(1);
    expect(wilcoxonSignedRank([0, -0.02, 0])).toBe(1);
    expect(wilcoxonSignedRank(Array.from({ length: 30 }, (_, i) => 0.1 + (i % 5) * 0.01))).toBeLessThan(0.001);
  });
  it('Pearson is null for a constant side', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 10);
  });
});

describe('paired comparisons', () => {
  it('intervals for a known paired effect cover it about 95% of the time', () => {
    const normal = normalSampler(21);
    const uniform = seededUniform(22);
    let covered = 0;
    let detected = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const reference = new Map<string, number>();
      const variant = new Map<string, number>();
      for (let i = 0; i < 60; i++) {
        const item = 0.5 + 0.1 * normal();
        reference.set(`i${i}`, item + 0.05 * normal());
        variant.set(`i${i}`, item + 0.1 + 0.05 * normal());
      }
      const [c] = pairedComparisons(
        'structure',
        'm',
        { name: 'none', values: reference },
        [{ name: 'rag', values: variant }],
        { uniform, draws: 1000 },
      );
      if (c && c.ci.low <= 0.1 && 0.1 <= c.ci.high) covered++;
      if (c?.significant) detected++;
    }
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.99);
    expect(detected / trials).toBeGreaterThan(0.95);
  });

  it('tests the mean with a sign-flip test, keeps McNemar for pass/fail as secondary, and Holm-corrects across variants', () => {
    const ref = new Map(Array.from({ length: 20 }, (_, i) => [`i${i}`, 0]));
    const better = new Map(Array.from({ length: 20 }, (_, i) => [`i${i}`, i < 15 ? 1 : 0]));
    const same = new Map(ref);
    const out = pairedComparisons(
      'parse',
      'm',
      { name: 'none', values: ref },
      [
        { name: 'a', values: better },
        { name: 'b', values: same },
      ],
      { uniform: seededUniform(1) },
    );
    expect(out.map((c) => c.test)).toEqual(['sign-flip-exact', 'sign-flip-exact']);
    expect(out.map((c) => c.secondary.test)).toEqual(['mcnemar-exact', 'mcnemar-exact']);
    // ±1 differences: the exact sign-flip test is McNemar's exact test.
    expect(out[0]?.pValue).toBeCloseTo(out[0]?.secondary.pValue ?? 1, 12);
    expect(out[1]?.pValue).toBe(1);
    expect(out[0]?.significant).toBe(true);
    expect(out[0]?.pHolm).toBeGreaterThanOrEqual(out[0]?.pValue ?? 0);
    expect(out[1]?.significant).toBe(false);
  });
});

describe('factorial effects', () => {
  it('recover known main effects and an interaction from per-item contrasts', () => {
    const normal = normalSampler(31);
    const design = [];
    const itemEffects = Array.from({ length: 200 }, () => 0.1 * normal());
    for (const cot of [false, true])
      for (const rag of [false, true])
        for (const fewShot of [false, true]) {
          const values = new Map<string, number>();
          itemEffects.forEach((e, i) => {
            const y = 0.4 + e + (cot ? 0.1 : 0) + (rag ? 0.2 : 0) + (rag && fewShot ? 0.08 : 0) + 0.02 * normal();
            values.set(`i${i}`, y);
          });
          design.push({ on: { cot, rag, fewShot }, values });
        }
    const effects = factorialEffects('structure', 'm', design, { uniform: seededUniform(2) });
    const byTerm = Object.fromEntries(effects.map((e) => [e.term, e]));
    expect(effects).toHaveLength(6);
    expect(byTerm.cot?.estimate).toBeCloseTo(0.1, 2);
    expect(byTerm.rag?.estimate).toBeCloseTo(0.24, 2); // 0.2 + half the interaction
    expect(byTerm['rag×fewShot']?.estimate).toBeCloseTo(0.04, 2); // half the interaction
    expect(byTerm['cot×rag']?.ci.low).toBeLessThan(0);
    expect(byTerm['cot×rag']?.ci.high).toBeGreaterThan(0);
  });

  it('returns nothing without the full design', () => {
    expect(factorialEffects('x', 'm', [], { uniform: seededUniform(1) })).toEqual([]);
  });
});
