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
  /**
   * How it was computed: `t` (Student t over items), `wilson` (score interval over items or cases,
   * for 0/1 values), `quasi-score` (Wilson with the observed dispersion, for a mean of scores in
   * [0, 1]), `newcombe` (Newcombe's hybrid score interval of a paired difference of 0/1 values).
   * `bootstrap-items` appears only in summaries written before the t interval.
   */
  method: 't' | 'wilson' | 'quasi-score' | 'newcombe' | 'exact' | 'bootstrap-items';
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

/** A secondary test, reported beside the test of the mean; it answers a different question. */
export interface SecondaryTest {
  test: 'wilcoxon-signed-rank' | 'mcnemar-exact';
  /** What it tests, in words (e.g. a location shift of the differences, not their mean). */
  tests: string;
  pValue: number;
}

/** The primary test of a mean over items: a sign-flip permutation test (see permutation.ts). */
export type MeanTest = 'sign-flip-exact' | 'sign-flip-monte-carlo';

/** A paired comparison of a variant against the reference variant on shared items. */
export interface PairedComparison {
  metric: string;
  model: string;
  variant: string;
  reference: string;
  /** Items scored under both. */
  pairs: number;
  /** Mean of (variant − reference) per-item differences: the estimand of ci, pValue and pHolm. */
  meanDiff: number;
  /**
   * Interval of the mean difference: t (clipped to [−1, 1] for quality metrics), or Newcombe's
   * paired score interval when both sides are 0/1 per item.
   */
  ci: Interval;
  /** Two-sided sign-flip permutation test of the mean difference against 0. */
  test: MeanTest;
  pValue: number;
  /** Monte-Carlo sign patterns drawn (null when exact). */
  draws: number | null;
  /** Pairs whose difference is not a tie (|Δ| above the tie tolerance). */
  nonZero: number;
  /** Holm-adjusted over the comparisons of this metric and model. */
  pHolm: number;
  significant: boolean;
  /** Wilcoxon signed-rank (McNemar exact for 0/1 metrics), for reference. */
  secondary: SecondaryTest;
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
  /** Mean over items of the per-item contrast: the estimand of ci, pValue and pHolm. */
  estimate: number;
  /** Sample SD of the per-item contrasts (what the effects' minimum detectable effect is computed from). */
  sd: number;
  /** t interval of the mean contrast. */
  ci: Interval;
  /** Two-sided sign-flip permutation test of the mean contrast against 0. */
  test: MeanTest;
  pValue: number;
  draws: number | null;
  /** Holm-adjusted over this effect's family: every term of the same metric and model. */
  pHolm: number;
  significant: boolean;
  /** Number of effects in the Holm family. */
  family: number;
  /** Wilcoxon signed-rank of the contrasts (a location shift, not the mean), for reference. */
  secondary: SecondaryTest;
  items: number;
  /** In a fractional design: the term this estimate cannot be told apart from (`rag×fewShot×agent×repair`). */
  aliasedWith?: string;
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

/** The minimum detectable effect of a paired comparison, or of a factorial effect, at the run's n. */
export interface DetectableEffect {
  metric: string;
  items: number;
  /**
   * SD of the per-item values tested (median over this metric's comparisons: paired differences;
   * or over its factorial effects: per-item contrasts).
   */
  sdDiff: number | null;
  /**
   * Smallest true mean difference (or effect) the test detects with 80% power at `alpha`
   * (two-sided); null when not detectable at this n or unknown (see `reason`).
   */
  mde: number | null;
  /** The α a single test must reach: the summary's level split over its Holm family (Holm's first step). */
  alpha: number;
  /** Size of the Holm family (the comparisons, or the factorial effects, of this metric and model). */
  family: number;
  /** False when no outcome at this n can reach `alpha` (the smallest attainable p is above it). */
  detectable: boolean;
  /** Why `mde` is null, in words; null when it is given. */
  reason: string | null;
}

/** How the summary's statistics were computed, stated for the reports. */
export interface StatisticsMethods {
  /** Test of means: sign-flip permutation, exact up to `exactLimit` non-tied items, else `draws` Monte-Carlo patterns. */
  exactLimit: number;
  draws: number;
  /** Values within this relative tolerance of each other are ties. */
  tieTolerance: number;
  /** The multiplicity families, in words. */
  families: string[];
  /** Metrics left out of comparisons, effects and the MDE table (timing: wall-clock, not a property of the prompt). */
  excludedFromTests: string[];
  /** The factorial design of the variants and its aliasing, in words (when they form one). */
  design?: string;
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
  /** Minimum detectable effect of the paired comparisons against the reference, per metric. */
  detectable: DetectableEffect[];
  /**
   * Minimum detectable effect of the factorial effects (main effects and interactions), per
   * metric, at the α of their Holm family; absent in summaries written before it, empty without
   * a full factorial design.
   */
  detectableEffects?: DetectableEffect[];
  methods: StatisticsMethods;
  failures: FailedCase[];
  warnings: string[];
  /** Agreement of the run's expert labels (`<run-dir>/labels/`), among people and with the judge; absent without labels. */
  labels?: LabelAgreement;
}
