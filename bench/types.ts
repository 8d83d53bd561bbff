/** The shape of a benchmark in `npm run bench`. */

/** One measured figure: a number with its unit, and the target it is held to (if any). */
export interface Measurement {
  value: number;
  unit: 'ms' | 'per_s' | 'count' | 'ratio' | 'MB';
  /** The target, e.g. `<= 2000`, when the project sets one. */
  target?: string;
  /** Whether the value meets the target (absent when there is none). */
  ok?: boolean;
  /** For repeated measurements (`value` is then the median): the smallest and largest sample. */
  min?: number;
  max?: number;
  /** How many samples the value summarises. */
  runs?: number;
  /** What exactly was measured, when the name alone does not say. */
  note?: string;
}

/** A named benchmark: runs once and returns named measurements. */
export interface Benchmark {
  name: string;
  describe: string;
  run(): Promise<Record<string, Measurement>> | Record<string, Measurement>;
}

/** A measurement held to `value <= limit`. */
export function atMost(value: number, limit: number, unit: Measurement['unit'] = 'ms'): Measurement {
  return { value: round(value), unit, target: `<= ${limit}`, ok: value <= limit };
}

/** A measurement without a target. */
export function plain(value: number, unit: Measurement['unit'] = 'ms'): Measurement {
  return { value: round(value), unit };
}

/** Round to 0.1 (or to 3 decimals below 1). */
export function round(value: number): number {
  return Math.abs(value) < 1 ? Math.round(value * 1000) / 1000 : Math.round(value * 10) / 10;
}

/** The q-th quantile (0..1) of numbers, by linear interpolation. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}
