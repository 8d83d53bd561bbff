/**
 * Agreement between raters on an ordinal scale, as pure functions: Krippendorff's alpha (nominal,
 * ordinal or interval distances; any number of raters, missing values allowed), Cohen's
 * quadratic-weighted kappa (two raters), Spearman's rho, and percentile-bootstrap intervals over
 * the rated units. Ratings are a table: one row per unit (a case), one column per rater, null
 * where that rater gave no rating.
 */
import { sampleRankCorrelation } from 'simple-statistics';
import { quantileSorted } from './intervals.js';
import type { Uniform } from './random.js';
import type { Interval } from './types.js';

/** Bootstrap resamples behind an agreement interval, unless the caller says otherwise. */
const DEFAULT_RESAMPLES = 2000;

/** Rows: units; columns: raters; null where a rater gave no rating. */
export type Ratings = ReadonlyArray<ReadonlyArray<number | null>>;

/** Rows: first rater's category 1..k, columns: second rater's; counts. */
export type ConfusionMatrix = number[][];

/** Distance between values that Krippendorff's alpha uses. */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

/** The k×k confusion matrix of paired ratings on categories 1..k (ratings are rounded and clamped). */
export function confusionMatrix(a: readonly number[], b: readonly number[], k = 5): ConfusionMatrix {
  if (a.length !== b.length) throw new Error('confusionMatrix: rating lists differ in length');
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const clamp = (v: number): number => Math.min(k, Math.max(1, Math.round(v))) - 1;
  for (let i = 0; i < a.length; i++) (matrix[clamp(a[i] as number)] as number[])[clamp(b[i] as number)]! += 1;
  return matrix;
}

/**
 * Cohen's weighted kappa with quadratic weights w_ij = (i − j)² / (k − 1)² over a confusion
 * matrix: 1 − Σ w·O / Σ w·E, E the product of the marginals. Null when undefined (no pairs, or
 * both raters constant on the same category: no disagreement is possible).
 */
export function quadraticWeightedKappa(matrix: ConfusionMatrix): number | null {
  const k = matrix.length;
  if (k < 2) return null;
  const n = matrix.reduce((sum, row) => sum + row.reduce((x, y) => x + y, 0), 0);
  if (n === 0) return null;
  const rows = matrix.map((row) => row.reduce((x, y) => x + y, 0));
  const cols = matrix[0]!.map((_, j) => matrix.reduce((sum, row) => sum + (row[j] as number), 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      observed += (w * (matrix[i]![j] as number)) / n;
      expected += (w * (rows[i] as number) * (cols[j] as number)) / (n * n);
    }
  }
  return expected === 0 ? null : 1 - observed / expected;
}

/** Quadratic-weighted kappa of two paired rating lists on categories 1..k. */
export function weightedKappa(a: readonly number[], b: readonly number[], k = 5): number | null {
  return quadraticWeightedKappa(confusionMatrix(a, b, k));
}

/** Spearman's rho (ties ranked by their average), or null when undefined (< 2 pairs or a constant list). */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  if (a.length < 2 || a.length !== b.length) return null;
  const constant = (x: readonly number[]): boolean => x.every((v) => v === x[0]);
  if (constant(a) || constant(b)) return null;
  const rho = sampleRankCorrelation([...a], [...b]);
  return Number.isFinite(rho) ? rho : null;
}

/** Squared distance between every pair of the sorted distinct values, given their totals n_v. */
function distances(values: readonly number[], totals: readonly number[], metric: AlphaMetric): number[][] {
  return values.map((c, i) =>
    values.map((k, j) => {
      if (metric === 'nominal') return i === j ? 0 : 1;
      if (metric === 'interval') return (c - k) ** 2;
      // ordinal: (Σ_{g between c and k} n_g − (n_c + n_k) / 2)²
      const [lo, hi] = i <= j ? [i, j] : [j, i];
      let sum = 0;
      for (let g = lo; g <= hi; g++) sum += totals[g] as number;
      return (sum - ((totals[i] as number) + (totals[j] as number)) / 2) ** 2;
    }),
  );
}

/**
 * Krippendorff's alpha over a ratings table (Krippendorff 2011, "Computing Krippendorff's
 * alpha-reliability"): 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck from the coincidence matrix of
 * the units rated at least twice. Null when undefined (fewer than two pairable values, or every
 * value the same).
 */
export function krippendorffAlpha(ratings: Ratings, metric: AlphaMetric = 'ordinal'): number | null {
  const units = ratings.map((row) => row.filter((v): v is number => v !== null)).filter((u) => u.length >= 2);
  const values = [...new Set(units.flat())].sort((a, b) => a - b);
  if (values.length === 0) return null;
  const index = new Map(values.map((v, i) => [v, i]));
  const coincidence = values.map(() => new Array<number>(values.length).fill(0));
  for (const unit of units) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++)
      for (let j = 0; j < unit.length; j++)
        if (i !== j) coincidence[index.get(unit[i] as number)!]![index.get(unit[j] as number)!]! += weight;
  }
  const totals = coincidence.map((row) => row.reduce((a, b) => a + b, 0));
  const n = totals.reduce((a, b) => a + b, 0);
  const delta = distances(values, totals, metric);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++)
    for (let k = 0; k < values.length; k++) {
      observed += (coincidence[c]![k] as number) * (delta[c]![k] as number);
      expected += (totals[c] as number) * (totals[k] as number) * (delta[c]![k] as number);
    }
  return expected === 0 ? null : 1 - ((n - 1) * observed) / expected;
}

/** The paired ratings of two columns of a table, on the rows where both rated. */
export function pairedColumns(ratings: Ratings, a: number, b: number): { a: number[]; b: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (const row of ratings) {
    const u = row[a];
    const v = row[b];
    if (u === null || u === undefined || v === null || v === undefined) continue;
    x.push(u);
    y.push(v);
  }
  return { a: x, b: y };
}

/** Quadratic-weighted kappa between two columns of a table (rows where both rated). */
export function kappaBetween(ratings: Ratings, a: number, b: number, k = 5): number | null {
  const pair = pairedColumns(ratings, a, b);
  return weightedKappa(pair.a, pair.b, k);
}

/** Mean quadratic-weighted kappa over every pair of raters (columns); pairs where it is undefined are left out. */
export function meanPairwiseKappa(ratings: Ratings, k = 5): number | null {
  const raters = ratings.reduce((m, row) => Math.max(m, row.length), 0);
  const kappas: number[] = [];
  for (let a = 0; a < raters; a++)
    for (let b = a + 1; b < raters; b++) {
      const kappa = kappaBetween(ratings, a, b, k);
      if (kappa !== null) kappas.push(kappa);
    }
  return kappas.length === 0 ? null : kappas.reduce((x, y) => x + y, 0) / kappas.length;
}

/**
 * Percentile-bootstrap interval of a statistic of a ratings table, resampling its rows (units)
 * with replacement. Resamples where the statistic is undefined are dropped; null when more than
 * half are (too few units to say).
 */
export function bootstrapRatings(
  ratings: Ratings,
  statistic: (sample: Ratings) => number | null,
  uniform: Uniform,
  options: { level?: number; resamples?: number } = {},
): Interval | null {
  const level = options.level ?? 0.95;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const n = ratings.length;
  if (n === 0) return null;
  const values: number[] = [];
  const sample = new Array<ReadonlyArray<number | null>>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = ratings[Math.floor(uniform() * n)] as ReadonlyArray<number | null>;
    const value = statistic(sample);
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  if (values.length * 2 < resamples) return null;
  const sorted = Float64Array.from(values).sort();
  const alpha = (1 - level) / 2;
  return {
    low: quantileSorted(sorted, alpha),
    high: quantileSorted(sorted, 1 - alpha),
    level,
    method: 'bootstrap-items',
  };
}
