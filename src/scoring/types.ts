/** One result shape for every scorer, deterministic checks and the judge alike. */

/** Deterministic metric ids. */
export const CHECK_METRICS = [
  'parse',
  'structure',
  'grounding',
  'api_recall',
  'path_recall',
  'outcome_coverage',
  'text_similarity',
  'behaviour',
  'behaviour_coverage',
  'precision',
] as const;
/** One deterministic metric id. */
export type CheckMetric = (typeof CHECK_METRICS)[number];

/** Cost metric ids (from a case's usage, not from a scorer). */
export const COST_METRICS = ['tokens_in', 'tokens_out', 'cost_usd', 'latency_ms', 'calls'] as const;
/** One cost metric id. */
export type CostMetric = (typeof COST_METRICS)[number];

/** Any metric id: checks, `judge.<criterion>`, `judge.overall`, costs. */
export type MetricId = CheckMetric | CostMetric | `judge.${string}`;

/** One metric's value for one case. */
export interface Score {
  metric: MetricId;
  /** In [0, 1] for quality metrics (raw units for costs); null when it does not apply or failed. */
  value: number | null;
  /** Pass/fail where the metric has a threshold (parse, structure, grounding). */
  pass?: boolean;
  /** One human sentence: why this value. */
  reason: string;
  /** Metric-specific detail (rule verdicts, unknown references, judge rationale, …). */
  details?: Record<string, unknown>;
}
