import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/types.js';
import { afterRunReports } from '../../src/experiment/execute.js';
import { rebuildReports } from '../../src/report/rebuild.js';
import { readRun } from '../../src/run/store.js';
import { labelledRun, noisy, truth, writeLabels } from './fixtures.js';

describe('the report of a run with labels', () => {
  it('adds the label agreement to summary.json, summary.md and index.html', async () => {
    const { dir, runId, keys } = labelledRun(3, noisy(0.2, 'judge'));
    await writeLabels(dir, runId, 'alice', keys, truth);
    await writeLabels(dir, runId, 'bob', keys, noisy(0.2, 'bob'));
    await rebuildReports(dir, { resamples: 200 });
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
    expect(summary.labels?.annotators).toEqual(['alice', 'bob']);
    expect(summary.labels?.judge?.map((j) => j.criterion)).toEqual([
      'correctness',
      'completeness',
      'specificity',
      'testability',
      'clarity',
    ]);
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(md).toContain('### Expert labels: agreement between people, and the judge against them');
    expect(md).toMatch(/\| correctness \| 24 \| \d\.\d\d \[/);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<section id="labels">');
    expect(html).toContain('<th>judge − people kappa [95% CI]</th>');
  });

  it('has no labels block without label files, and says so when the run has no judge', async () => {
    const plain = labelledRun(2, null);
    await rebuildReports(plain.dir, { resamples: 50 });
    const summary = JSON.parse(readFileSync(join(plain.dir, 'summary.json'), 'utf8')) as Summary;
    expect(summary.labels).toBeUndefined();
    expect(readFileSync(join(plain.dir, 'index.html'), 'utf8')).not.toContain('id="labels"');
    await writeLabels(plain.dir, plain.runId, 'alice', plain.keys, truth);
    await rebuildReports(plain.dir, { resamples: 50 });
    expect(readFileSync(join(plain.dir, 'summary.md'), 'utf8')).toContain('The run has no judge scores');
  });

  it('keeps the labels block when a run writes its reports again after it ends (run or resume)', async () => {
    const { dir, runId, keys } = labelledRun(2, noisy(0.2, 'judge'));
    await writeLabels(dir, runId, 'alice', keys, truth);
    await afterRunReports(dir, await readRun(dir));
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
    expect(summary.labels?.annotators).toEqual(['alice']);
  });
});
