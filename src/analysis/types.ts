/**
 * The summary: the analysis of a run, versioned. Reports and the regression gate read it;
 * nothing in it needs a model call to rebuild.
 */
import type { LabelAgreement } from '../labels/agreement.js';

/** Schema id of summary.json. */
export const SUMMARY_SCHEMA = 'gherkin-bench/summary@1';

/** A two-sided confidence interval. */
export interface Interval {
  low: number;
  high: number;
  /** Coverage, e.g. 0.95. */
  level: number;
  /** How it was computed. */
  method: 'bootstrap-items' | 'wilson' | 'exact';
}

/** One variant × model × metric estimate. */
export interface MetricEstimate {
  variant: string;
  model: string;
  metric: string;
  /** Items with a value (the bootstrap's unit). */
  items: number;
  /** Cases with a value. */
  cases: number;
  /** Mean over items of the per-item mean over repeats; null when no case has a value. */
  mean: number | null;
  ci: Interval | null;
  /** Pass rate and its Wilson interval, for metrics with a pass/fail verdict. */
  pass?: { rate: number; passed: number; total: number; ci: Interval };
}

/** A paired comparison of a variant against the reference variant on shared items. */
export interface PairedComparison {
  metric: string;
  model: string;
  variant: string;
  reference: string;
  /** Items scored under both. */
  pairs: number;
  /** Mean of (variant − reference) per-item differences. */
  meanDiff: number;
  ci: Interval;
  test: 'wilcoxon-signed-rank' | 'mcnemar-exact';
  pValue: number;
  /** Holm-adjusted over the comparisons of this metric and model. */
  pHolm: number;
  significant: boolean;
  /** Pearson correlation of the paired per-item scores (null when either side is constant). */
  correlation: number | null;
}

/** A factorial effect (main effect or two-way interaction) of the 2^3 ablation. */
export interface FactorialEffect {
  metric: string;
  model: string;
  /** `cot`, `rag`, `fewShot`, or an interaction such as `cot×rag`. */
  term: string;
  kind: 'main' | 'interaction';
  /** Mean over items of the per-item contrast. */
  estimate: number;
  ci: Interval;
  pValue: number;
  items: number;
}

/** Mean of a metric per variant within one service or category. */
export interface BreakdownCell {
  by: 'service' | 'category';
  key: string;
  variant: string;
  model: string;
  metric: string;
  mean: number | null;
  items: number;
}

/** The minimum detectable effect of a paired comparison at the run's n. */
export interface DetectableEffect {
  metric: string;
  items: number;
  /** SD of per-item paired differences used (median over this metric's comparisons). */
  sdDiff: number | null;
  /** Smallest true mean difference detected with 80% power at α = 0.05 (two-sided); null when unknown. */
  mde: number | null;
}

/** One failed case, as the report lists it. */
export interface FailedCase {
  key: string;
  itemId: string;
  variant: string;
  model: string;
  repeat: number;
  stage: string;
  message: string;
}

/** summary.json. */
export interface Summary {
  schema: typeof SUMMARY_SCHEMA;
  runId: string;
  generatedAt: string;
  seed: number;
  reference: string;
  variants: string[];
  models: string[];
  metrics: string[];
  counts: { cases: number; ok: number; failed: number; byStage: Record<string, number> };
  judge: { run: boolean; model: string | null; reason: string };
  estimates: MetricEstimate[];
  comparisons: PairedComparison[];
  effects: FactorialEffect[];
  breakdowns: BreakdownCell[];
  detectable: DetectableEffect[];
  failures: FailedCase[];
  warnings: string[];
  /** Agreement of the run's expert labels (`<run-dir>/labels/`), among people and with the judge; absent without labels. */
  labels?: LabelAgreement;
}
