import { describe, expect, it } from 'vitest';
import { applyFlags } from '../../src/config/flags.js';
import { loadExperiment, parseExperiment } from '../../src/config/load.js';
import { buildPlan } from '../../src/config/plan.js';
import { combineDatasets } from '../../src/dataset/combine.js';
import { loadDataset } from '../../src/dataset/load.js';
import { packagePath } from '../../src/paths.js';

const own = await loadDataset(packagePath('datasets', 'security-controls'));
const engineers = await loadDataset(packagePath('datasets', 'aws-config-rules'));
const evalCount = (d: typeof own): number => d.items.filter((i) => i.split === 'eval').length;

function plan(config: object) {
  return buildPlan({ config: parseExperiment(config, 'x.yaml'), file: null, baseDir: '/tmp' }, { cwd: '/tmp' });
}

describe('choosing the dataset of an experiment', () => {
  it('the default experiment scores the evaluation split of both shipped gold sets, named in the plan', async () => {
    const p = await buildPlan(await loadExperiment(undefined, '/tmp'), { cwd: '/tmp' });
    expect(p.dataset.name).toBe('security-controls+aws-config-rules');
    expect(p.items.length).toBe(evalCount(own) + evalCount(engineers));
    expect(p.config.dataset.name).toEqual(['security-controls', 'aws-config-rules']);
    expect(p.variants.every((v) => v.fewShot.otherServicesOnly)).toBe(true);
  });

  it('dataset.name picks one shipped set; dataset.path a folder; not both', async () => {
    const byName = await plan({ dataset: { name: 'aws-config-rules', split: 'fewshot' } });
    expect(byName.dataset.name).toBe('aws-config-rules');
    expect(byName.items.map((i) => i.id)).toEqual(
      engineers.items.filter((i) => i.split === 'fewshot').map((i) => i.id),
    );
    const byPath = await plan({ dataset: { path: packagePath('datasets', 'security-controls') } });
    expect(byPath.dataset.hash).toBe(own.hash);
    await expect(plan({ dataset: { path: 'security-controls', name: 'aws-config-rules' } })).rejects.toThrow(
      /dataset: give dataset.path or dataset.name, not both/,
    );
  });

  it('run --dataset NAME replaces the file\u2019s dataset', async () => {
    const config = applyFlags(parseExperiment({ dataset: { path: 'elsewhere' } }, 'x.yaml'), {
      dataset: ['aws-config-rules'],
    });
    expect(config.dataset).toMatchObject({ name: 'aws-config-rules', path: undefined });
    expect((await plan(config)).dataset.hash).toBe(engineers.hash);
  });

  it('combining sets: a hash over both, and an id in two sets is refused', () => {
    const both = combineDatasets([own, engineers]);
    expect(both.hash).not.toBe(combineDatasets([engineers, own]).hash);
    expect(both.items.length).toBe(own.items.length + engineers.items.length);
    expect(() => combineDatasets([own, own])).toThrow(/is also in security-controls; ids must be unique/);
  });
});
