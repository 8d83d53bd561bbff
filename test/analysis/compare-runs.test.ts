import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/analysis/compare-runs.js';
import { syntheticRun } from '../support/synthetic-run.js';

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
