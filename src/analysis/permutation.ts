/**
 * The paired test of the mean: a sign-flip permutation test. Under H0 the per-item values
 * (differences or contrasts, minus the null value) are symmetric about 0, so every pattern of
 * signs is equally likely; the statistic is their sum (equivalently their mean, or their t
 * statistic, since the sum of squares does not change when signs flip). Exact enumeration of
 * all 2^n patterns when n is small, Monte-Carlo with a stated number of draws otherwise.
 */
import type { Uniform } from './random.js';

/** Non-zero values up to which every sign pattern is enumerated (2^16 = 65,536 patterns). */
export const EXACT_LIMIT = 16;
/** Monte-Carlo draws above {@link EXACT_LIMIT}: the p-value's standard error at p = 0.05 is 0.002. */
export const DEFAULT_DRAWS = 10_000;
/** Values within this (relative) distance of the null value are ties, counted as no change. */
export const TIE_TOLERANCE = 1e-9;

/** Which direction counts as evidence against H0. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** The result of {@link signFlipTest}. */
export interface SignFlipResult {
  pValue: number;
  /** `exact`: all 2^n sign patterns; `monte-carlo`: `draws` random patterns, p = (1 + hits) / (1 + draws). */
  method: 'exact' | 'monte-carlo';
  /** Random sign patterns drawn (null when exact). */
  draws: number | null;
  /** Values that differ from the null value by more than the tie tolerance (the test's effective n). */
  nonZero: number;
}

/** Options of {@link signFlipTest}. */
export interface SignFlipOptions {
  uniform: Uniform;
  /** The mean under H0 (default 0). */
  nullValue?: number;
  alternative?: Alternative;
  draws?: number;
}

/** `values − nullValue`, with ties (within {@link TIE_TOLERANCE} of the values' scale) set to exactly 0. */
export function centred(values: ArrayLike<number>, nullValue = 0): Float64Array {
  let scale = Math.abs(nullValue);
  for (let i = 0; i < values.length; i++) scale = Math.max(scale, Math.abs(values[i] as number));
  const tolerance = TIE_TOLERANCE * Math.max(1, scale);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = (values[i] as number) - nullValue;
    out[i] = Math.abs(x) <= tolerance ? 0 : x;
  }
  return out;
}

/**
 * Sign-flip permutation test that the mean of `values` is `nullValue`. p = 1 when no value
 * differs from the null value. Deterministic for a seeded `uniform` (used only when Monte-Carlo).
 */
export function signFlipTest(values: ArrayLike<number>, options: SignFlipOptions): SignFlipResult {
  const alternative = options.alternative ?? 'two-sided';
  const x = centred(values, options.nullValue ?? 0).filter((v) => v !== 0);
  const n = x.length;
  if (n === 0) return { pValue: 1, method: 'exact', draws: null, nonZero: 0 };
  let observed = 0;
  let absSum = 0;
  for (const v of x) {
    observed += v;
    absSum += Math.abs(v);
  }
  // Sums equal to the observed one up to rounding are counted as at least as extreme.
  const eps = TIE_TOLERANCE * absSum;
  const extreme =
    alternative === 'less'
      ? (s: number) => s <= observed + eps
      : alternative === 'greater'
        ? (s: number) => s >= observed - eps
        : (s: number) => Math.abs(s) >= Math.abs(observed) - eps;
  if (n <= EXACT_LIMIT) {
    // Gray-code walk: each step flips one sign, so the sum is updated in O(1).
    const signs = new Int8Array(n).fill(1);
    let sum = observed;
    let hits = extreme(sum) ? 1 : 0;
    const patterns = 2 ** n;
    for (let k = 1; k < patterns; k++) {
      const j = 31 - Math.clz32(k & -k);
      sum -= 2 * (signs[j] as number) * (x[j] as number);
      signs[j] = -(signs[j] as number);
      if (extreme(sum)) hits++;
    }
    return { pValue: hits / patterns, method: 'exact', draws: null, nonZero: n };
  }
  const draws = options.draws ?? DEFAULT_DRAWS;
  // Eight values per byte of random bits: table[g·256 + byte] is the signed sum of group g under
  // that byte's signs, so each draw costs n/8 look-ups (one uniform holds four bytes). The groups
  // are padded to a multiple of four with all-zero rows, so each uniform feeds four look-ups
  // without a bounds test; adding 0 leaves every sum, and so every p-value, exactly as it was.
  const groups = Math.ceil(n / 8);
  const words = Math.ceil(groups / 4);
  const table = new Float64Array(words * 4 * 256);
  for (let g = 0; g < groups; g++)
    for (let byte = 0; byte < 256; byte++) {
      let sum = 0;
      for (let j = 0; j < 8 && g * 8 + j < n; j++)
        sum += (byte >> j) & 1 ? (x[g * 8 + j] as number) : -(x[g * 8 + j] as number);
      table[g * 256 + byte] = sum;
    }
  let hits = 0;
  for (let d = 0; d < draws; d++) {
    let sum = 0;
    for (let w = 0, row = 0; w < words; w++, row += 1024) {
      const bits = Math.floor(options.uniform() * 4294967296);
      sum += table[row + (bits & 255)] as number;
      sum += table[row + 256 + ((bits >>> 8) & 255)] as number;
      sum += table[row + 512 + ((bits >>> 16) & 255)] as number;
      sum += table[row + 768 + (bits >>> 24)] as number;
    }
    if (extreme(sum)) hits++;
  }
  return { pValue: (1 + hits) / (1 + draws), method: 'monte-carlo', draws, nonZero: n };
}

/**
 * The smallest p-value a sign-flip test of `n` non-zero values can return: 2/2^n two-sided,
 * 1/2^n one-sided, and never below 1/(1 + draws) when Monte-Carlo.
 */
export function minAttainableP(n: number, alternative: Alternative = 'two-sided', draws = DEFAULT_DRAWS): number {
  if (n <= 0) return 1;
  const exact = Math.min(1, (alternative === 'two-sided' ? 2 : 1) / 2 ** n);
  return n <= EXACT_LIMIT ? exact : Math.max(exact, 1 / (1 + draws));
}
