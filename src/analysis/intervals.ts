/** Interval estimates: the percentile bootstrap over items, and Wilson's score interval for pass rates. */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Uniform } from './random.js';
import type { Interval } from './types.js';

/** Bootstrap resamples used by default: enough for stable 95% percentiles at the sizes we see. */
export const DEFAULT_RESAMPLES = 2000;

/** Arithmetic mean; NaN for an empty array. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** Sample standard deviation (n − 1); NaN below two values. */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] as number) - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/** The p-quantile of an ascending array, interpolating linearly between order statistics. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/**
 * Percentile bootstrap interval of the mean of `values`, one value per item (the cluster: repeats
 * are averaged into their item first, so resampling items resamples whole clusters).
 */
export function bootstrapMeanInterval(
  values: ArrayLike<number>,
  uniform: Uniform,
  options: { level?: number; resamples?: number } = {},
): Interval {
  const level = options.level ?? 0.95;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const n = values.length;
  if (n === 0) throw new Error('bootstrapMeanInterval: no values');
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(uniform() * n)] as number;
    means[b] = sum / n;
  }
  means.sort();
  const alpha = (1 - level) / 2;
  return {
    low: quantileSorted(means, alpha),
    high: quantileSorted(means, 1 - alpha),
    level,
    method: 'bootstrap-items',
  };
}

/** Wilson score interval for `passed` successes out of `total` (good at small n and near 0 or 1). */
export function wilsonInterval(passed: number, total: number, level = 0.95): Interval {
  if (total <= 0) return { low: 0, high: 1, level, method: 'wilson' };
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const p = passed / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return {
    low: passed === 0 ? 0 : Math.max(0, centre - half),
    high: passed === total ? 1 : Math.min(1, centre + half),
    level,
    method: 'wilson',
  };
}
