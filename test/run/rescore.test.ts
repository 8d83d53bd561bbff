import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { rescoreRun } from '../../src/run/rescore.js';
import { readRun } from '../../src/run/store.js';
import type { CaseRecord, RunManifest } from '../../src/run/types.js';
import { CHECK_METRICS } from '../../src/scoring/types.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-rescore-');

/** A stored offline run (the real engine and generator) of 3 items × 2 variants. */
async function storedRun(): Promise<{ dir: string; cwd: string; original: string }> {
  const cwd = await newTempDir();
  const plan = await planRun({ flags: { limit: 3, variant: ['none', 'cot+rag+fewshot'], runId: 'r' }, cwd, env: {} });
  await runExperiment(plan);
  return { dir: plan.runDir, cwd, original: await readFile(join(plan.runDir, 'results.jsonl'), 'utf8') };
}

const lines = (text: string): CaseRecord[] =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CaseRecord);
const readManifest = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as RunManifest;

/** Make a stored run look like one made before `metric` existed and before items kept their methods. */
async function asOldRun(dir: string, metric: string): Promise<void> {
  const old = lines(await readFile(join(dir, 'results.jsonl'), 'utf8')).map((r) => ({
    ...r,
    scores: r.scores.filter((s) => s.metric !== metric),
  }));
  await writeFile(join(dir, 'results.jsonl'), old.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const { scorers: _scorers, ...manifest } = await readManifest(dir);
  const items = manifest.items.map(({ methods: _methods, ...item }) => item);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, items }, null, 2));
}

describe('rescoreRun', () => {
  it('re-scores every case with the same scores, keeps the previous file and records the re-score', async () => {
    const { dir, cwd, original } = await storedRun();
    expect((await readManifest(dir)).scorers?.map((s) => s.id)).toEqual([...CHECK_METRICS]);
    const result = await rescoreRun({ runDir: dir, cwd, now: () => new Date(0) });
    expect(result).toMatchObject({ cases: 6, rescored: 6, failed: 0, previous: 'results.v1.jsonl', warnings: [] });
    expect(result.scorers).toEqual([...CHECK_METRICS]);
    expect(await readFile(join(dir, 'results.v1.jsonl'), 'utf8')).toBe(original);
    const before = lines(original);
    const after = (await readRun(dir)).records;
    expect(after.map((r) => [r.key, r.scores, r.candidate, r.usage, r.error])).toEqual(
      before.map((r) => [r.key, r.scores, r.candidate, r.usage, r.error]),
    );
    const manifest = await readManifest(dir);
    expect(manifest.rescores).toEqual([
      { at: new Date(0).toISOString(), scorers: [...CHECK_METRICS], previous: 'results.v1.jsonl' },
    ]);

    await rescoreRun({ runDir: dir, cwd, metrics: ['parse'] });
    expect((await readManifest(dir)).rescores?.map((r) => r.previous)).toEqual([
      'results.v1.jsonl',
      'results.v2.jsonl',
    ]);
  });

  it('computes a metric an old run did not have, from the stored candidates, leaving the others as they were', async () => {
    const { dir, cwd, original } = await storedRun();
    await asOldRun(dir, 'text_similarity');
    const old = (await readRun(dir)).records;
    expect(old.every((r) => r.scores.every((s) => s.metric !== 'text_similarity'))).toBe(true);

    const result = await rescoreRun({ runDir: dir, cwd, metrics: ['text_similarity'] });
    expect(result.scorers).toEqual(['text_similarity']);
    const fresh = (await readRun(dir)).records;
    // The new metric equals what the run computed at the time; the other scores are untouched.
    const byKey = new Map(lines(original).map((r) => [r.key, r]));
    for (const record of fresh) {
      expect(record.scores).toEqual(byKey.get(record.key)?.scores);
      expect(record.scores.map((s) => s.metric)).toContain('text_similarity');
    }
    expect((await readManifest(dir)).scorers).toEqual([{ id: 'text_similarity', version: '1', options: {} }]);
  });

  it('refuses bad input with one clear error and writes nothing', async () => {
    const { dir, cwd } = await storedRun();
    const files = await readdir(dir);
    const refused = async (input: Parameters<typeof rescoreRun>[0]) => {
      const error = await rescoreRun(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as Error).message).not.toContain('\n');
      return (error as Error).message;
    };
    expect(await refused({ runDir: dir, cwd, metrics: ['parse', 'bleu'] })).toMatch(
      /--metric bleu: unknown metric; use one of parse/,
    );
    expect(await refused({ runDir: dir, cwd, metrics: ['judge.overall'] })).toMatch(/no judge configured/);
    expect(await refused({ runDir: join(cwd, 'nowhere'), cwd })).toMatch(/not a run folder/);
    // An old run whose items lack methods, and whose dataset is no longer the one it used.
    await asOldRun(dir, 'text_similarity');
    const manifest = await readManifest(dir);
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({ ...manifest, dataset: { ...manifest.dataset, hash: 'f'.repeat(64) } }, null, 2),
    );
    const stripped = await readFile(join(dir, 'results.jsonl'), 'utf8');
    expect(await refused({ runDir: dir, cwd })).toMatch(/manifest\.json.*items.*lack their Boto3 methods/);
    expect(await readdir(dir)).toEqual(files);
    expect(await readFile(join(dir, 'results.jsonl'), 'utf8')).toBe(stripped);
  });

  it('adds a metric to a run stored before issue 13 (manifest@1, no methods, its dataset gone), upgrading its manifest', async () => {
    const cwd = await newTempDir();
    const dir = join(cwd, 'v1-run');
    await cp(join(import.meta.dirname, 'fixtures', 'v1-run'), dir, { recursive: true });
    const stored = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    stored.config.dataset.path = join(cwd, 'gone'); // the dataset folder the run used is gone
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(stored, null, 2));
    const before = (await readRun(dir)).records;
    const refused = await rescoreRun({ runDir: dir, cwd }).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/lack their Boto3 methods.*which api_recall reads.*not readable/);

    const result = await rescoreRun({ runDir: dir, cwd, metrics: ['text_similarity', 'outcome_coverage'] });
    expect(result).toMatchObject({ rescored: before.filter((r) => r.candidate !== null).length, failed: 0 });
    const after = (await readRun(dir)).records;
    for (const [i, record] of after.entries()) {
      const old = before[i];
      expect(record.key).toBe(old?.key);
      if (record.candidate === null) continue;
      expect(record.scores.map((s) => s.metric)).toEqual(
        expect.arrayContaining(['text_similarity', 'outcome_coverage']),
      );
      // The scores no re-run scorer owns are kept exactly.
      const untouched = (r: CaseRecord | undefined) =>
        r?.scores.filter((s) => s.metric !== 'text_similarity' && s.metric !== 'outcome_coverage');
      expect(untouched(record)).toEqual(untouched(old));
    }
    const manifest = await readManifest(dir);
    expect(manifest.schema).toBe('gherkin-bench/manifest@2');
    expect(manifest.scorers?.map((s) => s.id)).toEqual(['outcome_coverage', 'text_similarity']);
  });
});
