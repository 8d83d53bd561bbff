import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { computeStats, renderStats } from '../../src/dataset/stats.js';
import { cli as run } from '../support/cli.js';

const good = join('test', 'fixtures', 'dataset', 'good');

describe('dataset stats', () => {
  it('counts items, scenarios and outcomes of the good fixture', async () => {
    const stats = computeStats(await loadDataset(good));
    expect(stats).toMatchObject({
      name: 'good',
      items: 3,
      services: 3,
      byService: { cloudtrail: 1, s3: 1, sagemaker: 1 },
      bySplit: { fewshot: 2, eval: 1 },
      bySeverity: { low: 0, medium: 1, high: 2, critical: 0 },
      withParameters: 1,
      scenarios: { total: 11, min: 3, max: 5, mean: 3.67 },
      outcomes: { COMPLIANT: 3, NON_COMPLIANT: 4, NOT_APPLICABLE: 3, ERROR: 1 },
    });
    expect(stats.byCategory).toEqual({
      'encryption-at-rest': 1,
      'encryption-in-transit': 0,
      logging: 1,
      'network-exposure': 1,
      'access-control': 0,
      resilience: 0,
      monitoring: 0,
    });
    const text = renderStats(stats);
    expect(text).toMatch(/^dataset good: 3 items, 3 services, sha256 [0-9a-f]{12}\n/);
    expect(text).toContain('scenarios: 11 (per gold min 3, mean 3.67, max 5); 1 golds take rule parameters');
    expect(text).toMatch(/\n {2}NON_COMPLIANT +4\n/);
  });

  it('--json prints the same numbers; the text table by default (exit 0)', async () => {
    const json = await run(['dataset', 'stats', good, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ items: 3, scenarios: { total: 11 } });
    const text = await run(['dataset', 'stats', good]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('split\n  fewshot     2\n  eval        1\n');
  });

  it('the shipped set covers every category, at least 20 services and 60 items', async () => {
    const stats = computeStats(await loadDataset());
    expect(stats.items).toBeGreaterThanOrEqual(60);
    expect(stats.services).toBeGreaterThanOrEqual(20);
    expect(Object.values(stats.byCategory).every((n) => n > 0)).toBe(true);
    expect(stats.scenarios.min).toBeGreaterThanOrEqual(3);
    expect(stats.scenarios.max).toBeLessThanOrEqual(8);
  });
});
