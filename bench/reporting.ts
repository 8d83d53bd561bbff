/**
 * Benchmark 6, reporting: analysis plus every report file (summary.json, summary.md, results.csv,
 * index.html) for a synthetic run of 10,000 cases (test/support/synthetic-run.ts: the 2^3
 * ablation × 250 items × 5 repeats), measured twice:
 *
 * - as generated (two metrics per case, one-line candidates, empty traces);
 * - real-sized: every record given a gold gherkin of the dataset as its candidate, all seven
 *   check scores and the trace of a real offline CoT+RAG+few-shot generation (prompts, responses,
 *   retrieved passages), and every item a real gold, as a run of real cases stores them.
 */
import { stat } from 'node:fs/promises';
import { fewShotPool } from '../src/dataset/splits.js';
import { generateCandidate } from '../src/generation/chain.js';
import { resolveProvider } from '../src/generation/providers/registry.js';
import type { Trace } from '../src/generation/types.js';
import { defaultCatalog } from '../src/knowledge/catalog.js';
import { createRetriever } from '../src/knowledge/retrieval.js';
import { writeReports } from '../src/report/write.js';
import { planRun } from '../src/run/execute.js';
import type { CaseRecord, RunManifest } from '../src/run/types.js';
import { CHECK_METRICS } from '../src/scoring/types.js';
import { syntheticRun } from '../test/support/synthetic-run.js';
import { progress, settle, summarise, timeCpu, withTempDir } from './measure.js';
import { type Benchmark, plain } from './types.js';

const RUNS = 3;
const ITEMS = 250;
const REPEATS = 5;

/** One real trace and the shipped golds, to give synthetic records real sizes. */
async function realMaterial(cwd: string): Promise<{ trace: Trace; golds: string[] }> {
  const plan = await planRun({ flags: { cache: false }, cwd, env: {} });
  const variant = plan.variants.find((v) => v.cot && v.rag.enabled && v.fewShot.k > 0) ?? plan.variants[0];
  const item = plan.items[0];
  if (!variant || !item) throw new Error('the default plan has no variant or item');
  const outcome = await generateCandidate({
    item,
    variant,
    provider: await resolveProvider('offline', { env: {} }),
    retriever: createRetriever(defaultCatalog()),
    pool: fewShotPool(plan.dataset, item),
    seed: plan.seed,
    repeat: 0,
  });
  return { trace: outcome.trace, golds: plan.dataset.items.map((i) => i.goldText) };
}

/** The synthetic run with real-sized candidates, traces, golds and all check scores. */
function realSized(
  run: { manifest: RunManifest; records: CaseRecord[] },
  material: { trace: Trace; golds: string[] },
): { manifest: RunManifest; records: CaseRecord[] } {
  const { golds, trace } = material;
  const gold = (i: number) => golds[i % golds.length] as string;
  const manifest = { ...run.manifest, items: run.manifest.items.map((item, i) => ({ ...item, goldText: gold(i) })) };
  const records = run.records.map((record, i): CaseRecord => {
    if (record.candidate === null) return record;
    const structure = record.scores.find((s) => s.metric === 'structure')?.value ?? 0.5;
    const have = new Set(record.scores.map((s) => s.metric));
    const extra = CHECK_METRICS.filter((m) => !have.has(m)).map((metric, k) => {
      const value = Math.min(1, Math.max(0, structure - 0.05 * k));
      return { metric, value, pass: value >= 0.5, reason: `synthetic ${metric} ${value.toFixed(3)}` };
    });
    return { ...record, candidate: gold(i + 7), trace, scores: [...record.scores, ...extra] };
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
        let bytes = 0;
        for (let i = 0; i < RUNS; i++) {
          await settle();
          const { ms, value } = await timeCpu(() => writeReports(dir, run.manifest, run.records));
          times.push(ms);
          bytes = await sizeOf(value.files);
          progress(`${label}: ${ms.toFixed(0)} ms`);
        }
        return { times, bytes };
      };
      const plainRun = await measure(synthetic, 'as generated');
      const realRun = await measure(real, 'real-sized');
      return {
        cases: plain(cases, 'count'),
        synthetic_ms: summarise(plainRun.times, 'ms', { op: '<=', value: 3000 }),
        real_sized_ms: {
          ...summarise(realRun.times, 'ms', { op: '<=', value: 3000 }),
          note: 'every record with a gold-sized candidate, all 7 check scores and a real CoT+RAG+few-shot trace',
        },
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
