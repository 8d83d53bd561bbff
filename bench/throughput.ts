/**
 * Benchmark 2, latency-bound throughput: the engine against the fake Bedrock Runtime (own
 * process, 127.0.0.1) answering every call after 200 ms, at concurrency 8, 16 and 32. One call
 * per case (variant `none`), every case scored, cache off; the grid is 14 waves of C cases, so
 * the ideal is exactly C / L. Achieved = calls ÷ the run's whole wall time (plan to stored run,
 * start-up included). Alongside: CPU of this process per case, the event loop's delay (p99 and
 * max, 1 ms resolution) while cases run, and the run's start-up (plan handed over → first case
 * started) and tail (last case finished → run stored), which count against the ideal too.
 * The reference: the bare SDK, the same provider and request in C loops of 14 calls with no
 * engine around them (alternating with the engine's runs), which shows what the SDK, the fake and
 * the machine leave of the ideal; engine ÷ bare SDK is the harness's own share.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ModelProvider, ModelRequest } from '../src/generation/providers/types.js';
import type { CaseRunner } from '../src/run/case-runner.js';
import { runExperiment } from '../src/run/engine.js';
import { benchPromptfoo, freshRun, narrowPlan, planWithItems } from './experiment.js';
import { BENCH_MODEL, fakeBedrockProvider, fakeBedrockRunner, fakeEnv, startFakeServer } from './fake-server.js';
import { mainThreadCpuMs, progress, settle, summarise, timeCpu, withTempDir } from './measure.js';
import type { Benchmark, Measurement } from './types.js';

const LATENCY_MS = 200;
const LEVELS = [8, 16, 32] as const;
const WAVES = 14;
/** 56 items (the eval split) × C/4 repeats = 14 × C cases. */
const ITEMS = 56;
const RUNS = 3;

/** The runner, noting when the first case starts and the last one ends. */
function timedRunner(runner: CaseRunner): { runner: CaseRunner; firstStart: () => number; lastEnd: () => number } {
  let firstStart = Number.NaN;
  let lastEnd = Number.NaN;
  return {
    runner: {
      run: async (task) => {
        if (Number.isNaN(firstStart)) firstStart = performance.now();
        try {
          return await runner.run(task);
        } finally {
          lastEnd = performance.now();
        }
      },
    },
    firstStart: () => firstStart,
    lastEnd: () => lastEnd,
  };
}

/** The provider, keeping the first request it is asked to send (a real case's generation request). */
function capturing(provider: ModelProvider): { provider: ModelProvider; request: () => ModelRequest } {
  let first: ModelRequest | undefined;
  return {
    provider: {
      id: provider.id,
      call: (request, options) => {
        first ??= request;
        return provider.call(request, options);
      },
    },
    request: () => {
      if (!first) throw new Error('no request was captured');
      return first;
    },
  };
}

/** The bare SDK: `concurrency` loops of `calls` calls each through the provider, no engine; wall ms. */
async function bareCalls(provider: ModelProvider, request: ModelRequest, concurrency: number, calls: number) {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < calls; i++) await provider.call(request);
    }),
  );
  return performance.now() - started;
}

/** The throughput benchmark. */
export const throughputBenchmark: Benchmark = {
  name: 'engine.throughput',
  describe: `fake Bedrock at ${LATENCY_MS} ms per call, concurrency ${LEVELS.join('/')}: calls/s vs ideal C/L (${WAVES} waves of C one-call cases, scored, cache off; median of ${RUNS}), and the bare SDK's for reference`,
  run: () =>
    withTempDir('throughput', async (dir) => {
      await benchPromptfoo();
      const server = await startFakeServer(LATENCY_MS);
      try {
        const out: Record<string, Measurement> = {};
        for (const concurrency of LEVELS) {
          const ideal = (concurrency * 1000) / LATENCY_MS;
          const cases = concurrency * WAVES;
          // ITEMS items × C/4 repeats = 14 waves of C cases exactly (no partial wave).
          const plan = await planWithItems(
            dir,
            ITEMS,
            {
              model: [BENCH_MODEL],
              variant: ['none'],
              concurrency,
              cache: false,
              repeats: (concurrency * WAVES) / ITEMS,
            },
            fakeEnv(server),
          );
          if (plan.cases.length !== cases) throw new Error(`the grid has ${plan.cases.length} cases, not ${cases}`);
          const bedrock = capturing(await fakeBedrockProvider(server));
          const runner = await fakeBedrockRunner(plan, server, bedrock.provider);
          // Unmeasured: the first connection, the models the checks load, promptfoo's first evaluate().
          await runExperiment(
            freshRun(narrowPlan(plan, { items: concurrency, repeats: 1 }), dir, `c${concurrency}-warm`),
            {
              runner,
            },
          );
          const achieved: number[] = [];
          const bare: number[] = [];
          const cpuPerCase: number[] = [];
          const mainCpuPerCase: number[] = [];
          const loopP99: number[] = [];
          const loopMax: number[] = [];
          const startup: number[] = [];
          const tail: number[] = [];
          for (let run = 0; run < RUNS; run++) {
            await settle();
            const before = await server.calls();
            const timed = timedRunner(runner);
            const loop = monitorEventLoopDelay({ resolution: 1 });
            const started = performance.now();
            const mainBefore = mainThreadCpuMs();
            loop.enable();
            const { ms, cpuMs } = await timeCpu(() =>
              runExperiment(freshRun(plan, dir, `c${concurrency}-${run}`), { runner: timed.runner }),
            );
            loop.disable();
            const mainAfter = mainThreadCpuMs();
            if (mainBefore !== null && mainAfter !== null) mainCpuPerCase.push((mainAfter - mainBefore) / cases);
            loopP99.push(loop.percentile(99) / 1e6);
            loopMax.push(loop.max / 1e6);
            startup.push(timed.firstStart() - started);
            tail.push(started + ms - timed.lastEnd());
            const calls = (await server.calls()) - before;
            if (calls !== cases)
              throw new Error(`expected ${cases} calls at concurrency ${concurrency}, the fake got ${calls}`);
            achieved.push((calls / ms) * 1000);
            cpuPerCase.push(cpuMs / cases);
            const bareBefore = await server.calls();
            const bareMs = await bareCalls(bedrock.provider, bedrock.request(), concurrency, WAVES);
            if ((await server.calls()) - bareBefore !== cases) throw new Error('the bare SDK loops lost calls');
            bare.push((cases / bareMs) * 1000);
            progress(
              `C=${concurrency}: bare SDK ${((cases / bareMs) * 1000).toFixed(1)}/s; ${calls} calls in ${ms.toFixed(0)} ms = ${((calls / ms) * 1000).toFixed(1)}/s (ideal ${ideal}); ${(cpuMs / cases).toFixed(2)} ms CPU/case (main thread ${mainCpuPerCase.at(-1)?.toFixed(2) ?? '?'}), loop delay p99 ${loopP99.at(-1)?.toFixed(1)} max ${loopMax.at(-1)?.toFixed(1)} ms, start-up ${startup.at(-1)?.toFixed(0)} ms, tail ${tail.at(-1)?.toFixed(0)} ms`,
            );
          }
          out[`c${concurrency}_calls_per_s`] = summarise(achieved, 'per_s');
          out[`c${concurrency}_of_ideal`] = {
            ...summarise(
              achieved.map((x) => x / ideal),
              'ratio',
              { op: '>=', value: 0.95 },
            ),
            note: `achieved ÷ ideal ${ideal}/s over the whole run`,
          };
          out[`c${concurrency}_bare_sdk_of_ideal`] = {
            ...summarise(
              bare.map((x) => x / ideal),
              'ratio',
            ),
            note: `the same provider and request in ${concurrency} loops of ${WAVES} calls, no engine: what the SDK, the fake and the machine leave of the ideal`,
          };
          out[`c${concurrency}_engine_of_bare_sdk`] = {
            ...summarise(
              achieved.map((x, i) => x / (bare[i] as number)),
              'ratio',
            ),
            note: "each engine run ÷ the bare SDK run right after it: the harness's own share",
          };
          out[`c${concurrency}_cpu_ms_per_case`] = {
            ...summarise(cpuPerCase, 'ms'),
            note: 'CPU of this process per case (prompt, SDK request and reply, every check, store), worker threads included',
          };
          if (mainCpuPerCase.length)
            out[`c${concurrency}_main_thread_cpu_ms_per_case`] = {
              ...summarise(mainCpuPerCase, 'ms'),
              note: 'CPU of the main thread alone per case (what the event loop spends: requests, replies, promptfoo, the store; the checks run on worker threads)',
            };
          out[`c${concurrency}_loop_delay_p99_ms`] = {
            ...summarise(loopP99, 'ms'),
            note: 'event-loop delay while the run went (p99, 1 ms resolution): how long a reply or a free slot waited for the main thread',
          };
          out[`c${concurrency}_loop_delay_max_ms`] = summarise(loopMax, 'ms');
          out[`c${concurrency}_startup_ms`] = {
            ...summarise(startup, 'ms'),
            note: 'run handed to the engine → first case started (manifest, run folder, promptfoo set-up)',
          };
          out[`c${concurrency}_tail_ms`] = {
            ...summarise(tail, 'ms'),
            note: 'last case finished → run stored (store close, manifest)',
          };
        }
        return out;
      } finally {
        await server.close();
      }
    }),
};
