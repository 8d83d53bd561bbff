import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { MAX_TEXT, MIN_TRACE_TEXT, reportHtml, TRACE_TEXT_BUDGET, traceTextLimit } from '../../src/report/html.js';
import type { CaseRecord } from '../../src/run/types.js';
import { detailOf, pageData } from '../support/report-details.js';
import { syntheticRun } from '../support/synthetic-run.js';

/** A trace of one CoT step pair with texts of `size` characters. */
function withTrace(records: CaseRecord[], size: number): CaseRecord[] {
  const text = (c: string) => c.repeat(size);
  const step = {
    name: 'gherkin' as const,
    system: text('s'),
    prompt: text('p'),
    response: text('r'),
    usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
    latencyMs: 1,
    cached: false,
    modelId: 'm',
  };
  return records.map((r) => ({ ...r, trace: { ...r.trace, steps: [step] } }));
}

describe('trace text in the HTML report', () => {
  it('is embedded whole (up to MAX_TEXT) while the run stays under the budget', () => {
    const run = syntheticRun({ items: 4 });
    const records = withTrace(run.records, 3000);
    expect(traceTextLimit(records)).toBe(MAX_TEXT);
    const html = reportHtml(run.manifest, records, summarize(run.manifest, records, { resamples: 50 }));
    expect(detailOf(pageData(html).details, 0).steps[0]?.prompt).toBe('p'.repeat(3000));
    expect(html).not.toContain('clipped to');
  });

  it('is clipped per text on a run whose traces exceed the budget, with a note on the page', () => {
    const run = syntheticRun({ items: 100, repeats: 2 });
    // Just over the budget (1,600 cases × 3 texts), each text under MAX_TEXT.
    const size = Math.ceil((TRACE_TEXT_BUDGET / (run.records.length * 3)) * 1.05);
    expect(size).toBeLessThan(MAX_TEXT);
    const records = withTrace(run.records, size);
    const limit = traceTextLimit(records);
    expect(limit).toBeLessThan(size);
    expect(limit).toBeGreaterThanOrEqual(MIN_TRACE_TEXT);
    const html = reportHtml(run.manifest, records, summarize(run.manifest, records, { resamples: 50 }));
    expect(html).toContain(`clipped to ${limit} characters`);
    const prompt = detailOf(pageData(html).details, 0).steps[0]?.prompt ?? '';
    expect(prompt.startsWith('p'.repeat(limit))).toBe(true);
    expect(prompt.slice(limit)).toBe(`\n… (${size - limit} more characters in results.jsonl)`);
    expect(html.length).toBeLessThan(TRACE_TEXT_BUDGET * 1.5);
  });
});
