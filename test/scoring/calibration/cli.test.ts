import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORRUPTIONS } from '../../../src/scoring/calibration/corrupt.js';
import { CHECK_METRICS } from '../../../src/scoring/types.js';
import { cli } from '../../support/cli.js';

const DATASET = join(import.meta.dirname, '..', '..', 'fixtures', 'scoring', 'dataset');

describe('gherkin-bench judge calibrate', () => {
  it('prints the deterministic sensitivity report as JSON without a judge', async () => {
    const { code, stdout, stderr } = await cli(['judge', 'calibrate', '--dataset', DATASET, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { schema: string; items: number; judge: unknown; sensitivity: unknown[] };
    expect(report).toMatchObject({ schema: 'gherkin-bench/calibration@1', items: 1, judge: null });
    expect(report.sensitivity.length % CHECK_METRICS.length).toBe(0);
    expect(report.sensitivity.length).toBeGreaterThanOrEqual(CHECK_METRICS.length * (CORRUPTIONS.length - 6));
  });

  it('reports each --dataset folder as a set with its behaviour targets; a gold id in two sets is exit 2', async () => {
    const { code, stdout } = await cli(['judge', 'calibrate', '--dataset', DATASET, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      sets: { name: string; items: number }[];
      behaviourTargets: { set: string }[];
    };
    expect(report.sets).toEqual([expect.objectContaining({ name: 'dataset', items: 1 })]);
    expect(new Set(report.behaviourTargets.map((r) => r.set))).toEqual(new Set(['dataset', 'all']));
    const twice = await cli(['judge', 'calibrate', '--dataset', DATASET, '--dataset', DATASET]);
    expect(twice.code).toBe(2);
    expect(twice.stderr.trim().split('\n')).toHaveLength(1);
    expect(twice.stderr).toContain('ids must be unique across the datasets');
  });

  it('prints a text table and says the judge was not run', async () => {
    const { code, stdout } = await cli(['judge', 'calibrate', '--dataset', DATASET]);
    expect(code).toBe(0);
    expect(stdout).toContain('Calibration over 1 gold items');
    expect(stdout).toContain('note: judge: not run');
  });

  it('rejects a bad rubric with exit 2 and a one-line message naming the file', async () => {
    const rubric = join(import.meta.dirname, '..', '..', 'fixtures', 'scoring', 'no-such-rubric.yaml');
    const { code, stderr } = await cli([
      'judge',
      'calibrate',
      '--dataset',
      DATASET,
      '--judge',
      'offline',
      '--rubric',
      rubric,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no-such-rubric\.yaml: rubric file not found/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a calibration file with a score out of range: exit 2, file and field named', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gb-cal-')), 'bad.yaml');
    writeFileSync(
      file,
      'labeller: me\ncases:\n  - id: one\n    item: sagemaker-notebook-no-direct-internet\n    candidate: "Feature: X"\n    scores: { clarity: 0 }\n',
    );
    const { code, stderr } = await cli(['judge', 'calibrate', '--dataset', DATASET, '--calibration', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`gherkin-bench: ${file}: cases[one].scores.clarity: must be from 1 to 5\n`);
  });

  it('rejects --samples 0 with exit 2', async () => {
    const { code, stderr } = await cli(['judge', 'calibrate', '--dataset', DATASET, '--samples', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('--samples');
  });
});
