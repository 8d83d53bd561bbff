import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS_FILE } from '../../src/run/records.js';
import { RunStore, readRun } from '../../src/run/store.js';
import { CASE_RECORD_SCHEMA, type CaseRecord, MANIFEST_SCHEMA, type RunManifest } from '../../src/run/types.js';

const usage = {
  calls: 1,
  tokensIn: 1,
  tokensOut: 1,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  latencyMs: 1,
  costUsd: 0,
};

function record(key: string): CaseRecord {
  return {
    schema: CASE_RECORD_SCHEMA,
    key,
    itemId: `item-${key}`,
    variant: 'none',
    model: 'offline:reference',
    repeat: 0,
    candidate: `Feature: ${key}\n`,
    trace: { steps: [], retrieved: [], fewShotIds: [] },
    scores: [],
    usage: { generation: usage, judge: null },
    error: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
  };
}

function manifest(cases: number): RunManifest {
  return {
    schema: MANIFEST_SCHEMA,
    runId: 'batch',
    config: {},
    variants: [],
    models: ['offline:reference'],
    repeats: 1,
    seed: 1,
    dataset: { name: 'd', split: 'eval', items: cases, hash: 'h' },
    items: [],
    hashes: { prompts: 'p', rubric: null, judgePrompt: null },
    versions: { gherkinBench: '0', node: '20', promptfoo: '0', botocoreModels: '0' },
    git: { commit: null, dirty: null },
    judge: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    cases,
  };
}

describe('run store appends made while a write is in flight', () => {
  it('are written together, whole and in append order, each resolving once written', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'gb-store-batch-')), 'run');
    const store = await RunStore.create(dir, manifest(300));
    const keys = Array.from({ length: 300 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    const first = await Promise.all(keys.slice(0, 100).map((key) => store.append(record(key))));
    const written = (await readFile(join(dir, RESULTS_FILE), 'utf8')).split('\n').filter(Boolean);
    expect(first.every((ok) => ok === true)).toBe(true);
    expect(written).toHaveLength(100);
    const rest = keys.slice(100).map((key) => store.append(record(key)));
    expect(await store.append(record('k000'))).toBe(false);
    expect(await Promise.all(rest)).toEqual(keys.slice(100).map(() => true));
    await store.close();
    const run = await readRun(dir);
    expect(run.tornTail).toBe(false);
    expect(run.records.map((r) => r.key)).toEqual(keys);
  });

  it('fail together when the store was closed before their write', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'gb-store-batch-')), 'run');
    const store = await RunStore.create(dir, manifest(2));
    await store.close();
    await expect(store.append(record('late'))).rejects.toThrow(/closed/);
  });
});
