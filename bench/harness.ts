/**
 * Benchmark 1, harness overhead: the default experiment's grid widened to 8 variants × 60 items ×
 * 5 repeats (2,400 cases), checks only (no judge), model-call cache off, against a bare promptfoo
 * `evaluate()` over the same 2,400 no-op cases (one test per case sent to one of 8 providers, as
 * the engine builds them, the same concurrency) in the same process, alternating.
 *
 * - harness: our engine with a no-op case runner (promptfoo's loop + our provider per variant,
 *   case lookup, store append, grading) against bare promptfoo: the ratio the target is about.
 * - full pipeline: the engine with the real case runner (offline generation with retrieval and
 *   few-shot, every deterministic check, the store): what a default run costs per case. It is
 *   CPU work of the generator and the checks, not harness overhead; fewer runs (slow).
 */
import { runExperiment } from '../src/run/engine.js';
import { benchPromptfoo, freshRun, noopRunner, planWithItems } from './experiment.js';
import { median, progress, settle, summarise, timeCpu, withTempDir } from './measure.js';
import { type Benchmark, plain } from './types.js';

const ITEMS = 60;
const REPEATS = 5;
const HARNESS_RUNS = 9;
const FULL_RUNS = 1;

/**
 * A bare promptfoo evaluate() over the same grid as the engine gives it: one test per case (a
 * case-index var, the prompt a JSON literal, sent to its variant's provider only), no-op
 * providers, no assertion. What the engine adds beyond this is its overhead.
 */
async function barePromptfoo(variants: readonly string[], itemIds: readonly string[], concurrency: number) {
  const promptfoo = await benchPromptfoo();
  const tests = variants.flatMap((name) =>
    itemIds.flatMap(() => Array.from({ length: REPEATS }, () => ({ providers: [`noop#${name}`] }))),
  );
  await promptfoo.evaluate(
    {
      prompts: ['0'],
      providers: variants.map((name) => ({
        id: () => `noop#${name}`,
        label: name,
        callApi: async () => ({ output: 'Feature: noop' }),
      })),
      tests: tests.map((test, i) => ({ ...test, vars: { case: i } })),
      writeLatestResults: false,
    },
    { maxConcurrency: concurrency, repeat: 1, showProgressBar: false, silent: true, cache: false },
  );
}

/** The harness-overhead benchmark. */
export const harnessBenchmark: Benchmark = {
  name: 'engine.harness-overhead',
  describe: `8 variants × ${ITEMS} items × ${REPEATS} repeats (2,400 cases), offline generator, checks only, cache off: engine with a no-op case runner vs bare promptfoo evaluate() over 2,400 no-op cases (alternating, median of ${HARNESS_RUNS}); full pipeline ${FULL_RUNS} run`,
  run: () =>
    withTempDir('harness', async (dir) => {
      await benchPromptfoo();
      const plan = await planWithItems(dir, ITEMS, { repeats: REPEATS, cache: false });
      const cases = plan.cases.length;
      const variants = plan.variants.map((v) => v.name);
      const itemIds = plan.items.map((i) => i.id);
      progress(`${cases} cases, concurrency ${plan.concurrency}`);
      const bare: number[] = [];
      const engine: number[] = [];
      const ratios: number[] = [];
      const cpuRatios: number[] = [];
      // One unmeasured full-size round first: promptfoo's and our modules' first-use and JIT
      // warm-up costs (a first full-size engine run took 1.2–1.5 times the later ones).
      await barePromptfoo(variants, itemIds, plan.concurrency);
      await runExperiment(freshRun(plan, dir, 'warm'), { runner: noopRunner() });
      for (let run = 0; run < HARNESS_RUNS; run++) {
        await settle();
        const b = await timeCpu(() => barePromptfoo(variants, itemIds, plan.concurrency));
        await settle();
        const e = await timeCpu(() => runExperiment(freshRun(plan, dir, `noop-${run}`), { runner: noopRunner() }));
        if (e.value.ok !== cases) throw new Error(`no-op run stored ${e.value.ok} of ${cases} cases`);
        bare.push(b.ms);
        engine.push(e.ms);
        ratios.push(e.ms / b.ms);
        cpuRatios.push(e.cpuMs / b.cpuMs);
        progress(`bare ${b.ms.toFixed(0)} ms, engine (no-op) ${e.ms.toFixed(0)} ms, ratio ${(e.ms / b.ms).toFixed(2)}`);
      }
      const full: number[] = [];
      const fullCpu: number[] = [];
      for (let run = 0; run < FULL_RUNS; run++) {
        await settle();
        const f = await timeCpu(() => runExperiment(freshRun(plan, dir, `full-${run}`)));
        if (f.value.ok !== cases) throw new Error(`full run stored ${f.value.ok} of ${cases} cases`);
        full.push(f.ms);
        fullCpu.push(f.cpuMs);
        progress(`full pipeline ${f.ms.toFixed(0)} ms (${f.cpuMs.toFixed(0)} ms CPU)`);
      }
      const bareMedian = median(bare);
      return {
        cases: plain(cases, 'count'),
        bare_promptfoo_ms: summarise(bare, 'ms'),
        bare_ms_per_case: summarise(
          bare.map((ms) => ms / cases),
          'ms',
        ),
        harness_ms: summarise(engine, 'ms'),
        harness_ms_per_case: summarise(
          engine.map((ms) => ms / cases),
          'ms',
        ),
        harness_ratio: {
          ...summarise(ratios, 'ratio', { op: '<=', value: 1.2 }),
          note: 'engine with a no-op case runner ÷ bare promptfoo, each pair run back to back',
        },
        harness_cpu_ratio: {
          ...summarise(cpuRatios, 'ratio', { op: '<=', value: 1.2 }),
          note: 'the same pairs by CPU time of this process (what a busy shared machine does not inflate)',
        },
        full_pipeline_ms: summarise(full, 'ms'),
        full_ms_per_case: summarise(
          full.map((ms) => ms / cases),
          'ms',
        ),
        full_cpu_ms_per_case: summarise(
          fullCpu.map((ms) => ms / cases),
          'ms',
        ),
        full_ratio: {
          ...summarise(
            full.map((ms) => ms / bareMedian),
            'ratio',
          ),
          note: 'full pipeline (offline generation + every check + store) ÷ median bare promptfoo: generator and scoring CPU, not harness',
        },
      };
    }),
};
