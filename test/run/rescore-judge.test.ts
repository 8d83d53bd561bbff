import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { rescoreRun } from '../../src/run/rescore.js';
import { readRun } from '../../src/run/store.js';
import type { RunManifest } from '../../src/run/types.js';
import { GENERATOR, JUDGE, JUDGE_RATIONALE, runAgainst, scriptJudgedRun } from '../scoring/judged-run.js';
import { FAKE_CREDENTIALS, type FakeBedrock } from '../support/fake-bedrock.js';
import { useFakeBedrock } from '../support/use-fake-bedrock.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-rescore-judge-');
let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

describe('rescoring a judged run (fake Bedrock, real SDK)', () => {
  it('re-runs the judge from the call cache in replay mode with no model call, and a miss writes nothing', async () => {
    scriptJudgedRun(fake);
    const cwd = await newTempDir();
    const plan = await runAgainst(fake, cwd, { model: [GENERATOR], variant: ['none'], limit: 2, judge: JUDGE });
    const before = await readRun(plan.runDir);
    const manifest = JSON.parse(await readFile(join(plan.runDir, 'manifest.json'), 'utf8')) as RunManifest;
    expect(manifest.scorers?.at(-1)).toMatchObject({
      id: 'judge',
      version: '1',
      options: { model: JUDGE, mode: 'reference-guided', samples: 1, rubricHash: manifest.hashes.rubric },
    });
    fake.reset(); // no responder: any call now would get an unscripted reply
    const calls = fake.calls;

    const env = { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url, AWS_REGION: 'us-east-1' };
    const providers = { providerOptions: { credentials: FAKE_CREDENTIALS, maxAttempts: 1 } };
    const result = await rescoreRun({
      runDir: plan.runDir,
      cwd,
      metrics: ['judge.overall'],
      replay: true,
      env,
      providers,
    });
    expect(result).toMatchObject({ scorers: ['judge'], rescored: 2, failed: 0 });
    expect(fake.calls).toBe(calls);
    const after = await readRun(plan.runDir);
    expect(after.records.map((r) => r.scores)).toEqual(before.records.map((r) => r.scores));
    expect(after.records.map((r) => r.usage.judge?.calls)).toEqual([1, 1]);
    for (const record of after.records)
      expect(record.scores.find((s) => s.metric === 'judge.overall')?.details?.rationale).toBe(JUDGE_RATIONALE);

    // Without the cache a replay cannot answer: the re-score stops with exit 2 and writes nothing.
    await rm(join(cwd, '.cache'), { recursive: true, force: true });
    const files = await readdir(plan.runDir);
    const results = await readFile(join(plan.runDir, 'results.jsonl'), 'utf8');
    const error = await rescoreRun({ runDir: plan.runDir, cwd, replay: true, env, providers }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect(fake.calls).toBe(calls);
    expect(await readdir(plan.runDir)).toEqual(files);
    expect(await readFile(join(plan.runDir, 'results.jsonl'), 'utf8')).toBe(results);
  });
});
