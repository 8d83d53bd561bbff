import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SUMMARY_SCHEMA } from '../../src/analysis/types.js';
import { escapeHtml, jsonForScript } from '../../src/report/html.js';
import { mdCell } from '../../src/report/markdown.js';
import { REPORT_FILES, writeReports } from '../../src/report/write.js';
import { detailOf, pageData } from '../support/report-details.js';
import { syntheticRun } from '../support/synthetic-run.js';

describe('report files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gb-report-'));
  const { manifest, records } = syntheticRun({ items: 12, effects: { rag: 0.2 }, failureRate: 0.05, seed: 9 });
  (records[0] as { candidate: string | null }).candidate = '</script><script>alert(1)</script> | pipe';
  const { summary, files } = writeReports(dir, manifest, records, { resamples: 200, now: new Date(0) });

  it('writes every file', () => {
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([...REPORT_FILES]);
  });

  it('summary.json is the versioned summary', () => {
    const json = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(json.schema).toBe(SUMMARY_SCHEMA);
    expect(json).toEqual(JSON.parse(JSON.stringify(summary)));
  });

  it('results.csv has one row per case and a column per metric', () => {
    const rows = parse(readFileSync(join(dir, 'results.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(records.length);
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(['key', 'item', 'variant', 'parse', 'structure', 'tokens_in', 'cost_usd', 'error']),
    );
    const failed = rows.filter((r) => r.error_stage === 'generation');
    expect(failed.length).toBe(summary.counts.failed);
  });

  it('summary.md puts quality first: the means, the significant changes and effects, costs in one line', () => {
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(md).toMatch(/\| variant \| parse \| structure \|/);
    const changes = md.slice(md.indexOf('### Significant quality changes'));
    expect(changes).toMatch(/^\| `rag` \| .*\+0\.\d{3} \|/m);
    // 6 complete items: the rag effect's p = 0.031 does not survive Holm over the 6 terms.
    expect(md).not.toContain('Significant factorial effects');
    expect(md).not.toMatch(/^\| [^|]*(tokens|latency|calls|cost)/m);
    expect(md.match(/^\*\*Costs\*\* .*tokens_in .*latency_ms .*$/gm)).toHaveLength(1);
    expect(md.indexOf('Quality by variant')).toBeLessThan(md.indexOf('**Costs**'));
    if (summary.counts.failed) expect(md).toContain(`Failures (${summary.counts.failed})`);
    expect(md).toContain('the judge was not run');
    expect(md).toContain('No LLM generated these candidates');
  });

  it('index.html carries hostile text only as data: escaped JSON, or inside the compressed drill-down', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain("default-src 'none'");
    expect(detailOf(pageData(html).details, 0).candidate).toBe('</script><script>alert(1)</script> | pipe');
  });

  it('index.html embeds a table row per case and every drill-down', () => {
    const data = pageData(readFileSync(join(dir, 'index.html'), 'utf8'));
    expect(data.cases.map((c) => c.key)).toEqual(records.map((r) => r.key));
    expect(data.cases[1]?.scores).toEqual(
      records[1]?.scores.map(({ metric, value, pass }) => ({ metric, value, pass })),
    );
    expect(records.map((_, i) => detailOf(data.details, i).candidate)).toEqual(records.map((r) => r.candidate));
  });
});

describe('escaping', () => {
  it('escapes HTML, script JSON and Markdown cells', () => {
    expect(escapeHtml('<a href="x">&\'')).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
    expect(jsonForScript({ a: '</script>\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u2028"}');
    expect(mdCell('a|b\n<c>')).toBe('a\\|b &#60;c&#62;');
  });
});
