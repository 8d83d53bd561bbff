/**
 * Interval estimates: the t interval of a mean over items, and Wilson's score interval for a
 * proportion (pass rates, and means of 0/1 metrics). Chosen by simulation (test/analysis and
 * `npm run bench statistics`): both cover 93–97% at n = 5, 12, 30 and 60, where the percentile
 * bootstrap covered 83% at n = 5 and 90% at n = 12.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Interval } from './types.js';

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

/** True when every value is exactly 0 or 1 (a pass/fail metric, or its per-item mean with one repeat). */
export function isBinary(values: Iterable<number>): boolean {
  for (const v of values) if (v !== 0 && v !== 1) return false;
  return true;
}

/**
 * Student-t interval of the mean of `values`, one value per item (repeats are averaged into their
 * item first, so items are the unit). `bounds` clips it to the values' possible range (e.g. [0, 1]
 * for a quality metric, [−1, 1] for a difference of two). Null below two values.
 */
export function tMeanInterval(
  values: ArrayLike<number>,
  options: { level?: number; bounds?: readonly [number, number] } = {},
): Interval | null {
  const level = options.level ?? 0.95;
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values);
  const half = (tQuantile(1 - (1 - level) / 2, n - 1) * sampleSd(values)) / Math.sqrt(n);
  const [lo, hi] = options.bounds ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  return { low: Math.max(lo, m - half), high: Math.min(hi, m + half), level, method: 't' };
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

/**
 * The interval of a mean over items as the reports show it: Wilson over items when every item's
 * value is 0 or 1 (so an all-pass cell reads e.g. 1.000 [0.566, 1.000] at n = 5, never [1, 1]),
 * else the t interval within `bounds`.
 */
export function meanInterval(
  values: readonly number[],
  options: { level?: number; bounds?: readonly [number, number] } = {},
): Interval | null {
  if (values.length === 0) return null;
  if (isBinary(values))
    return wilsonInterval(
      values.reduce((a, b) => a + b, 0),
      values.length,
      options.level,
    );
  return tMeanInterval(values, options);
}
