/**
 * `summarize`: a stored run (manifest + records) → the summary every report and the gate read.
 * Pure and seeded: the same run and seed give the same summary.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { CaseRecord, RunManifest } from '../run/types.js';
import { type DesignCell, factorialEffects, pairedComparisons } from './compare.js';
import { describeLayout, designOf } from './design.js';
import { mean, meanInterval, sampleSd, wilsonInterval } from './intervals.js';
import { DEFAULT_DRAWS, EXACT_LIMIT, minAttainableP, TIE_TOLERANCE } from './permutation.js';
import { seededUniform } from './random.js';
import { buildScoreTable, cellKey, isCostMetric, isTimingMetric, itemMeans, type ScoreTable } from './table.js';
import {
  type BreakdownCell,
  type DetectableEffect,
  type FactorialEffect,
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
  /** Seed of the Monte-Carlo permutation tests; default: the run's seed. */
  seed?: number;
  /** Monte-Carlo sign patterns of the permutation tests above the exact limit (default 10,000). */
  draws?: number;
  /** @deprecated The name `draws` had before intervals stopped resampling; same meaning as `draws`. */
  resamples?: number;
  level?: number;
  /** Also test timing metrics (latency_ms: wall-clock, not a property of the prompt); default false. */
  includeTiming?: boolean;
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

/** Options the statistics below share. */
interface StatOptions {
  seed: number;
  level: number;
  draws: number;
}

function estimates(table: ScoreTable, options: StatOptions): MetricEstimate[] {
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
          ci: meanInterval(means, { level: options.level, bounds: isCostMetric(metric) ? undefined : [0, 1] }),
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

function comparisons(table: ScoreTable, reference: string, tested: string[], options: StatOptions): PairedComparison[] {
  const uniform = seededUniform(options.seed + 1);
  const out: PairedComparison[] = [];
  for (const model of table.models) {
    for (const metric of tested) {
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

function effects(table: ScoreTable, variants: readonly DesignVariant[], tested: string[], options: StatOptions) {
  const uniform = seededUniform(options.seed + 2);
  const present = variants.filter((v) => table.variants.includes(v.name));
  return table.models.flatMap((model) =>
    tested.flatMap((metric) => {
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

/** The factorial design of the run's variants in words, when they form one (`methods.design`). */
function designMethod(table: ScoreTable, variants: readonly DesignVariant[]): { design?: string } {
  const cells = variants.flatMap((v) =>
    v.techniques && table.variants.includes(v.name) ? [{ on: v.techniques }] : [],
  );
  const layout = designOf(cells);
  return layout ? { design: describeLayout(layout) } : {};
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
 * Minimum detectable effect of a two-sided sign-flip test of a mean over `items` items (power
 * from its t approximation, 80%) at `alpha`, from the typical SD of the tested values (the
 * median of `sds`). "Not detectable" when even the most extreme outcome cannot reach `alpha` at
 * this n; no number when the values have SD 0.
 */
function minimumDetectable(
  metric: string,
  items: number,
  sds: number[],
  family: number,
  options: StatOptions,
): DetectableEffect {
  const alpha = (1 - options.level) / family;
  const base = { metric, items, alpha, family };
  const floor = minAttainableP(items, 'two-sided', options.draws);
  if (floor > alpha)
    return {
      ...base,
      sdDiff: null,
      mde: null,
      detectable: false,
      reason: `not detectable at this n: with ${items} items the smallest attainable p is ${floor.toPrecision(2)}, above α ${alpha.toPrecision(2)}`,
    };
  const sorted = [...sds].sort((a, b) => a - b);
  const sdDiff = sorted.length ? (sorted[Math.floor(sorted.length / 2)] as number) : null;
  if (sdDiff === null || sdDiff <= TIE_TOLERANCE)
    return {
      ...base,
      sdDiff,
      mde: null,
      detectable: true,
      reason:
        sdDiff === null
          ? 'no paired values to estimate the noise from'
          : 'the typical test has per-item values with SD 0 in this run: no estimate of the noise to compute power from',
    };
  const df = items - 1;
  const mde = ((tQuantile(1 - alpha / 2, df) + tQuantile(0.8, df)) * sdDiff) / Math.sqrt(items);
  return { ...base, sdDiff, mde, detectable: true, reason: null };
}

/**
 * Minimum detectable effect of a comparison against the reference, for the test and α actually
 * used: the two-sided sign-flip test of the mean difference at the α of Holm's first step, the
 * level split over the family of the metric's comparisons.
 */
function detectable(table: ScoreTable, reference: string, tested: string[], options: StatOptions): DetectableEffect[] {
  const family = Math.max(1, table.variants.filter((v) => v !== reference).length);
  return tested.map((metric) => {
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
    return minimumDetectable(metric, items, sds, family, options);
  });
}

/**
 * Minimum detectable effect of the factorial effects of each metric (main effects and
 * interactions, from their per-item contrasts), at the α of Holm's first step over the effects'
 * family (e.g. 0.05 / 6 for three factors). Metrics without effects get no row.
 */
function detectableEffects(effects: readonly FactorialEffect[], tested: string[], options: StatOptions) {
  return tested.flatMap((metric) => {
    const own = effects.filter((e) => e.metric === metric);
    if (!own.length) return [];
    const items = Math.max(...own.map((e) => e.items));
    const family = Math.max(...own.map((e) => e.family));
    const sds = own.map((e) => e.sd).filter(Number.isFinite);
    return [minimumDetectable(metric, items, sds, family, options)];
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
  const draws = options.draws ?? options.resamples ?? DEFAULT_DRAWS;
  const variantOrder = manifest.variants.map((v) => v.name).filter((n) => table.variants.includes(n));
  table.variants = [...variantOrder, ...table.variants.filter((v) => !variantOrder.includes(v))];
  const reference = options.reference ?? defaultReference(manifest.variants, table.variants);
  const { list, byStage } = failures(records);
  const judgeRun = table.metrics.some((m) => m.startsWith('judge.'));
  const warnings: string[] = [];
  const itemCount = new Set(records.map((r) => r.itemId)).size;
  const opts: StatOptions = { seed, level, draws };
  const tested = table.metrics.filter((m) => options.includeTiming || !isTimingMetric(m));
  const mde = detectable(table, reference, tested, opts);
  const factorial = effects(table, manifest.variants, tested, opts);
  if (itemCount < 30)
    warnings.push(
      `Only ${itemCount} items: the intervals are wide (in simulation at 5 items the intervals of means cover 94–97%, and those of paired 0/1 differences 99%: conservative), and differences below the minimum detectable effect will mostly go unnoticed.`,
    );
  const blind = mde.find((d) => !d.detectable && d.items > 0);
  if (blind)
    warnings.push(
      `With ${blind.items} items no comparison against ${reference} can be significant at the Holm-adjusted α ${blind.alpha.toPrecision(2)}: ${blind.reason}.`,
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
    comparisons: comparisons(table, reference, tested, opts),
    effects: factorial,
    breakdowns: breakdowns(table, manifest),
    detectable: mde,
    detectableEffects: detectableEffects(factorial, tested, opts),
    methods: {
      exactLimit: EXACT_LIMIT,
      draws,
      tieTolerance: TIE_TOLERANCE,
      families: [
        `comparisons: per metric and model, the ${Math.max(0, table.variants.length - 1)} comparisons against ${reference} (Holm)`,
        'factorial effects: per metric and model, its main effects and two-way interactions (Holm)',
        'gate: every "no significant regression" check of a gate run (Holm)',
      ],
      excludedFromTests: table.metrics.filter((m) => !tested.includes(m)),
      ...designMethod(table, manifest.variants),
    },
    failures: list,
    warnings,
  };
}
