/**
 * Load: 5,000 cases (50 items × 100 repeats, one Converse call each) through the real engine and
 * the real Bedrock SDK provider against the fake Bedrock Runtime at 50 ms per call, concurrency
 * 16, call cache on (one file per call). Measures wall time against the ideal (calls × latency /
 * concurrency), peak RSS (process.resourceUsage().maxRSS), RSS and heap sampled over the run
 * (is memory flat?), and the handles still open once the run and the fake server are closed.
 */
import { resolveProvider } from '../src/generation/providers/registry.js';
import { createCaseRunner } from '../src/run/case-runner.js';
import { runExperiment } from '../src/run/engine.js';
import { FAKE_CREDENTIALS } from '../test/support/fake-bedrock.js';
import { benchPromptfoo, planWithItems } from './experiment.js';
import { collector, progress, slope, withTempDir } from './measure.js';
import { startStandIn } from './stdin-control.js';
import { type Benchmark, type Measurement, plain, round } from './types.js';

const ITEMS = 50;
const REPEATS = 100;
const LATENCY_MS = 50;
const CONCURRENCY = 16;
const MODEL = 'bedrock:anthropic.claude-3-5-haiku-20241022-v1:0';
const MB = 1024 * 1024;

/** One memory sample. */
interface Sample {
  done: number;
  rss: number;
  heap: number;
  /** Memory outside the JS heap: Buffers, ArrayBuffers and native objects tied to JS ones. */
  external: number;
}

/** Resources still open, by type, other than standard streams and the ones we expect to linger. */
function openHandles(): string[] {
  return process.getActiveResourcesInfo().filter((type) => !['TTYWrap', 'PipeWrap', 'FSReqCallback'].includes(type));
}

/** The fake Bedrock in its own process (see fake-bedrock-server.ts). */
interface FakeProcess {
  url: string;
  calls(): Promise<number>;
  close(): Promise<void>;
}

/** Start fake-bedrock-server in its own process. */
export async function startFakeProcess(latencyMs: number): Promise<FakeProcess> {
  const standIn = await startStandIn('fake-bedrock-server', [String(latencyMs)]);
  if (!standIn.greeting.startsWith('url '))
    throw new Error(`fake-bedrock-server: unexpected output ${standIn.greeting}`);
  return {
    url: standIn.greeting.slice(4),
    calls: async () => Number((await standIn.ask('count')).split(' ')[1]),
    close: standIn.close,
  };
}

/** The load benchmark. */
export const loadBenchmark: Benchmark = {
  name: 'reliability.load',
  describe: `${ITEMS * REPEATS} cases (${ITEMS} items × ${REPEATS} repeats, variant none, one call each) on the Bedrock SDK provider against the fake Bedrock at ${LATENCY_MS} ms per call, concurrency ${CONCURRENCY}, cache on`,
  run: () =>
    withTempDir('load', async (dir) => {
      await benchPromptfoo();
      const fake = await startFakeProcess(LATENCY_MS);
      const handlesBefore = openHandles().length;
      const env = { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url, AWS_REGION: 'us-east-1' };
      const plan = await planWithItems(
        dir,
        ITEMS,
        { variant: ['none'], model: [MODEL], repeats: REPEATS, concurrency: CONCURRENCY },
        env,
      );
      const cases = plan.cases.length;
      progress(`${cases} cases against the fake Bedrock at ${LATENCY_MS} ms, concurrency ${CONCURRENCY}`);
      // The real registry and SDK provider, signing with fake credentials (nothing read from this shell).
      const provider = await resolveProvider(MODEL, { env, credentials: FAKE_CREDENTIALS });
      const runner = await createCaseRunner(plan, { wrapProvider: () => provider });

      const gc = collector();
      /** Live JS heap after a full GC, every 1,000 cases: the memory the run really holds. */
      const live: [number, number][] = [];
      const samples: Sample[] = [];
      let done = 0;
      const sample = () => {
        const m = process.memoryUsage();
        samples.push({ done, rss: m.rss, heap: m.heapUsed, external: m.external });
      };
      sample();
      const timer = setInterval(sample, 200);
      const started = performance.now();
      const counts = await runExperiment(plan, {
        runner,
        onEvent: (event) => {
          if (event.type !== 'case') return;
          done = event.done;
          if (done % 1000 === 0) {
            gc();
            live.push([done, process.memoryUsage().heapUsed / MB]);
            progress(`${done}/${cases}`);
          }
        },
      });
      const wallMs = performance.now() - started;
      clearInterval(timer);
      sample();
      const calls = await fake.calls();
      await fake.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const leftover = openHandles();
      if (leftover.length > handlesBefore) progress(`open after the run: ${leftover.join(', ')}`);

      const ideal = (calls * LATENCY_MS) / CONCURRENCY;
      const secondHalf = samples
        .filter((s) => s.done >= cases / 2)
        .map((s) => [s.done, s.rss / MB] as [number, number]);
      const externalHalf = samples
        .filter((s) => s.done >= cases / 2)
        .map((s) => [s.done, s.external / MB] as [number, number]);
      const heapHalf = samples.filter((s) => s.done >= cases / 2).map((s) => [s.done, s.heap / MB] as [number, number]);
      const at = (fraction: number) => samples.find((s) => s.done >= cases * fraction) ?? samples.at(-1);
      const peakRss = process.resourceUsage().maxRSS / 1024; // KiB → MiB
      const measurements: Record<string, Measurement> = {
        cases_completed: {
          value: counts.ok + counts.failed,
          unit: 'count',
          target: `= ${cases}`,
          ok: counts.ok + counts.failed === cases && counts.remaining === 0,
          note: `${counts.ok} ok, ${counts.failed} failed`,
        },
        model_calls: plain(calls, 'count'),
        wall_time: {
          ...plain(wallMs),
          note: `ideal ${Math.round(ideal)} ms (calls × ${LATENCY_MS} ms / ${CONCURRENCY})`,
        },
        share_of_ideal_throughput: plain(ideal / wallMs, 'ratio'),
        peak_rss: {
          value: round(peakRss),
          unit: 'MB',
          target: '<= 1024',
          ok: peakRss <= 1024,
          note: "process.resourceUsage().maxRSS of the benchmark's own process (the fake Bedrock runs in another)",
        },
        rss_at_25pct: plain((at(0.25)?.rss ?? 0) / MB, 'MB'),
        rss_at_50pct: plain((at(0.5)?.rss ?? 0) / MB, 'MB'),
        rss_at_end: plain((samples.at(-1)?.rss ?? 0) / MB, 'MB'),
        rss_slope_second_half: {
          value: round(slope(secondHalf) * 1000),
          unit: 'MB',
          note: 'MB of RSS per 1,000 more cases, least squares over the second half of the run',
        },
        heap_slope_second_half: {
          value: round(slope(heapHalf) * 1000),
          unit: 'MB',
          note: 'MB of JS heap per 1,000 more cases (the run store and promptfoo keep every result)',
        },
        live_heap_at_1000: plain(live[0]?.[1] ?? 0, 'MB'),
        live_heap_at_end: plain(live.at(-1)?.[1] ?? 0, 'MB'),
        live_heap_slope: {
          value: round(slope(live) * 1000),
          unit: 'MB',
          note: 'MB of live JS heap (after a full GC) per 1,000 more cases, least squares over the run',
        },
        external_slope_second_half: {
          value: round(slope(externalHalf) * 1000),
          unit: 'MB',
          note: 'MB of Buffers/ArrayBuffers per 1,000 more cases (request and reply bodies, socket buffers)',
        },
        open_handles_after: {
          value: Math.max(0, leftover.length - handlesBefore),
          unit: 'count',
          target: '= 0',
          ok: leftover.length <= handlesBefore,
          note: leftover.length > handlesBefore ? leftover.join(', ') : 'process.getActiveResourcesInfo()',
        },
      };
      return measurements;
    }),
};
