import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/analysis/compare-runs.js';
import { comparisonMarkdown, comparisonTable } from '../../src/report/compare.js';
import { makeVariant, syntheticRun } from '../support/synthetic-run.js';

describe('compareRuns', () => {
  const a = syntheticRun({ items: 50, seed: 4, noiseSeed: 10, effects: { rag: 0.1 }, model: 'bedrock:model-a' });
  a.manifest.runId = 'run-a';

  it('finds a real improvement of run B over run A on shared items, per variant', () => {
    const b = syntheticRun({
      items: 50,
      seed: 4,
      noiseSeed: 11,
      effects: { rag: 0.1 },
      base: 0.6,
      model: 'bedrock:model-b',
    });
    b.manifest.runId = 'run-b';
    const result = compareRuns(a, b);
    expect(result.pairing).toBe('item×variant');
    expect(result.variants).toHaveLength(8);
    const structure = result.comparisons.filter((c) => c.metric === 'structure');
    expect(structure).toHaveLength(8);
    for (const c of structure) {
      expect(c.reference).toBe('run-a');
      expect(c.meanDiff).toBeGreaterThan(0.05);
      expect(c.significant).toBe(true);
    }
  });

  it('does not call a repeat of the same configuration different', () => {
    const again = syntheticRun({ items: 50, seed: 4, noiseSeed: 12, effects: { rag: 0.1 }, model: 'bedrock:model-a' });
    const result = compareRuns(a, again);
    expect(result.pairing).toBe('item×variant×model');
    expect(result.comparisons.filter((c) => c.metric === 'structure' && c.significant)).toEqual([]);
    // parse is 0/1 per item: Newcombe's paired interval; structure is graded: t.
    const parse = result.comparisons.filter((c) => c.metric === 'parse');
    expect(parse.length).toBeGreaterThan(0);
    for (const c of parse) {
      expect(c.ci.method).toBe('newcombe');
      expect(c.ci.low).toBeLessThanOrEqual(c.meanDiff);
      expect(c.ci.high).toBeGreaterThanOrEqual(c.meanDiff);
    }
    expect(result.comparisons.find((c) => c.metric === 'structure')?.ci.method).toBe('t');
  });

  it('only pairs items both runs have', () => {
    const fewer = syntheticRun({ items: 20, seed: 4, noiseSeed: 13, model: 'bedrock:model-a' });
    fewer.manifest.dataset.hash = 'other';
    const result = compareRuns(a, fewer);
    expect(result.sharedItems.none).toBe(20);
    expect(result.warnings.join(' ')).toMatch(/different datasets/);
  });

  it('leaves timing (latency_ms) out of the comparisons unless asked for', () => {
    const again = syntheticRun({ items: 20, seed: 4, noiseSeed: 12, model: 'bedrock:model-a' });
    expect(compareRuns(a, again).comparisons.some((c) => c.metric === 'latency_ms')).toBe(false);
    expect(compareRuns(a, again, { includeTiming: true }).comparisons.some((c) => c.metric === 'latency_ms')).toBe(
      true,
    );
  });
});

describe('compare output', () => {
  const [none, cot, rag, fewShot] = [
    makeVariant(false, false, false),
    makeVariant(true, false, false),
    makeVariant(false, true, false),
    makeVariant(false, false, true),
  ] as const;
  const a = syntheticRun({ items: 10, seed: 4, variants: [none, cot, rag] });
  a.manifest.runId = 'run-a';
  const b = syntheticRun({ items: 10, seed: 4, noiseSeed: 5, variants: [cot, rag, fewShot] });
  b.manifest.runId = 'run-b';
  const result = compareRuns(a, b, { draws: 100 });

  it('says which variants it dropped because only one run has them', () => {
    expect(result.variants).toEqual(['cot', 'rag']);
    expect(result.warnings).toContain(
      'Variants not in both runs are not compared: none only in A (run-a); fewshot only in B (run-b).',
    );
    expect(comparisonTable(result)).toContain('warning: Variants not in both runs are not compared');
  });

  it('writes Markdown with no empty column: every header and cell has text', () => {
    const table = comparisonMarkdown(result)
      .split('\n')
      .filter((line) => line.startsWith('|'));
    expect(table.length).toBeGreaterThan(2);
    for (const line of table) {
      const cells = line.slice(1, -1).split(' | ');
      expect(cells).toHaveLength(9);
      for (const cell of cells) expect(cell.trim(), line).not.toBe('');
    }
    expect(table[0]).toMatch(/\| verdict \|$/);
  });
});
