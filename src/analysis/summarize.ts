/**
 * `summarize`: a stored run (manifest + records) → the summary every report and the gate read.
 * Pure and seeded: the same run and seed give the same summary.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { CaseRecord, RunManifest } from '../run/types.js';
import { type DesignCell, factorialEffects, pairedComparisons } from './compare.js';
import { bootstrapMeanInterval, mean, sampleSd, wilsonInterval } from './intervals.js';
import { seededUniform } from './random.js';
import { buildScoreTable, cellKey, isCostMetric, itemMeans, type ScoreTable } from './table.js';
import {
  type BreakdownCell,
  type DetectableEffect,
  type FailedCase,
  type MetricEstimate,
  type PairedComparison,
  SUMMARY_SCHEMA,
  type Summary,
} from './types.js';

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /** The variant every other is compared with; default: the one with every technique off. */
  reference?: string;
  /** Seed of the bootstrap; default: the run's seed. */
  seed?: number;
  resamples?: number;
  level?: number;
  /** The time written as generatedAt (for reproducible files in tests). */
  now?: Date;
}

/**
 * What analysis reads of a stored variant: its name and, per technique, on or off (the technique
 * table's flags, recorded when the plan was built).
 */
export interface DesignVariant {
  name: string;
  techniques?: Record<string, boolean>;
}

/** The variant with every technique off, if the run has one (else the first variant). */
export function defaultReference(variants: readonly DesignVariant[], names: readonly string[]): string {
  const off = variants.find(
    (v) => v.techniques !== undefined && !Object.values(v.techniques).some(Boolean) && names.includes(v.name),
  );
  return off?.name ?? names[0] ?? 'none';
}

function estimates(
  table: ScoreTable,
  options: Required<Pick<SummarizeOptions, 'level' | 'resamples'>> & { seed: number },
): MetricEstimate[] {
  const uniform = seededUniform(options.seed);
  const out: MetricEstimate[] = [];
  for (const model of table.models) {
    for (const variant of table.variants) {
      for (const metric of table.metrics) {
        const cell = table.cells.get(cellKey(variant, model, metric));
        const means = cell ? [...itemMeans(cell).values()] : [];
        const cases = cell ? [...cell.values.values()].reduce((n, v) => n + v.length, 0) : 0;
        const estimate: MetricEstimate = {
          variant,
          model,
          metric,
          items: means.length,
          cases,
          mean: means.length ? mean(means) : null,
          ci: means.length ? bootstrapMeanInterval(means, uniform, options) : null,
        };
        if (cell && cell.judged > 0) {
          estimate.pass = {
            rate: cell.passed / cell.judged,
            passed: cell.passed,
            total: cell.judged,
            // Wilson assumes independent cases: true with one repeat; with repeats the item
            // bootstrap of the metric's own interval is the honest one, so Wilson is over items.
            ci:
              table.maxRepeats === 1
                ? wilsonInterval(cell.passed, cell.judged, options.level)
                : wilsonInterval(Math.round((cell.passed / cell.judged) * means.length), means.length, options.level),
          };
        }
        out.push(estimate);
      }
    }
  }
  return out;
}

function comparisons(
  table: ScoreTable,
  reference: string,
  options: { seed: number; level: number; resamples: number },
): PairedComparison[] {
  const uniform = seededUniform(options.seed + 1);
  const out: PairedComparison[] = [];
  for (const model of table.models) {
    for (const metric of table.metrics) {
      const refCell = table.cells.get(cellKey(reference, model, metric));
      if (!refCell) continue;
      const others = table.variants
        .filter((v) => v !== reference)
        .map((v) => table.cells.get(cellKey(v, model, metric)))
        .filter((c) => c !== undefined)
        .map((c) => ({ name: c.variant, values: itemMeans(c) }));
      out.push(
        ...pairedComparisons(metric, model, { name: reference, values: itemMeans(refCell) }, others, {
          uniform,
          ...options,
        }),
      );
    }
  }
  return out;
}

function effects(
  table: ScoreTable,
  variants: readonly DesignVariant[],
  options: { seed: number; level: number; resamples: number },
) {
  const uniform = seededUniform(options.seed + 2);
  const present = variants.filter((v) => table.variants.includes(v.name));
  return table.models.flatMap((model) =>
    table.metrics.flatMap((metric) => {
      const design: DesignCell[] = [];
      for (const v of present) {
        const cell = table.cells.get(cellKey(v.name, model, metric));
        if (!cell || !v.techniques) continue;
        design.push({ on: v.techniques, values: itemMeans(cell) });
      }
      return factorialEffects(metric, model, design, { uniform, ...options });
    }),
  );
}

function breakdowns(table: ScoreTable, manifest: RunManifest): BreakdownCell[] {
  const info = new Map((manifest.items ?? []).map((i) => [i.id, i]));
  const out: BreakdownCell[] = [];
  for (const by of ['service', 'category'] as const) {
    for (const cell of table.cells.values()) {
      if (isCostMetric(cell.metric)) continue;
      const groups = new Map<string, number[]>();
      for (const [item, value] of itemMeans(cell)) {
        const key = info.get(item)?.[by] ?? 'unknown';
        const list = groups.get(key);
        if (list) list.push(value);
        else groups.set(key, [value]);
      }
      for (const [key, values] of groups) {
        out.push({
          by,
          key,
          variant: cell.variant,
          model: cell.model,
          metric: cell.metric,
          mean: mean(values),
          items: values.length,
        });
      }
    }
  }
  return out;
}

/**
 * Minimum detectable effect of a paired two-sided test at α = 0.05 with 80% power, from the SD of
 * the observed per-item differences (median over the metric's comparisons) and the t distribution.
 */
function detectable(table: ScoreTable, reference: string): DetectableEffect[] {
  return table.metrics.map((metric) => {
    const sds: number[] = [];
    let items = 0;
    for (const model of table.models) {
      const ref = table.cells.get(cellKey(reference, model, metric));
      if (!ref) continue;
      const refMeans = itemMeans(ref);
      for (const variant of table.variants) {
        if (variant === reference) continue;
        const cell = table.cells.get(cellKey(variant, model, metric));
        if (!cell) continue;
        const diffs = [...itemMeans(cell)]
          .filter(([id]) => refMeans.has(id))
          .map(([id, v]) => v - (refMeans.get(id) as number));
        items = Math.max(items, diffs.length);
        const sd = sampleSd(diffs);
        if (Number.isFinite(sd)) sds.push(sd);
      }
    }
    if (!sds.length || items < 3) return { metric, items, sdDiff: null, mde: null };
    sds.sort((a, b) => a - b);
    const sdDiff = sds[Math.floor(sds.length / 2)] as number;
    const df = items - 1;
    const mde = ((tQuantile(0.975, df) + tQuantile(0.8, df)) * sdDiff) / Math.sqrt(items);
    return { metric, items, sdDiff, mde };
  });
}

function failures(records: readonly CaseRecord[]): { list: FailedCase[]; byStage: Record<string, number> } {
  const byStage: Record<string, number> = {};
  const list: FailedCase[] = [];
  for (const r of records) {
    if (!r.error) continue;
    byStage[r.error.stage] = (byStage[r.error.stage] ?? 0) + 1;
    list.push({
      key: r.key,
      itemId: r.itemId,
      variant: r.variant,
      model: r.model,
      repeat: r.repeat,
      stage: r.error.stage,
      message: r.error.message,
    });
  }
  return { list, byStage };
}

/** The model family of an id (`bedrock:anthropic.claude-…` → `anthropic`), for the same-family warning. */
export function modelFamily(model: string): string {
  const id = model.replace(/^(bedrock:|bedrock:converse:)/, '').replace(/^(us|eu|apac|global)\./, '');
  const match = /^([a-z0-9-]+)[.:/]/.exec(id);
  return (match?.[1] ?? id).toLowerCase();
}

/** Analyse a stored run. */
export function summarize(
  manifest: RunManifest,
  records: readonly CaseRecord[],
  options: SummarizeOptions = {},
): Summary {
  const table = buildScoreTable(records);
  const seed = options.seed ?? manifest.seed ?? 1;
  const level = options.level ?? 0.95;
  const resamples = options.resamples ?? 2000;
  const variantOrder = manifest.variants.map((v) => v.name).filter((n) => table.variants.includes(n));
  table.variants = [...variantOrder, ...table.variants.filter((v) => !variantOrder.includes(v))];
  const reference = options.reference ?? defaultReference(manifest.variants, table.variants);
  const { list, byStage } = failures(records);
  const judgeRun = table.metrics.some((m) => m.startsWith('judge.'));
  const warnings: string[] = [];
  const itemCount = new Set(records.map((r) => r.itemId)).size;
  if (itemCount < 30)
    warnings.push(
      `Only ${itemCount} items: intervals are wide and small differences are not detectable (see the minimum detectable effect).`,
    );
  if (manifest.judge) {
    const family = modelFamily(manifest.judge.model);
    const same = manifest.models.filter((m) => modelFamily(m) === family);
    if (same.length)
      warnings.push(
        `The judge (${manifest.judge.model}) is of the same model family as ${same.join(', ')}: self-preference bias is possible.`,
      );
  }
  if (list.length)
    warnings.push(
      `${list.length} of ${records.length} cases failed; they are counted apart and left out of quality means.`,
    );
  const opts = { seed, level, resamples };
  return {
    schema: SUMMARY_SCHEMA,
    runId: manifest.runId,
    generatedAt: (options.now ?? new Date()).toISOString(),
    seed,
    reference,
    variants: table.variants,
    models: table.models,
    metrics: table.metrics,
    counts: { cases: records.length, ok: records.length - list.length, failed: list.length, byStage },
    judge: {
      run: judgeRun,
      model: manifest.judge?.model ?? null,
      reason: judgeRun
        ? 'judge scores present'
        : manifest.judge
          ? 'the judge was configured but produced no scores'
          : 'no judge model configured: the judge was not run',
    },
    estimates: estimates(table, opts),
    comparisons: comparisons(table, reference, opts),
    effects: effects(table, manifest.variants, opts),
    breakdowns: breakdowns(table, manifest),
    detectable: detectable(table, reference),
    failures: list,
    warnings,
  };
}
