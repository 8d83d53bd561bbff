/**
 * The child process of the memory-at-scale benchmark (memory.ts): runs `argv[2]` cases of the
 * default experiment narrowed to variant `none` on the offline reference generator (a fast, real
 * provider: no network, every check scores every case), cache off, concurrency 16, in a fresh
 * run folder under `argv[3]`. A first, unmeasured run of one case per item loads what every case
 * shares (the service models the checks read, loaded once per service; the grid is item-major, so
 * without it new items would load theirs all through the measured run). Every twentieth of the
 * run it collects garbage and samples the live JS heap and RSS; at the end it prints one JSON
 * line: the samples, the counts and its peak RSS.
 */
import { runExperiment } from '../src/run/engine.js';
import { benchPromptfoo, freshRun, narrowPlan, planWithItems } from './experiment.js';
import { collector } from './measure.js';

const cases = Number(process.argv[2]);
const dir = process.argv[3] as string;
const ITEMS = 50;
const MB = 1024 * 1024;

const gc = collector();

await benchPromptfoo();
const plan = await planWithItems(dir, ITEMS, {
  variant: ['none'],
  model: ['offline:reference'],
  repeats: Math.ceil(cases / ITEMS),
  concurrency: 16,
  cache: false,
});
await runExperiment(freshRun(narrowPlan(plan, { repeats: 1 }), dir, 'warm-up'));
const every = Math.max(1, Math.floor(plan.cases.length / 20));
const samples: { done: number; liveHeapMb: number; rssMb: number }[] = [];
const started = performance.now();
const counts = await runExperiment(freshRun(plan, dir, 'scale'), {
  onEvent: (event) => {
    if (event.type !== 'case' || event.done % every !== 0) return;
    gc();
    const memory = process.memoryUsage();
    samples.push({ done: event.done, liveHeapMb: memory.heapUsed / MB, rssMb: memory.rss / MB });
  },
});
process.stdout.write(
  `${JSON.stringify({
    cases: plan.cases.length,
    ok: counts.ok,
    failed: counts.failed,
    wallMs: performance.now() - started,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    samples,
  })}\n`,
);
