/** results.csv: one row per case, every metric a column. */
import { costValues } from '../analysis/table.js';
import type { CaseRecord } from '../run/types.js';
import { COST_METRICS } from '../scoring/types.js';

/**
 * Render the case records as CSV (metrics in the order given): the RFC 4180 text csv-stringify
 * writes with its defaults (a test pins the two equal), written directly — csv-stringify's
 * per-field casting took a third of a second for 10,000 cases.
 */
export function resultsCsv(records: readonly CaseRecord[], metrics: readonly string[]): string {
  const quality = metrics.filter((m) => !(COST_METRICS as readonly string[]).includes(m));
  const header = ['key', 'item', 'variant', 'model', 'repeat', 'error_stage', 'error', ...quality, ...COST_METRICS];
  const lines = [header.map(csvField).join(',')];
  for (const r of records) {
    const byMetric = new Map(r.scores.map((s) => [s.metric as string, s.value]));
    const costs = costValues(r);
    const row = [
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
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field: numbers as JavaScript prints them; text made spreadsheet-safe, quoted when it holds `"`, `,`, CR or LF. */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = spreadsheetSafe(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first: OWASP's CSV
 * injection list) gets a leading `'`; error messages come from model servers and are not trusted.
 */
function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
