import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseGrid } from '../../src/config/plan.js';
import { packagePath } from '../../src/paths.js';
import { planRun } from '../../src/run/execute.js';
import { parseShard, shardKeys } from '../../src/run/shard.js';
import { readRun } from '../../src/run/store.js';
import { cli } from '../support/cli.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-shard-');

/** Each stored case's scores by key (what must not change when a run is sharded and merged). */
async function scoresByKey(dir: string): Promise<Map<string, string>> {
  const { records } = await readRun(dir);
  return new Map(
    records.map((r) => [
      r.key,
      JSON.stringify([
        r.itemId,
        r.variant,
        r.model,
        r.repeat,
        r.candidate,
        r.error,
        r.scores.map((s) => [s.metric, s.value]),
      ]),
    ]),
  );
}

describe('the shard rule', () => {
  it('puts every case of a grid in exactly one shard, shard sizes differing by at most one', async () => {
    const plan = await planRun({ flags: { limit: 7, repeats: 3 }, cwd: await newTempDir() });
    const cases = caseGrid(plan.items, plan.variants, plan.modelSpecs, plan.repeats);
    const shards = [1, 2, 3, 4, 5].map((index) => shardKeys(cases, { index, count: 5 }));
    const all = shards.flatMap((keys) => [...keys]);
    expect(all.sort()).toEqual(cases.map((c) => c.key).sort());
    const sizes = shards.map((keys) => keys.size);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    // It depends only on the set of keys, not on their order.
    expect([...shardKeys([...cases].reverse(), { index: 2, count: 5 })].sort()).toEqual([...(shards[1] ?? [])].sort());
  });

  it('refuses a malformed --shard with a one-line usage error', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1-3'])
      expect(() => parseShard(bad)).toThrow(/--shard .*: expected i\/n with 1 ≤ i ≤ n/);
  });
});

describe('run --shard and merge', () => {
  it('three shards merged equal the unsharded run (same keys, same scores); report and gate work on the merge', async () => {
    const dir = await newTempDir();
    const out = join(dir, 'runs');
    // The paper's 2^3 grid (16 cases on 2 items): sharding does not depend on the variants.
    const paper = packagePath('experiments', 'paper.yaml');
    const common = [paper, '--limit', '2', '--out', out];
    const whole = await cli(['run', ...common, '--run-id', 'whole']);
    expect(whole.code).toBe(0);
    for (const i of [1, 2, 3]) {
      const shard = await cli(['run', ...common, '--shard', `${i}/3`, '--run-id', `s${i}`]);
      expect(shard.code).toBe(0);
      const manifest = JSON.parse(await readFile(join(out, `s${i}`, 'manifest.json'), 'utf8'));
      expect(manifest.shard).toEqual({ index: i, count: 3, gridCases: 16 });
    }
    // Without --run-id, the generated id names the shard.
    const named = await cli(['run', ...common, '--shard', '3/3', '--json']);
    expect(JSON.parse(named.stdout).runDir).toMatch(/-shard-3of3$/);
    // A shard's own resume keeps its slice.
    const resumed = await cli(['run', '--resume', join(out, 's2'), '--json']);
    expect(JSON.parse(resumed.stdout).counts).toMatchObject({ ran: 0, remaining: 0 });

    const merged = join(out, 'merged');
    const merge = await cli(['merge', join(out, 's1'), join(out, 's2'), join(out, 's3'), '--out', merged]);
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(0);
    expect(merge.stdout).toContain('16 ok, 0 failed of 16 cases');

    const expected = await scoresByKey(join(out, 'whole'));
    const actual = await scoresByKey(merged);
    expect(expected.size).toBe(16);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, scores] of expected) expect(actual.get(key)).toBe(scores);
    const manifest = JSON.parse(await readFile(join(merged, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ cases: 16, counts: { ok: 16, failed: 0, remaining: 0 } });
    expect(manifest.shard).toBeUndefined();
    expect(manifest.finishedAt).not.toBeNull();

    expect((await cli(['report', merged])).code).toBe(0);
    const baseline = join(dir, 'baseline.json');
    expect((await cli(['baseline', 'save', join(out, 'whole'), '--out', baseline])).code).toBe(0);
    const gate = await cli(['gate', '--baseline', baseline, '--run', merged]);
    expect(gate.code).toBe(0);

    // Refusals: a shard twice, a missing shard, a different plan — one line each, exit 2.
    const twice = await cli(['merge', join(out, 's1'), join(out, 's1'), join(out, 's3'), '--out', join(dir, 'm1')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr.trim().split('\n')).toHaveLength(1);
    expect(twice.stderr).toContain('shard 1/3 is also in');
    const missing = await cli(['merge', join(out, 's1'), join(out, 's3'), '--out', join(dir, 'm2')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 2/3 not given');
    const other = await cli([
      'run',
      paper,
      '--limit',
      '2',
      '--seed',
      '7',
      '--out',
      out,
      '--shard',
      '2/3',
      '--run-id',
      'seed7',
    ]);
    expect(other.code).toBe(0);
    const mixed = await cli(['merge', join(out, 's1'), join(out, 'seed7'), join(out, 's3'), '--out', join(dir, 'm3')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.trim().split('\n')).toHaveLength(1);
    expect(mixed.stderr).toMatch(/seed7: a different plan from .*seed 7 vs 1/);
    const notShard = await cli(['merge', join(out, 'whole'), '--out', join(dir, 'm4')]);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain('not a shard');

    // An unfinished shard (its last case not stored) is refused, leaving no merged folder behind.
    const cut = join(out, 's2-cut');
    await cp(join(out, 's2'), cut, { recursive: true });
    const lines = (await readFile(join(cut, 'results.jsonl'), 'utf8')).trimEnd().split('\n');
    await writeFile(join(cut, 'results.jsonl'), `${lines.slice(0, -1).join('\n')}\n`);
    const unfinished = await cli(['merge', join(out, 's1'), cut, join(out, 's3'), '--out', join(dir, 'm5')]);
    expect(unfinished.code).toBe(2);
    expect(unfinished.stderr).toMatch(/s2-cut: shard 2\/3 is unfinished \(4\/5 cases\)/);
    expect(existsSync(join(dir, 'm5'))).toBe(false);
    const taken = await cli(['merge', join(out, 's1'), join(out, 's2'), join(out, 's3'), '--out', merged]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('already exists');

    // --allow-partial: the merged run lacks shard 2's cases, and run --resume completes it.
    const partial = join(dir, 'partial');
    const allowed = await cli(['merge', join(out, 's1'), join(out, 's3'), '--out', partial, '--allow-partial']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('Missing shards: 2/3');
    const completed = await cli(['run', '--resume', partial, '--json']);
    expect(completed.code).toBe(0);
    expect(JSON.parse(completed.stdout).counts).toMatchObject({ planned: 16, ran: 5, remaining: 0 });
    const completedScores = await scoresByKey(partial);
    for (const [key, scores] of expected) expect(completedScores.get(key)).toBe(scores);
  });
});
