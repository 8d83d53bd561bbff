import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment, parseExperimentText } from '../../src/config/load.js';
import { UserError } from '../../src/errors.js';
import { useTempDirs } from '../run/temp-dirs.js';

const newTempDir = useTempDirs('gb-load-');

function failure(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('experiment files: schema with exact field paths', () => {
  it('an empty file is the default experiment', () => {
    const config = parseExperimentText('', 'x.yaml');
    expect(config.models).toEqual(['offline:reference']);
    expect(config.repeats).toBe(1);
    expect(config.seed).toBe(1);
    expect(config.dataset.split).toBe('eval');
    expect(config.judge).toBeUndefined();
    expect(config.variants).toBeUndefined();
    expect(config.out).toBe('reports');
    expect(config.cache.mode).toBe('use');
  });

  it('names the file, line and field path of a wrong type inside a variant', () => {
    const text = [
      'name: t', // 1
      'variants:', // 2
      '  - none', // 3
      '  - name: a', // 4
      '    cot: true', // 5
      '  - name: b', // 6
      '    rag:', // 7
      '      enabled: true', // 8
      '      topK: five', // 9
    ].join('\n');
    const error = failure(() => parseExperimentText(text, 'experiments/x.yaml'));
    expect(error.message).toBe('experiments/x.yaml:9: variants[2].rag.topK: expected number, got string');
    expect(error.exitCode).toBe(2);
  });

  it('suggests the right field for an unknown one, on its line', () => {
    const error = failure(() => parseExperimentText('models: [offline]\nrepeat: 3\n', 'e.yaml'));
    expect(error.message).toBe('e.yaml:2: (top level): unknown field "repeat" (did you mean repeats?)');
  });

  it('rejects out-of-range numbers and unknown enum values with their paths', () => {
    expect(failure(() => parseExperimentText('repeats: 0', 'e.yaml')).message).toMatch(
      /^e\.yaml:1: repeats: expected number to be >=1/,
    );
    expect(failure(() => parseExperimentText('concurrency: 500', 'e.yaml')).message).toMatch(
      /^e\.yaml:1: concurrency: /,
    );
    expect(failure(() => parseExperimentText('dataset:\n  split: test', 'e.yaml')).message).toBe(
      'e.yaml:2: dataset.split: expected one of "fewshot", "eval"',
    );
    expect(failure(() => parseExperimentText('ablate: [cot, rags]', 'e.yaml')).message).toMatch(
      /^e\.yaml:1: ablate\[1\]: expected one of/,
    );
  });

  it('reports every problem, one line each, and YAML syntax errors with their line', () => {
    const lines = failure(() =>
      parseExperimentText('repeats: 0\nseed: -1\ndataset:\n  split: test\n', 'e.yaml'),
    ).message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^e\.yaml:1: repeats: /);
    expect(lines[1]).toMatch(/^e\.yaml:2: seed: /);
    expect(lines[2]).toBe('e.yaml:4: dataset.split: expected one of "fewshot", "eval"');
    expect(failure(() => parseExperimentText('models: [a\nrepeats: 1\n', 'e.yaml')).message).toMatch(
      /^e\.yaml:\d+: not valid YAML/,
    );
    expect(failure(() => parseExperimentText('- a\n- b\n', 'e.yaml')).message).toMatch(/must be a YAML mapping/);
  });

  it('loads a file from disk and resolves its folder; a missing file is a clear error', async () => {
    const dir = await newTempDir();
    await writeFile(join(dir, 'exp.yaml'), 'name: small\nrepeats: 2\n');
    const loaded = await loadExperiment('exp.yaml', dir);
    expect(loaded.config.name).toBe('small');
    expect(loaded.config.repeats).toBe(2);
    expect(loaded.baseDir).toBe(dir);
    await expect(loadExperiment('missing.yaml', dir)).rejects.toThrow(/missing\.yaml: cannot read the experiment file/);
  });
});
