/** Number formatting of metric values, intervals and p-values, shared by every report and the gate, so a value reads the same everywhere. */
import type { Interval } from './types.js';

const COST_DIGITS: Record<string, number> = { tokens_in: 0, tokens_out: 0, calls: 2, latency_ms: 0, cost_usd: 5 };

/** A metric value as text: 3 decimals for quality metrics, units for costs, '–' for none. */
export function formatValue(value: number | null | undefined, metric: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const digits = COST_DIGITS[metric] ?? 3;
  return value.toFixed(digits);
}

/** `[low, high]` of an interval. */
export function formatInterval(ci: Interval | null | undefined, metric: string): string {
  if (!ci) return '';
  return `[${formatValue(ci.low, metric)}, ${formatValue(ci.high, metric)}]`;
}

/** A signed difference, e.g. `+0.120`. */
export function formatDiff(value: number, metric: string): string {
  const text = formatValue(value, metric);
  return value > 0 ? `+${text}` : text;
}

/** A p-value: `<0.001` or 3 decimals. */
export function formatP(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** The test of a mean, in words: `sign-flip (exact)` or `sign-flip (10000 draws)`. */
export function formatTest(test: string, draws: number | null): string {
  if (test === 'sign-flip-exact') return 'sign-flip (exact)';
  if (test === 'sign-flip-monte-carlo') return `sign-flip (${draws ?? '?'} draws)`;
  return test;
}
