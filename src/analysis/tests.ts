/** Paired hypothesis tests and multiplicity correction, on @stdlib's distributions and tests. */
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import wilcoxon from '@stdlib/stats-wilcoxon';
import { centred } from './permutation.js';

/**
 * Two-sided Wilcoxon signed-rank test of paired differences against 0 (ties within the tie
 * tolerance dropped, as Wilcoxon proposed). It tests a location shift (the median of the Walsh
 * averages), not the mean. All-tied differences give p = 1.
 */
export function wilcoxonSignedRank(differences: ArrayLike<number>): number {
  const nonZero = Array.from(centred(differences)).filter((d) => d !== 0);
  // One non-zero difference: both signs are equally likely under H0, so the two-sided p is 1
  // (and @stdlib's wilcoxon throws on fewer than two values).
  if (nonZero.length < 2) return 1;
  const result = wilcoxon(nonZero, { alternative: 'two-sided', correction: true }) as { pValue: number };
  return Math.min(1, result.pValue);
}

/**
 * Exact McNemar test for paired pass/fail: `b` pairs passed only under the variant, `c` only under
 * the reference. Two-sided p from the binomial(b + c, ½) distribution.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  return Math.min(1, 2 * binomialCdf(k, n, 0.5));
}

/** Holm's step-down adjustment: adjusted p-values in the input order. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** Pearson correlation; null when either side has no variance or fewer than 3 pairs. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 3 || y.length !== n) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}
