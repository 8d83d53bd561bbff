/** results.csv: one row per case, every metric a column. */
import { stringify } from 'csv-stringify/sync';
import { costValues } from '../analysis/table.js';
import type { CaseRecord } from '../run/types.js';
import { COST_METRICS } from '../scoring/types.js';

/** Render the case records as CSV (metrics in the order given). */
export function resultsCsv(records: readonly CaseRecord[], metrics: readonly string[]): string {
  const quality = metrics.filter((m) => !(COST_METRICS as readonly string[]).includes(m));
  const header = ['key', 'item', 'variant', 'model', 'repeat', 'error_stage', 'error', ...quality, ...COST_METRICS];
  const rows = records.map((r) => {
    const byMetric = new Map(r.scores.map((s) => [s.metric as string, s.value]));
    const costs = costValues(r);
    return [
      r.key,
      r.itemId,
      r.variant,
      r.model,
      r.repeat,
      r.error?.stage ?? '',
      r.error?.message ?? '',
      ...quality.map((m) => byMetric.get(m) ?? ''),
      ...COST_METRICS.map((m) => costs[m] ?? ''),
    ];
  });
  return stringify([header, ...rows], { cast: { string: spreadsheetSafe } });
}

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first: OWASP's CSV
 * injection list) gets a leading `'`; error messages come from model servers and are not trusted.
 */
function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
