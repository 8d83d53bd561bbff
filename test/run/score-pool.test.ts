import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import type { Item } from '../../src/dataset/types.js';
import { type CaseRunner, createCaseRunner } from '../../src/run/case-runner.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { createScorePool, type ScorePool } from '../../src/run/score-pool.js';
import { createScoringMemo } from '../../src/scoring/memo.js';
import { activeScorers, createCaseScorer } from '../../src/scoring/scorers.js';
import { useTempDirs } from './temp-dirs.js';

const CANDIDATES = join(import.meta.dirname, '..', 'fixtures', 'scoring', 'candidates');
const newTempDir = useTempDirs('gb-score-pool-');
const pools: ScorePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

/** Real golds as candidates of their own and of a neighbouring item, plus the hand-written candidates. */
async function cases(): Promise<{ items: Item[]; inputs: { candidate: string; item: Item; repeat: number }[] }> {
  const dataset = await loadDataset();
  const items = dataset.items.slice(0, 12);
  const inputs = items.flatMap((item, i) => [
    { candidate: item.goldText, item, repeat: 0 },
    { candidate: (items[(i + 1) % items.length] as Item).goldText, item, repeat: 1 },
  ]);
  for (const name of readdirSync(CANDIDATES).sort())
    inputs.push({ candidate: readFileSync(join(CANDIDATES, name), 'utf8'), item: items[0] as Item, repeat: 0 });
  inputs.push({ candidate: 'not gherkin at all', item: items[1] as Item, repeat: 0 });
  return { items, inputs };
}

describe('score pool', () => {
  it('gives the scores of in-process scoring on real golds, in table order', async () => {
    const { items, inputs } = await cases();
    const settings = { judge: null };
    const local = createCaseScorer(settings);
    const context = { memo: createScoringMemo(), judgeProvider: null };
    const pool = createScorePool({ items, settings, threads: 2 });
    pools.push(pool);
    expect(pool.ids).toEqual(activeScorers(settings));
    // All at once: more than the workers hold, so most wait in the pool's queue.
    const pooled = await Promise.all(inputs.map((input) => pool.score(input)));
    for (const [i, input] of inputs.entries()) {
      const expected = await local.score(input, context);
      expect(pooled[i], `case ${i} (${input.item.id})`).toEqual(expected);
    }
    expect(pooled.some((s) => s.scores.some((score) => score.value !== null && score.value < 1))).toBe(true);
  });

  it('records a worker crash on the cases it held and scores the next ones on a new worker', async () => {
    const { items, inputs } = await cases();
    const settings = { judge: null };
    const pool = createScorePool({
      items,
      settings,
      threads: 1,
      entry: new URL('../support/crashing-score-worker.ts', import.meta.url),
    });
    pools.push(pool);
    const first = inputs[0] as (typeof inputs)[number];
    const crashed = await pool.score({ ...first, candidate: 'CRASH' });
    expect(crashed.scores).toEqual([]);
    expect(crashed.error).toEqual({
      stage: 'scoring',
      message: expect.stringMatching(/score worker crashed: .*worker died on purpose/),
    });
    const after = await pool.score(first);
    const expected = await createCaseScorer(settings).score(first, { memo: createScoringMemo(), judgeProvider: null });
    expect(after).toEqual(expected);
  });

  it('fails the cases still queued when closed, and scores nothing after', async () => {
    const { items, inputs } = await cases();
    const pool = createScorePool({ items, settings: { judge: null }, threads: 1 });
    const waiting = inputs.map((input) => pool.score(input));
    await pool.close();
    const results = await Promise.all(waiting);
    expect(results.some((r) => r.error?.message === 'score pool closed')).toBe(true);
    expect((await pool.score(inputs[0] as (typeof inputs)[number])).error?.message).toBe('score pool closed');
  });

  it('a run scored on the pool stores the scores of a run scored in-process, each case freeing its slot before its checks', async () => {
    const cwd = await newTempDir();
    const flags = { limit: 3, variant: ['none', 'cot+rag+fewshot'], repeats: 2, cache: false };
    const stored = async (scoreThreads: number, name: string) => {
      const plan = { ...(await planRun({ flags, cwd, env: {} })), runId: name, runDir: join(cwd, name) };
      const runner = await createCaseRunner(plan, { scoreThreads });
      // Cases that told the engine their model calls were done before they were scored.
      let freed = 0;
      const noting: CaseRunner = {
        run: (task) =>
          runner.run({
            ...task,
            modelsDone: () => {
              freed++;
              task.modelsDone?.();
            },
          }),
      };
      try {
        const counts = await runExperiment(plan, { runner: noting });
        expect(counts).toMatchObject({ ok: plan.cases.length, failed: 0 });
      } finally {
        await runner.close?.();
      }
      const lines = readFileSync(join(plan.runDir, 'results.jsonl'), 'utf8').trim().split('\n');
      const records = lines.map((line) => JSON.parse(line) as { key: string; scores: unknown[]; candidate: string });
      return { freed, byKey: new Map(records.map((r) => [r.key, { candidate: r.candidate, scores: r.scores }])) };
    };
    const inProcess = await stored(0, 'in-process');
    const pooled = await stored(2, 'pooled');
    expect(pooled.byKey.size).toBe(3 * 2 * 2);
    expect(pooled.byKey).toEqual(inProcess.byKey);
    // On the pool every case frees its slot once generated; scored in-process, none does.
    expect([pooled.freed, inProcess.freed]).toEqual([12, 0]);
  });
});
