/**
 * Benchmark 3, the model-call cache: the same experiment run twice in one warm process — the
 * 2^3 ablation over the first items of the eval split, one Bedrock model answered by the fake
 * (own process) after a realistic latency, concurrency 8, judge off. The first run fills an empty
 * call cache; each later run (a new run folder, same cache) must make no call at all, and its
 * wall time is compared with the first's. A warm-up run with its own cache folder comes first, so
 * neither measured run pays module loading or index building.
 */
import { join } from 'node:path';
import type { RunPlan } from '../src/config/plan.js';
import { runExperiment } from '../src/run/engine.js';
import { benchPromptfoo, freshRun, narrowPlan, planWithItems } from './experiment.js';
import { BENCH_MODEL, fakeBedrockRunner, fakeEnv, startFakeServer } from './fake-server.js';
import { progress, settle, summarise, timeCpu, withTempDir } from './measure.js';
import { type Benchmark, plain } from './types.js';

/** Seconds of a Bedrock call writing a few hundred tokens are typical; 2 s is on the short side. */
const LATENCY_MS = 2000;
const ITEMS = 8;
const CONCURRENCY = 8;
const REPLAYS = 3;

/** The cache benchmark. */
export const cacheBenchmark: Benchmark = {
  name: 'engine.cache',
  describe: `2^3 ablation × ${ITEMS} items, fake Bedrock at ${LATENCY_MS} ms per call, concurrency ${CONCURRENCY}: first run (empty cache) vs the same experiment again (${REPLAYS} runs, median)`,
  run: () =>
    withTempDir('cache', async (dir) => {
      await benchPromptfoo();
      const server = await startFakeServer(LATENCY_MS);
      try {
        const env = fakeEnv(server);
        const flags = { model: [BENCH_MODEL], concurrency: CONCURRENCY, repeats: 1 };
        const plan = await planWithItems(dir, ITEMS, flags, env);
        const withCache = (cacheDir: string): RunPlan => ({ ...plan, cache: { mode: 'use', dir: cacheDir } });

        // Warm-up: every item once under the variant with every technique on (loads the models,
        // builds the retrieval indexes), into a cache of its own.
        const full = plan.variants.find((v) => v.cot && v.rag.enabled && v.fewShot.k > 0)?.name;
        const warm = narrowPlan(withCache(join(dir, 'warm-cache')), { variants: full ? [full] : [] });
        await runExperiment(freshRun(warm, dir, 'warm'), {
          runner: await fakeBedrockRunner(warm, server),
        });

        const measured = withCache(join(dir, 'calls'));
        await settle();
        let before = await server.calls();
        const first = await timeCpu(async () =>
          runExperiment(freshRun(measured, dir, 'first'), { runner: await fakeBedrockRunner(measured, server) }),
        );
        const firstCalls = (await server.calls()) - before;
        progress(`first run: ${plan.cases.length} cases, ${firstCalls} calls, ${first.ms.toFixed(0)} ms`);
        const again: number[] = [];
        const againCalls: number[] = [];
        for (let run = 0; run < REPLAYS; run++) {
          await settle();
          before = await server.calls();
          const second = await timeCpu(async () =>
            runExperiment(freshRun(measured, dir, `again-${run}`), {
              runner: await fakeBedrockRunner(measured, server),
            }),
          );
          if (second.value.ok !== plan.cases.length) throw new Error(`cached run stored ${second.value.ok} cases`);
          again.push(second.ms);
          againCalls.push((await server.calls()) - before);
          progress(`again: ${second.ms.toFixed(0)} ms, ${againCalls.at(-1)} calls`);
        }
        return {
          cases: plain(plan.cases.length, 'count'),
          first_run_calls: plain(firstCalls, 'count'),
          first_run_ms: plain(first.ms),
          second_run_ms: summarise(again, 'ms'),
          second_run_calls: summarise(againCalls, 'count', { op: '<=', value: 0 }),
          second_over_first: {
            ...summarise(
              again.map((ms) => ms / first.ms),
              'ratio',
              { op: '<=', value: 0.05 },
            ),
            note: 'wall time of a re-run answered from the call cache ÷ the first run (generation, checks and store still run)',
          },
        };
      } finally {
        await server.close();
      }
    }),
};
