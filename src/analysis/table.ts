/**
 * The score table: a run's records folded into per-item values, the unit every statistic uses.
 * Repeats of a case are averaged into their item (clustering by item).
 */
import type { CaseRecord } from '../run/types.js';
import { CHECK_METRICS, COST_METRICS } from '../scoring/types.js';

/** Values of one variant × model × metric, per item (each item's repeats in arrival order). */
export interface Cell {
  variant: string;
  model: string;
  metric: string;
  /** item id → values over repeats. */
  values: Map<string, number[]>;
  /** Pass/fail verdicts, when the metric has them. */
  passed: number;
  judged: number;
}

/** All cells of a run, keyed `variant\u0000model\u0000metric`. */
export interface ScoreTable {
  cells: Map<string, Cell>;
  metrics: string[];
  variants: string[];
  models: string[];
  maxRepeats: number;
}

/** The key of a cell. */
export function cellKey(variant: string, model: string, metric: string): string {
  return `${variant}\u0000${model}\u0000${metric}`;
}

/** Cost metrics of a case, from its usage (generation and judge together). */
export function costValues(record: CaseRecord): Record<(typeof COST_METRICS)[number], number | null> {
  const g = record.usage.generation;
  const j = record.usage.judge;
  const cost = g.costUsd === null || (j && j.costUsd === null) ? null : g.costUsd + (j?.costUsd ?? 0);
  return {
    tokens_in: g.tokensIn + (j?.tokensIn ?? 0),
    tokens_out: g.tokensOut + (j?.tokensOut ?? 0),
    cost_usd: cost,
    latency_ms: g.latencyMs + (j?.latencyMs ?? 0),
    calls: g.calls + (j?.calls ?? 0),
  };
}

function metricOrder(metric: string): number {
  const check = (CHECK_METRICS as readonly string[]).indexOf(metric);
  if (check >= 0) return check;
  if (metric === 'judge.overall') return 199;
  if (metric.startsWith('judge.')) return 100;
  const cost = (COST_METRICS as readonly string[]).indexOf(metric);
  return cost >= 0 ? 300 + cost : 250;
}

/**
 * Fold records into the score table. Quality metrics come only from cases whose generation
 * succeeded (a failed call says nothing about quality; failures are counted apart); costs come
 * from every case.
 */
export function buildScoreTable(records: readonly CaseRecord[]): ScoreTable {
  const cells = new Map<string, Cell>();
  const variants = new Set<string>();
  const models = new Set<string>();
  let maxRepeats = 1;
  // The cells of each variant × model by metric, so a score finds its cell without building a key.
  const byCase = new Map<string, Map<string, Map<string, Cell>>>();
  const add = (r: CaseRecord, metric: string, value: number | null, pass?: boolean): void => {
    let byModel = byCase.get(r.variant);
    if (!byModel) {
      byModel = new Map();
      byCase.set(r.variant, byModel);
    }
    let byMetric = byModel.get(r.model);
    if (!byMetric) {
      byMetric = new Map();
      byModel.set(r.model, byMetric);
    }
    let cell = byMetric.get(metric);
    if (!cell) {
      cell = { variant: r.variant, model: r.model, metric, values: new Map(), passed: 0, judged: 0 };
      byMetric.set(metric, cell);
      cells.set(cellKey(r.variant, r.model, metric), cell);
    }
    if (value !== null && Number.isFinite(value)) {
      const list = cell.values.get(r.itemId);
      if (list) list.push(value);
      else cell.values.set(r.itemId, [value]);
    }
    if (pass !== undefined) {
      cell.judged++;
      if (pass) cell.passed++;
    }
  };
  for (const r of records) {
    variants.add(r.variant);
    models.add(r.model);
    maxRepeats = Math.max(maxRepeats, r.repeat + 1);
    if (r.error?.stage !== 'generation') {
      for (const score of r.scores) add(r, score.metric, score.value, score.pass);
    }
    for (const [metric, value] of Object.entries(costValues(r))) add(r, metric, value);
  }
  const metrics = [...new Set([...cells.values()].map((c) => c.metric))].sort(
    (a, b) => metricOrder(a) - metricOrder(b) || a.localeCompare(b),
  );
  return { cells, metrics, variants: [...variants], models: [...models], maxRepeats };
}

const itemMeansOf = new WeakMap<Cell, ReadonlyMap<string, number>>();

/**
 * Per-item means of a cell (the cluster means). Computed once per cell (a summary asks for them
 * from its estimates, comparisons, effects and breakdowns); the map is shared, not to be changed.
 */
export function itemMeans(cell: Cell): ReadonlyMap<string, number> {
  let out = itemMeansOf.get(cell);
  if (!out) {
    const means = new Map<string, number>();
    for (const [item, values] of cell.values) means.set(item, values.reduce((a, b) => a + b, 0) / values.length);
    itemMeansOf.set(cell, means);
    out = means;
  }
  return out;
}

/** Mean over every case value of a cell (not per item), or null when it has none. */
export function caseMean(cell: Cell): number | null {
  let sum = 0;
  let n = 0;
  for (const values of cell.values.values()) {
    for (const v of values) sum += v;
    n += values.length;
  }
  return n ? sum / n : null;
}

/** True for cost metrics (raw units, not [0, 1] quality). */
export function isCostMetric(metric: string): boolean {
  return (COST_METRICS as readonly string[]).includes(metric);
}

/** Timing metrics: wall-clock, so they differ between runs of the same prompt; left out of tests unless asked for. */
export const TIMING_METRICS: readonly string[] = ['latency_ms'];

/** True for timing metrics (see {@link TIMING_METRICS}). */
export function isTimingMetric(metric: string): boolean {
  return TIMING_METRICS.includes(metric);
}
