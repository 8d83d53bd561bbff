import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { costValues } from '../../src/analysis/table.js';
import { resultsCsv } from '../../src/report/csv.js';
import type { CaseRecord } from '../../src/run/types.js';
import { COST_METRICS } from '../../src/scoring/types.js';
import { syntheticRun } from '../support/synthetic-run.js';

/** results.csv as csv-stringify (its defaults, the spreadsheet-safe cast) writes it: the reference. */
function referenceCsv(records: readonly CaseRecord[], metrics: readonly string[]): string {
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
  const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  return stringify([header, ...rows], { cast: { string: safe } });
}

describe('results.csv', () => {
  it('is byte for byte what csv-stringify writes, for hostile text and every kind of value', () => {
    const { records } = syntheticRun({ items: 6, repeats: 2, failureRate: 0.3, seed: 5 });
    const messages = [
      'plain',
      'with, comma',
      'with "quotes"',
      'two\nlines',
      'carriage\rreturn',
      '=HYPERLINK("x")',
      '+1',
      '-1',
      '@SUM(A1)',
      '\ttab first',
      'ünïcödé — ok',
      '',
    ];
    records.forEach((r, i) => {
      r.error = { stage: 'generation', message: messages[i % messages.length] as string };
      if (i % 5 === 0) r.scores = r.scores.map((s) => ({ ...s, value: s.value === null ? null : -s.value }));
      if (i % 7 === 0) r.scores = r.scores.map((s, k) => (k === 0 ? { ...s, value: null } : s));
    });
    (records[1] as CaseRecord).usage.generation.costUsd = null;
    const metrics = ['parse', 'structure', 'missing_metric', ...COST_METRICS];
    const csv = resultsCsv(records, metrics);
    expect(csv).toBe(referenceCsv(records, metrics));
    expect(csv).toContain('"\'=HYPERLINK(""x"")"');
    expect(csv.endsWith('\n')).toBe(true);
  });
});
