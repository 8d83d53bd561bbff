import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applies, decide } from '../../../src/scoring/behaviour/evaluate.js';
import type { State } from '../../../src/scoring/behaviour/model.js';
import { generateStates, MAX_STATES, witnessOf } from '../../../src/scoring/behaviour/states.js';
import { NOTEBOOK_GOLD } from '../../support/notebook-gold.js';
import { compileText } from '../fixtures.js';

const GOLDS = join(import.meta.dirname, '..', '..', '..', 'datasets', 'security-controls');
const gold = (name: string) => readFileSync(join(GOLDS, `${name}.feature`), 'utf8');

const state = (
  members: [string, State['members'] extends Map<string, infer V> ? V : never][],
  resource = true,
): State => ({
  resource,
  members: new Map(members),
  errors: new Map(),
  params: new Map(),
  seed: 1,
});

describe('compile and decide', () => {
  it('compiles the notebook gold fully, keying members by call and canonical path', () => {
    const model = compileText(NOTEBOOK_GOLD);
    expect(model.unknown).toEqual([]);
    expect(model.scenarios.map((s) => [s.outcome, s.resource])).toEqual([
      ['NOT_APPLICABLE', false],
      ['NON_COMPLIANT', true],
      ['COMPLIANT', true],
    ]);
    expect([...model.members.keys()]).toEqual(['sagemaker.describe_notebook_instance:DirectInternetAccess']);
    expect(model.members.get('sagemaker.describe_notebook_instance:DirectInternetAccess')?.enum).toEqual([
      'Enabled',
      'Disabled',
    ]);
    const key = 'sagemaker.describe_notebook_instance:DirectInternetAccess';
    expect(decide(model, state([[key, 'Enabled']]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, 'Disabled']]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, null]]))).toBe('NONE');
    expect(decide(model, state([], false))).toBe('NOT_APPLICABLE');
  });

  it('resolves a path written relative to the listed element to the same member', () => {
    const relative = NOTEBOOK_GOLD.replace(
      '"sagemaker.describe_notebook_instance"',
      '"sagemaker.describe_notebook_instance"',
    );
    const rds = compileText(gold('rds-instance-public-access'));
    const written = compileText(
      gold('rds-instance-public-access').replaceAll('"DBInstances[].PubliclyAccessible"', '"PubliclyAccessible"'),
    );
    expect([...written.members.keys()]).toEqual([...rds.members.keys()]);
    expect(compileText(relative).unknown).toEqual([]);
  });

  it('reports a step it does not understand with its line and leaves that scenario out', () => {
    const text = NOTEBOOK_GOLD.replace(
      'And its "DirectInternetAccess" is "Enabled"',
      'And its internet access is on somehow',
    );
    const model = compileText(text);
    expect(model.unknown).toEqual([
      { line: 14, text: 'its internet access is on somehow', reason: 'no step form of the grammar matches' },
    ]);
    expect(model.skipped.map((s) => s.name)).toEqual(['Direct internet access is enabled']);
  });

  it('decides overlaps by precedence: exemptions over violations over compliance; an exception excluded explicitly', () => {
    const nvme = compileText(gold('sagemaker-training-job-volume-output-kms'));
    const base = 'sagemaker.describe_training_job:';
    const noVolumeKey: State = state([
      [`${base}ResourceConfig.VolumeKmsKeyId`, null],
      [`${base}OutputDataConfig.KmsKeyId`, 'key'],
      [`${base}ResourceConfig.InstanceType`, 'ml.m5.large'],
    ]);
    expect(decide(nvme, noVolumeKey)).toBe('NON_COMPLIANT');
    noVolumeKey.members.set(`${base}ResourceConfig.InstanceType`, 'ml.g4dn.xlarge');
    expect(decide(nvme, noVolumeKey)).toBe('COMPLIANT');
    const vpc = compileText(gold('sagemaker-notebook-inside-vpc'));
    const deleting = state([
      ['sagemaker.describe_notebook_instance:SubnetId', null],
      ['sagemaker.describe_notebook_instance:NotebookInstanceStatus', 'Deleting'],
    ]);
    expect(decide(vpc, deleting)).toBe('NOT_APPLICABLE');
  });
});

describe('state generation', () => {
  it('gives every scenario a witness the gold decides as that scenario does', () => {
    for (const name of ['rds-instance-multi-az', 'rds-instance-log-exports', 'sagemaker-notebook-inside-vpc']) {
      const model = compileText(gold(name));
      for (const scenario of model.scenarios)
        expect([name, scenario.name, witnessOf(model, scenario).verdict]).toEqual([
          name,
          scenario.name,
          scenario.outcome,
        ]);
    }
  });

  it('is seeded, bounded and labelled with the gold verdict, covering every outcome', () => {
    const model = compileText(gold('rds-instance-enhanced-monitoring'));
    const states = generateStates(model);
    expect(states.length).toBeGreaterThan(model.scenarios.length);
    expect(states.length).toBeLessThanOrEqual(MAX_STATES);
    const decided = new Set(states.map((s) => s.expected).filter((v) => v !== 'NONE'));
    expect(decided).toEqual(new Set(['NOT_APPLICABLE', 'NON_COMPLIANT', 'COMPLIANT']));
    for (const s of states) expect(decide(model, s.state)).toBe(s.expected);
    const again = generateStates(model);
    expect(again.map((s) => s.origin)).toEqual(states.map((s) => s.origin));
    const interval = 'rds.describe_db_instances:DBInstances[].MonitoringInterval';
    const intervals = new Set(states.map((s) => s.state.members.get(interval)));
    expect(intervals).toContain(60);
    expect(intervals).toContain(0);
    expect(intervals).toContain(null);
  });

  it('keeps states where the gold decides nothing only when every gold scenario executes', () => {
    const full = generateStates(compileText(NOTEBOOK_GOLD));
    expect(full.some((s) => s.expected === 'NONE')).toBe(true);
    const partial = compileText(
      NOTEBOOK_GOLD.replace('And its "DirectInternetAccess" is "Disabled"', 'And it is closed'),
    );
    expect(partial.skipped).toHaveLength(1);
    const states = generateStates(partial);
    expect(states.length).toBeGreaterThan(0);
    expect(states.some((s) => s.expected === 'NONE')).toBe(false);
  });

  it('prefers a witness where its scenario alone applies', () => {
    const model = compileText(gold('rds-instance-multi-az'));
    for (const scenario of model.scenarios) {
      const { state } = witnessOf(model, scenario);
      const others = model.scenarios.filter((o) => o !== scenario && applies(o, state, model));
      expect([scenario.name, others.map((o) => o.name)]).toEqual([scenario.name, []]);
    }
  });

  it('tries every other enum value of an enum condition', () => {
    const states = generateStates(compileText(NOTEBOOK_GOLD));
    const values = states.map((s) => s.state.members.get('sagemaker.describe_notebook_instance:DirectInternetAccess'));
    expect(values).toContain('Enabled');
    expect(values).toContain('Disabled');
  });
});
