/** `gherkin-bench rescore`, run in-process on a stored offline run. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/run/engine.js';
import { planRun } from '../../../src/run/execute.js';
import { useTempDirs } from '../../run/temp-dirs.js';
import { cli } from '../../support/cli.js';

const newTempDir = useTempDirs('gb-rescore-cli-');

async function storedRun(): Promise<string> {
  const cwd = await newTempDir();
  const plan = await planRun({ flags: { limit: 2, variant: ['none'], runId: 'r' }, cwd, env: {} });
  await runExperiment(plan);
  return plan.runDir;
}

describe('gherkin-bench rescore', () => {
  it('re-scores the named metrics, says where the previous results are, and rebuilds the reports', async () => {
    const dir = await storedRun();
    const out = await cli(['rescore', dir, '--metric', 'structure', '--metric', 'text_similarity']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Re-scored 2 of 2 cases with structure, text_similarity (0 failed)');
    expect(out.stdout).toContain('Previous results kept as results.v1.jsonl');
    expect(await readdir(dir)).toEqual(
      expect.arrayContaining(['index.html', 'summary.json', 'summary.md', 'results.csv', 'results.v1.jsonl']),
    );
    const json = await cli(['rescore', dir, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ cases: 2, rescored: 2, previous: 'results.v2.jsonl' });
  });

  it('refuses an unknown metric or a missing run folder with one line, exit 2, nothing written', async () => {
    const dir = await storedRun();
    const files = await readdir(dir);
    const results = await readFile(join(dir, 'results.jsonl'), 'utf8');
    const unknown = await cli(['rescore', dir, '--metric', 'bleu']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/--metric bleu: unknown metric; use one of parse, structure/);
    const missing = await cli(['rescore', join(dir, 'missing')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/not a run folder/);
    expect(await readdir(dir)).toEqual(files);
    expect(await readFile(join(dir, 'results.jsonl'), 'utf8')).toBe(results);
  });
});
