/**
 * Paired comparisons of variants on shared items, and the factorial effects of a 2^3 ablation.
 * One estimand per question: each difference or effect is a mean over items, with an interval
 * (t; Newcombe's paired score interval for differences of 0/1 metrics) and a sign-flip
 * permutation test of that same mean; Wilcoxon (McNemar for 0/1 metrics) stays as a labelled
 * secondary test.
 */
import { designOf, estimableTerms } from './design.js';
import { isBinary, mean, pairedDifferenceInterval, sampleSd, tMeanInterval } from './intervals.js';
import { signFlipTest } from './permutation.js';
import type { Uniform } from './random.js';
import { isCostMetric } from './table.js';
import { holm, mcnemarExact, pearson, wilcoxonSignedRank } from './tests.js';
import type { FactorialEffect, Interval, MeanTest, PairedComparison, SecondaryTest } from './types.js';

/** Per-item means of one side of a comparison. */
export type ItemValues = ReadonlyMap<string, number>;

/** Options shared by the comparison functions. */
export interface CompareOptions {
  uniform: Uniform;
  level?: number;
  /** Monte-Carlo sign patterns when there are too many items to enumerate. */
  draws?: number;
}

/** The interval and the permutation test of the mean of per-item differences (or contrasts). */
export interface MeanInference {
  ci: Interval;
  test: MeanTest;
  pValue: number;
  draws: number | null;
  nonZero: number;
}

/**
 * t interval and two-sided sign-flip test of the mean of `values` (at least two), for a metric:
 * quality differences are clipped to [−1, 1].
 */
export function inferMean(values: readonly number[], metric: string, options: CompareOptions): MeanInference {
  const level = options.level ?? 0.95;
  const bounds = isCostMetric(metric) ? undefined : ([-1, 1] as const);
  const ci = tMeanInterval(values, { level, bounds });
  if (!ci) throw new Error('inferMean: needs at least two values');
  const test = signFlipTest(values, { uniform: options.uniform, draws: options.draws });
  return {
    ci,
    test: test.method === 'exact' ? 'sign-flip-exact' : 'sign-flip-monte-carlo',
    pValue: test.pValue,
    draws: test.draws,
    nonZero: test.nonZero,
  };
}

/** What the Wilcoxon signed-rank test answers, for reports. */
const WILCOXON_TESTS = 'a location shift of the differences (median of Walsh averages), not their mean';

/** Wilcoxon signed-rank of the differences (exact McNemar for 0/1 pairs), labelled with what it tests. */
function secondaryTest(x: readonly number[], y: readonly number[], diffs: readonly number[]): SecondaryTest {
  if (!(isBinary(x) && isBinary(y)))
    return { test: 'wilcoxon-signed-rank', tests: WILCOXON_TESTS, pValue: wilcoxonSignedRank(diffs) };
  let b = 0;
  let c = 0;
  x.forEach((v, i) => {
    if (v === 1 && y[i] === 0) b++;
    if (v === 0 && y[i] === 1) c++;
  });
  return {
    test: 'mcnemar-exact',
    tests: 'whether pass → fail and fail → pass flips are equally likely',
    pValue: mcnemarExact(b, c),
  };
}

/**
 * Compare each variant with the reference on the items both scored. Holm-corrects over the
 * variants given (one family per metric and model).
 */
export function pairedComparisons(
  metric: string,
  model: string,
  reference: { name: string; values: ItemValues },
  variants: { name: string; values: ItemValues }[],
  options: CompareOptions,
): PairedComparison[] {
  const level = options.level ?? 0.95;
  const raw: Omit<PairedComparison, 'pHolm' | 'significant'>[] = [];
  for (const variant of variants) {
    const shared = [...variant.values.keys()].filter((id) => reference.values.has(id)).sort();
    if (shared.length < 2) continue;
    const x = shared.map((id) => variant.values.get(id) as number);
    const y = shared.map((id) => reference.values.get(id) as number);
    const diffs = x.map((v, i) => v - (y[i] as number));
    const inference = inferMean(diffs, metric, options);
    // 0/1 on both sides: Newcombe's paired interval (the t interval of 0/1 differences covered
    // 75% at n = 5 and 92% at n = 12 in simulation).
    const bounds = isCostMetric(metric) ? undefined : ([-1, 1] as const);
    const ci = pairedDifferenceInterval(x, y, { level: options.level, bounds }) ?? inference.ci;
    raw.push({
      metric,
      model,
      variant: variant.name,
      reference: reference.name,
      pairs: shared.length,
      meanDiff: mean(diffs),
      ...inference,
      ci,
      secondary: secondaryTest(x, y, diffs),
      correlation: pearson(x, y),
    });
  }
  const adjusted = holm(raw.map((r) => r.pValue));
  return raw.map((r, i) => {
    const pHolm = adjusted[i] as number;
    return { ...r, pHolm, significant: pHolm < 1 - level };
  });
}

/** A cell of a 2^n design: which factors are on (by factor id, in the design's order), and its per-item values. */
export interface DesignCell {
  on: Record<string, boolean>;
  values: ItemValues;
}

/**
 * Main effects and two-way interactions from per-item contrasts (±1 coding): a main effect is
 * mean(on) − mean(off) over the cells; an interaction A×B is mean(cells where A and B agree)
 * − mean(cells where they differ), i.e. half the change of A's effect when B is switched on.
 * The factors are the cells' `on` keys that vary. Only items present in every cell count. Returns
 * [] unless the cells are the full 2^n design or a regular half fraction of resolution IV or more
 * (`design.ts`); in a half fraction each effect names what it is aliased with (`aliasedWith`).
 */
export function factorialEffects(
  metric: string,
  model: string,
  design: DesignCell[],
  options: CompareOptions,
): FactorialEffect[] {
  const layout = designOf(design);
  if (!layout) return [];
  const half = design.length / 2;
  const first = design[0] as DesignCell;
  const items = [...first.values.keys()].filter((id) => design.every((c) => c.values.has(id))).sort();
  if (items.length < 2) return [];
  const sign = (cell: DesignCell, f: string): number => (cell.on[f] ? 1 : -1);
  const terms = estimableTerms(layout).map((t) => ({
    ...t,
    s: (c: DesignCell) => t.factors.reduce((p, f) => p * sign(c, f), 1),
  }));
  const level = options.level ?? 0.95;
  const raw = terms.map(({ term, kind, s, aliasedWith }) => {
    const contrasts = items.map((id) => {
      let plus = 0;
      let minus = 0;
      for (const cell of design) {
        const v = cell.values.get(id) as number;
        if (s(cell) > 0) plus += v;
        else minus += v;
      }
      return plus / half - minus / half;
    });
    const { nonZero: _nonZero, ...inference } = inferMean(contrasts, metric, options);
    return {
      metric,
      model,
      term,
      kind,
      estimate: mean(contrasts),
      sd: sampleSd(contrasts),
      ...inference,
      secondary: {
        test: 'wilcoxon-signed-rank' as const,
        tests: WILCOXON_TESTS,
        pValue: wilcoxonSignedRank(contrasts),
      },
      items: items.length,
      ...(aliasedWith ? { aliasedWith } : {}),
    };
  });
  // One Holm family per metric and model: its main effects and interactions.
  const adjusted = holm(raw.map((e) => e.pValue));
  return raw.map((e, i) => {
    const pHolm = adjusted[i] as number;
    return { ...e, pHolm, significant: pHolm < 1 - level, family: raw.length };
  });
}
