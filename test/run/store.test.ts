import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { listRuns } from '../../src/run/list.js';
import { RESULTS_FILE } from '../../src/run/records.js';
import { RunStore, readRun } from '../../src/run/store.js';
import type { CaseRecord, RunManifest } from '../../src/run/types.js';
import { testManifest, testRecord } from '../support/run-records.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-store-');

function record(key: string, error: CaseRecord['error'] = null): CaseRecord {
  return testRecord(key, {
    candidate: error ? null : 'Feature: X\n  Scenario: s\n    Then the rule returns COMPLIANT\n',
    scores: error ? [] : [{ metric: 'parse', value: 1, pass: true, reason: 'parses' }],
    error,
  });
}

function manifest(runId: string, cases: number, startedAt = '2026-01-01T00:00:00.000Z'): RunManifest {
  return testManifest(runId, cases, {
    config: { name: 'test' },
    variants: [
      {
        name: 'none',
        cot: false,
        rag: { enabled: false, topK: 5, tokenBudget: 1500 },
        fewShot: { k: 0, strategy: 'similar', resample: false, otherServicesOnly: false },
        agent: { enabled: false, maxTurns: 8, maxToolCalls: 12, maxTokens: 60_000 },
        repair: { enabled: false, rounds: 1 },
        params: {},
      },
    ],
    startedAt,
  });
}

async function tempDir(): Promise<string> {
  return newTempDir();
}

async function userError(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('the run store', () => {
  it('round-trips the manifest and records; a key is never written twice', async () => {
    const dir = join(await tempDir(), 'run-1');
    const store = await RunStore.create(dir, manifest('run-1', 3));
    expect(await store.append(record('a'))).toBe(true);
    expect(await store.append(record('b', { stage: 'generation', message: 'throttled' }))).toBe(true);
    expect(await store.append(record('a'))).toBe(false);
    await store.updateManifest((m) => ({ ...m, finishedAt: '2026-01-01T00:01:00.000Z' }));
    await store.close();
    const run = await readRun(dir);
    expect(run.manifest.finishedAt).toBe('2026-01-01T00:01:00.000Z');
    expect(run.records).toEqual([record('a'), record('b', { stage: 'generation', message: 'throttled' })]);
    expect(run.tornTail).toBe(false);
    const lines = (await readFile(join(dir, RESULTS_FILE), 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });

  it('keeps lines whole under concurrent appends', async () => {
    const dir = join(await tempDir(), 'run-c');
    const store = await RunStore.create(dir, manifest('run-c', 50));
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(record(`k${i}`))));
    await store.close();
    expect((await readRun(dir)).records.map((r) => r.key).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `k${i}`).sort(),
    );
  });

  it('drops a torn last line from a crash, and resume cuts it off before appending', async () => {
    const dir = join(await tempDir(), 'run-t');
    const store = await RunStore.create(dir, manifest('run-t', 3));
    await store.append(record('a'));
    await store.close();
    const torn = JSON.stringify(record('b')).slice(0, 40);
    await appendFile(join(dir, RESULTS_FILE), torn);
    const read = await readRun(dir);
    expect(read.tornTail).toBe(true);
    expect(read.records.map((r) => r.key)).toEqual(['a']);

    const resumed = await RunStore.open(dir);
    expect(resumed.has('a')).toBe(true);
    expect(resumed.has('b')).toBe(false);
    await resumed.append(record('b'));
    await resumed.close();
    const after = await readRun(dir);
    expect(after.tornTail).toBe(false);
    expect(after.records.map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('refuses to create over an existing run, pointing at --resume', async () => {
    const dir = join(await tempDir(), 'run-x');
    await (await RunStore.create(dir, manifest('run-x', 1))).close();
    const error = await userError(RunStore.create(dir, manifest('run-x', 1)));
    expect(error.message).toContain(`gherkin-bench run --resume ${dir}`);
  });

  it('says clearly when a folder is not a run or a file is damaged (exit 2)', async () => {
    const root = await tempDir();
    const missing = await userError(readRun(join(root, 'nothing')));
    expect(missing.message).toMatch(/not a run folder \(no manifest\.json\)/);
    expect(missing.exitCode).toBe(2);

    const dir = join(root, 'damaged');
    await (await RunStore.create(dir, manifest('damaged', 2))).close();
    await writeFile(
      join(dir, RESULTS_FILE),
      `${JSON.stringify(record('a'))}\n{not json}\n${JSON.stringify(record('b'))}\n`,
    );
    expect((await userError(readRun(dir))).message).toMatch(/results\.jsonl:2: not a JSON line/);

    await writeFile(join(dir, RESULTS_FILE), `${JSON.stringify({ ...record('a'), schema: 'other@9' })}\n`);
    expect((await userError(readRun(dir))).message).toMatch(
      /results\.jsonl:1: schema: expected "gherkin-bench\/case@1"/,
    );

    await writeFile(join(dir, 'manifest.json'), '{"schema": "gherkin-bench/manifest@1"');
    expect((await userError(readRun(dir))).message).toMatch(/manifest\.json: not valid JSON/);
  });

  it('lists runs newest first with ok/failed counts and status', async () => {
    const out = await tempDir();
    const older = await RunStore.create(join(out, 'r-old'), manifest('r-old', 2, '2026-01-01T00:00:00.000Z'));
    await older.append(record('a'));
    await older.append(record('b', { stage: 'judge', message: 'no reply' }));
    await older.close();
    const newer = await RunStore.create(join(out, 'r-new'), manifest('r-new', 3, '2026-02-01T00:00:00.000Z'));
    await newer.append(record('a'));
    await newer.close();
    await mkdir(join(out, 'baselines'));
    await mkdir(join(out, 'broken'));
    await writeFile(join(out, 'broken', 'manifest.json'), 'nope');

    const runs = await listRuns(out);
    expect(runs.map((r) => [r.id, r.status, r.ok, r.failed, r.cases])).toEqual([
      ['r-new', 'incomplete', 1, 0, 3],
      ['r-old', 'complete', 1, 1, 2],
      ['broken', 'damaged', 0, 0, 0],
    ]);
    expect(runs[0]?.variants).toEqual(['none']);
    expect(runs[0]?.models).toEqual(['offline:reference']);
    expect(await listRuns(join(out, 'no-such-folder'))).toEqual([]);
  });
});
