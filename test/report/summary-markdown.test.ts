import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import type { Summary } from '../../src/analysis/types.js';
import { ablationVariants, DEFAULT_ABLATION } from '../../src/generation/variants.js';
import { headlineMetric, SUMMARY_MD_BYTES, summaryMarkdown } from '../../src/report/markdown.js';
import { NO_LLM_NOTICE } from '../../src/report/no-llm.js';
import type { CaseRecord } from '../../src/run/types.js';
import type { MetricId } from '../../src/scoring/types.js';
import { syntheticRun } from '../support/synthetic-run.js';

/** Extra quality metrics on every case: `behaviour` moved by the agent, three more moved by rag. */
function withMoreMetrics(records: CaseRecord[], agentOn: (variant: string) => boolean): void {
  records.forEach((record, index) => {
    const structure = record.scores.find((s) => s.metric === 'structure')?.value;
    if (typeof structure !== 'number') return;
    const jitter = ((index * 7919) % 101) / 1000;
    const agent = agentOn(record.variant) ? 0.2 : 0;
    record.scores.push(
      { metric: 'behaviour' as MetricId, value: Math.min(1, 0.3 + agent + jitter), reason: 'synthetic' },
      ...(
        ['grounding', 'api_recall', 'path_recall', 'precision', 'text_similarity', 'outcome_coverage'] as MetricId[]
      ).map((metric, m) => ({
        metric,
        value: Math.min(1, structure * (0.5 + m / 20) + jitter),
        reason: 'synthetic',
      })),
    );
  });
}

function fiveTechniqueSummary(): Summary {
  const variants = ablationVariants(DEFAULT_ABLATION);
  const run = syntheticRun({ items: 40, effects: { rag: 0.15 }, seed: 4, noiseSd: 0.05, variants });
  const agentOn = new Map(variants.map((v) => [v.name, v.agent.enabled]));
  withMoreMetrics(run.records, (name) => agentOn.get(name) === true);
  return summarize(run.manifest, run.records, { draws: 500, now: new Date(0) });
}

describe('summary.md of a 2^5 ablation (32 variants): the short form', () => {
  const summary = fiveTechniqueSummary();
  const md = summaryMarkdown(summary);

  it(`fits in ${SUMMARY_MD_BYTES} bytes and still opens with the no-LLM notice`, () => {
    expect(summary.variants).toHaveLength(32);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_MD_BYTES);
    expect(md.split('\n\n')[1]).toBe(`> **${NO_LLM_NOTICE}**`);
    expect(md).not.toContain('### Significant quality changes');
  });

  it('ranks the variants by the headline metric (behaviour): the top 5 have the agent on, the bottom 5 off', () => {
    expect(headlineMetric(summary, summary.metrics)).toBe('behaviour');
    expect(md).toContain('top 5 and bottom 5 of 32 by behaviour');
    const section = md.slice(md.indexOf('### Quality by variant'), md.indexOf('### Main effects'));
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(10);
    const names = rows.map((row) => row.split('`')[1] ?? '');
    expect(names.slice(0, 5).every((n) => n.split('+').includes('agent'))).toBe(true);
    expect(names.slice(5).every((n) => !n.split('+').includes('agent'))).toBe(true);
    expect(section).toContain('| … 22 more |');
    const means = rows.map((row) => Number(row.split('|')[2]));
    expect(means).toEqual([...means].sort((a, b) => b - a));
  });

  it('gives the main effects of all five techniques with intervals, the true ones significant', () => {
    const section = md.slice(md.indexOf('### Main effects'));
    expect(section).toMatch(/full factorial 2\^5 of cot, rag, fewShot, agent, repair/);
    const row = (term: string) => section.split('\n').find((line) => line.startsWith(`| ${term} |`)) ?? '';
    for (const term of ['cot', 'rag', 'fewShot', 'agent', 'repair']) expect(row(term)).toMatch(/±\d\.\d{3}/);
    // behaviour is the first column: the agent moves it by +0.200, nothing else does.
    const agent = row('agent').split('|')[2]?.trim() ?? '';
    expect(agent).toMatch(/^\+0\.\d{3} ±0\.\d{3}\*$/);
    expect(Number(agent.split(' ')[0])).toBeCloseTo(0.2, 1);
    expect(row('repair').split('|')[2]?.trim()).not.toMatch(/\*$/);
    // structure (the synthetic rag effect, +0.15) is significant under rag.
    const structure =
      section
        .split('\n')[2]
        ?.split('|')
        .map((c) => c.trim())
        .indexOf('structure') ?? -1;
    expect(row('rag').split('|')[structure]?.trim()).toMatch(/^\+0\.1\d\d ±0\.\d{3}\*$/);
    expect(md).toMatch(/Holm-significant interactions on behaviour: /);
  });

  it('keeps the full form when it fits (the paper 2^3 grid with two metrics)', () => {
    const paper = syntheticRun({ items: 12, effects: { rag: 0.2 }, seed: 9 });
    const full = summaryMarkdown(summarize(paper.manifest, paper.records, { draws: 200, now: new Date(0) }));
    expect(full).toContain('### Significant quality changes');
    expect(full).toMatch(/^\| `cot\+rag\+fewshot` \|/m);
    expect(full).not.toContain('### Main effects');
  });

  it('opens on the judge when a judge ran, as the HTML report does', () => {
    const judged: Summary = {
      ...summary,
      judge: { run: true, model: 'bedrock:x', reason: '' },
      estimates: [...summary.estimates, { ...summary.estimates[0]!, metric: 'judge.overall', mean: 0.5 }],
    };
    expect(headlineMetric(judged, [...summary.metrics, 'judge.overall'])).toBe('judge.overall');
    expect(
      headlineMetric({ ...summary, estimates: summary.estimates.filter((e) => e.metric !== 'behaviour') }, [
        'structure',
        'grounding',
      ]),
    ).toBe('structure');
  });
});
