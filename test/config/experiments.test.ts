import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/config/load.js';
import { buildPlan } from '../../src/config/plan.js';
import { loadDataset } from '../../src/dataset/load.js';
import { packagePath } from '../../src/paths.js';

const dataset = await loadDataset();
const files = readdirSync(packagePath('experiments')).filter((f) => f.endsWith('.yaml'));

describe('the shipped experiment files', () => {
  it.each(files)('%s loads and plans', async (file) => {
    const loaded = await loadExperiment(packagePath('experiments', file), process.cwd());
    const plan = await buildPlan(loaded, { dataset, cwd: '/tmp' });
    expect(plan.cases.length).toBe(plan.items.length * plan.variants.length * plan.models.length * plan.repeats);
  });

  it('experiments/default.yaml is exactly the default experiment (same cases, same keys)', async () => {
    const written = await buildPlan(await loadExperiment(packagePath('experiments', 'default.yaml'), process.cwd()), {
      dataset,
      cwd: '/tmp',
    });
    const implicit = await buildPlan(await loadExperiment(undefined, process.cwd()), { dataset, cwd: '/tmp' });
    expect(written.cases.map((c) => c.key)).toEqual(implicit.cases.map((c) => c.key));
    expect(written.variants).toEqual(implicit.variants);
  });

  it("experiments/paper.yaml is the paper's 2^3 grid: the default experiment's agent-off, repair-off cells", async () => {
    const paper = await buildPlan(await loadExperiment(packagePath('experiments', 'paper.yaml'), process.cwd()), {
      dataset,
      cwd: '/tmp',
    });
    const full = await buildPlan(await loadExperiment(undefined, process.cwd()), { dataset, cwd: '/tmp' });
    expect(paper.variants.map((v) => v.name)).toEqual([
      'none',
      'cot',
      'rag',
      'fewshot',
      'cot+rag',
      'cot+fewshot',
      'rag+fewshot',
      'cot+rag+fewshot',
    ]);
    expect(paper.variants).toEqual(full.variants.filter((v) => !v.agent.enabled && !v.repair.enabled));
    const names = new Set(paper.variants.map((v) => v.name));
    const inner = full.cases.filter((c) => names.has(c.variant)).map((c) => c.key);
    expect(paper.cases.map((c) => c.key).sort()).toEqual(inner.sort());
    expect(full.cases).toHaveLength(4 * paper.cases.length);
  });
});
