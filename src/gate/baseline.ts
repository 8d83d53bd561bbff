/**
 * Baselines: a compact, reviewable snapshot of a run — per-item scores, the summary's estimates,
 * and the hashes and models that say what was measured — that the regression gate compares with.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { buildScoreTable, itemMeans } from '../analysis/table.js';
import type { Summary } from '../analysis/types.js';
import { badInput } from '../errors.js';
import type { CaseRecord, RunManifest } from '../run/types.js';

/** Schema id of a baseline file. */
export const BASELINE_SCHEMA = 'gherkin-bench/baseline@1';

const estimateSchema = z.object({
  variant: z.string(),
  model: z.string(),
  metric: z.string(),
  mean: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  items: z.number().int().nonnegative(),
});

const baselineSchema = z.object({
  schema: z.literal(BASELINE_SCHEMA),
  createdAt: z.string(),
  runId: z.string(),
  dataset: z.object({ name: z.string(), split: z.string(), hash: z.string(), items: z.number().int() }),
  hashes: z.object({ prompts: z.string(), rubric: z.string().nullable() }),
  models: z.array(z.string()),
  variants: z.array(z.string()),
  reference: z.string(),
  estimates: z.array(estimateSchema),
  /** `variant|model|metric` → item id → mean over repeats (full precision: the gate never tests rounded values). */
  scores: z.record(z.string(), z.record(z.string(), z.number())),
  /** `variant|model|metric` → item ids that passed (metrics with a pass verdict). */
  passed: z.record(z.string(), z.array(z.string())),
});

/** A parsed baseline. */
export type Baseline = z.infer<typeof baselineSchema>;

/** The key of a variant × model × metric series in a baseline. */
export function seriesKey(variant: string, model: string, metric: string): string {
  return `${variant}|${model}|${metric}`;
}

/** Item ids whose every case passed the metric, per series (used to list pass → fail flips). */
export function passedItems(records: readonly CaseRecord[]): Record<string, string[]> {
  const verdicts = new Map<string, Map<string, boolean>>();
  for (const r of records) {
    if (r.error?.stage === 'generation') continue;
    for (const s of r.scores) {
      if (s.pass === undefined) continue;
      const key = seriesKey(r.variant, r.model, s.metric);
      const items = verdicts.get(key) ?? new Map<string, boolean>();
      verdicts.set(key, items);
      items.set(r.itemId, (items.get(r.itemId) ?? true) && s.pass);
    }
  }
  const out: Record<string, string[]> = {};
  for (const [key, items] of verdicts)
    out[key] = [...items]
      .filter(([, ok]) => ok)
      .map(([id]) => id)
      .sort();
  return out;
}

/** Per-item means per series, unrounded (rounding would turn near-equal items into false ties). */
export function itemScores(records: readonly CaseRecord[]): Record<string, Record<string, number>> {
  const table = buildScoreTable(records);
  const out: Record<string, Record<string, number>> = {};
  for (const cell of table.cells.values()) {
    const values: Record<string, number> = {};
    for (const [item, value] of [...itemMeans(cell)].sort(([a], [b]) => a.localeCompare(b))) values[item] = value;
    out[seriesKey(cell.variant, cell.model, cell.metric)] = values;
  }
  return out;
}

/** Make the baseline of a run. */
export function makeBaseline(
  manifest: RunManifest,
  records: readonly CaseRecord[],
  summary: Summary,
  now = new Date(),
): Baseline {
  return {
    schema: BASELINE_SCHEMA,
    createdAt: now.toISOString(),
    runId: manifest.runId,
    dataset: {
      name: manifest.dataset.name,
      split: manifest.dataset.split,
      hash: manifest.dataset.hash,
      items: manifest.dataset.items,
    },
    hashes: { prompts: manifest.hashes.prompts, rubric: manifest.hashes.rubric },
    models: summary.models,
    variants: summary.variants,
    reference: summary.reference,
    estimates: summary.estimates.map((e) => ({
      variant: e.variant,
      model: e.model,
      metric: e.metric,
      mean: e.mean,
      low: e.ci?.low ?? null,
      high: e.ci?.high ?? null,
      items: e.items,
    })),
    scores: itemScores(records),
    passed: passedItems(records),
  };
}

/** Read and validate a baseline file; a missing or corrupt one is a user error (exit 2). */
export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw badInput(
      { file: path },
      'cannot read the baseline; save one with `gherkin-bench baseline save <run-dir> --out <file>`',
      cause,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw badInput(
      { file: path },
      `not valid JSON (${(cause as Error).message}); the baseline is corrupt — save it again`,
      cause,
    );
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    throw badInput(
      { file: path, field },
      `${issue?.message ?? 'invalid'}; the baseline is corrupt or from another version — save it again`,
    );
  }
  return parsed.data;
}
