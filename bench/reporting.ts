/**
 * Benchmark 6, reporting: analysis plus every report file (summary.json, summary.md, results.csv,
 * index.html) for a synthetic run of 10,000 cases (test/support/synthetic-run.ts: the 2^3
 * ablation × 250 items × 5 repeats), measured twice:
 *
 * - as generated (two metrics per case, one-line candidates, empty traces);
 * - real-sized: every record given its own candidate made from a gold gherkin of the dataset, all
 *   check scores (with the reasons and details a real run stored for its checks) and the trace of a real offline CoT+RAG+few-shot generation (prompts,
 *   responses, retrieved passages) of one of 12 items, and every item a real gold, as a run of
 *   real cases stores them.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fewShotPool } from '../src/dataset/splits.js';
import { generateCandidate } from '../src/generation/chain.js';
import { resolveProvider } from '../src/generation/providers/registry.js';
import type { Trace } from '../src/generation/types.js';
import { defaultCatalog } from '../src/knowledge/catalog.js';
import { createRetriever } from '../src/knowledge/retrieval.js';
import { packagePath } from '../src/paths.js';
import { writeReports } from '../src/report/write.js';
import { planRun } from '../src/run/execute.js';
import type { CaseRecord, RunManifest } from '../src/run/types.js';
import { CHECK_METRICS, type Score } from '../src/scoring/types.js';
import { syntheticRun } from '../test/support/synthetic-run.js';
import { progress, settle, summarise, timeCpu, withTempDir } from './measure.js';
import { type Benchmark, plain } from './types.js';

const RUNS = 3;
const ITEMS = 250;
const REPEATS = 5;

/** Items whose real traces the real-sized run cycles through. */
const TRACED_ITEMS = 12;

/**
 * Real traces of the heaviest default variant (CoT + RAG + few-shot) for {@link TRACED_ITEMS}
 * items, and the shipped golds, to give synthetic records real sizes and real repetition.
 */
export async function realMaterial(cwd: string): Promise<RealMaterial> {
  const plan = await planRun({ flags: { cache: false }, cwd, env: {} });
  const variant = plan.variants.find((v) => v.cot && v.rag.enabled && v.fewShot.k > 0) ?? plan.variants[0];
  if (!variant || plan.items.length === 0) throw new Error('the default plan has no variant or item');
  const provider = await resolveProvider('offline', { env: {} });
  const retriever = createRetriever(defaultCatalog());
  const traces: Trace[] = [];
  for (const item of plan.items.slice(0, TRACED_ITEMS)) {
    const outcome = await generateCandidate({
      item,
      variant,
      provider,
      retriever,
      pool: fewShotPool(plan.dataset, item),
      seed: plan.seed,
      repeat: 0,
    });
    traces.push(outcome.trace);
  }
  return { traces, golds: plan.dataset.items.map((i) => i.goldText), notes: storedScoreNotes() };
}

/** What the real-sized run borrows from real material. */
export interface RealMaterial {
  traces: Trace[];
  golds: string[];
  /** A stored case's reason and details of each check it ran, by metric. */
  notes: Map<string, Pick<Score, 'reason' | 'details'>>;
}

/** The score reasons and details of a case stored by a real run (the v1 run fixture's first case). */
function storedScoreNotes(): Map<string, Pick<Score, 'reason' | 'details'>> {
  const line = readFileSync(packagePath('test', 'run', 'fixtures', 'v1-run', 'results.jsonl'), 'utf8').split('\n')[0];
  const record = JSON.parse(line ?? '{}') as { scores?: Score[] };
  return new Map((record.scores ?? []).map((s) => [s.metric as string, { reason: s.reason, details: s.details }]));
}

/**
 * The synthetic run with real-sized candidates, traces, golds and all check scores (reasons and
 * details from a stored real case where it has the metric). Each case
 * gets its own candidate (a gold plus a line naming the case, as no two real generations are
 * alike), which is also its last step's response; items cycle through the real traces.
 */
export function realSized(
  run: { manifest: RunManifest; records: CaseRecord[] },
  material: RealMaterial,
): { manifest: RunManifest; records: CaseRecord[] } {
  const { golds, traces, notes } = material;
  const gold = (i: number) => golds[i % golds.length] as string;
  const manifest = { ...run.manifest, items: run.manifest.items.map((item, i) => ({ ...item, goldText: gold(i) })) };
  const itemIndex = new Map(run.manifest.items.map((item, i) => [item.id, i]));
  const records = run.records.map((record, i): CaseRecord => {
    if (record.candidate === null) return record;
    const structure = record.scores.find((s) => s.metric === 'structure')?.value ?? 0.5;
    const have = new Set(record.scores.map((s) => s.metric));
    const extra = CHECK_METRICS.filter((m) => !have.has(m)).map((metric, k) => {
      const value = Math.min(1, Math.max(0, structure - 0.05 * k));
      return { metric, value, pass: value >= 0.5, reason: `synthetic ${metric} ${value.toFixed(3)}` };
    });
    const candidate = `${gold(i + 7)}\n# case ${record.key}\n`;
    const real = traces[(itemIndex.get(record.itemId) ?? 0) % traces.length] as Trace;
    const steps = real.steps.map((step, k) => (k === real.steps.length - 1 ? { ...step, response: candidate } : step));
    const scores = [...record.scores, ...extra].map((score) => ({ ...score, ...notes.get(score.metric) }));
    return { ...record, candidate, trace: { ...real, steps }, scores };
  });
  return { manifest, records };
}

/** The reporting benchmark. */
export const reportingBenchmark: Benchmark = {
  name: 'report.synthetic-10k',
  describe: `analysis + summary.json, summary.md, results.csv, index.html for a synthetic 10,000-case run (8 variants × ${ITEMS} items × ${REPEATS} repeats), as generated and real-sized; median of ${RUNS}`,
  run: () =>
    withTempDir('report', async (dir) => {
      const synthetic = syntheticRun({ items: ITEMS, repeats: REPEATS, effects: { rag: 0.1, cot: 0.05 } });
      const cases = synthetic.records.length;
      const real = realSized(synthetic, await realMaterial(dir));
      const measure = async (run: { manifest: RunManifest; records: CaseRecord[] }, label: string) => {
        const times: number[] = [];
        const cpu: number[] = [];
        let bytes = 0;
        for (let i = 0; i < RUNS; i++) {
          await settle();
          const { ms, cpuMs, value } = await timeCpu(() => writeReports(dir, run.manifest, run.records));
          times.push(ms);
          cpu.push(cpuMs);
          bytes = await sizeOf(value.files);
          progress(`${label}: ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU)`);
        }
        return { times, cpu, bytes };
      };
      const plainRun = await measure(synthetic, 'as generated');
      const realRun = await measure(real, 'real-sized');
      return {
        cases: plain(cases, 'count'),
        synthetic_ms: summarise(plainRun.times, 'ms', { op: '<=', value: 3000 }),
        synthetic_cpu_ms: summarise(plainRun.cpu, 'ms'),
        real_sized_ms: {
          ...summarise(realRun.times, 'ms', { op: '<=', value: 3000 }),
          note: `every record with its own gold-sized candidate, all check scores (a stored real case's reasons and details) and a real CoT+RAG+few-shot trace (${TRACED_ITEMS} items' traces cycled)`,
        },
        real_sized_cpu_ms: summarise(realRun.cpu, 'ms'),
        real_sized_report_mb: plain(realRun.bytes / 2 ** 20, 'MB'),
      };
    }),
};

/** Total bytes of some files. */
async function sizeOf(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}
