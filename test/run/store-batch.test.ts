import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS_FILE } from '../../src/run/records.js';
import { RunStore, readRun } from '../../src/run/store.js';
import { testManifest, testRecord, testUsage } from '../support/run-records.js';

const record = (key: string) =>
  testRecord(key, { usage: { generation: testUsage({ tokensIn: 1, tokensOut: 1, latencyMs: 1 }), judge: null } });
const manifest = (cases: number) => testManifest('batch', cases);

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
