/**
 * The deterministic checks: one exhaustive typed table of named factories ({@link CHECKS}) and
 * {@link scoreChecks}, which parses the candidate once and runs them all.
 *
 * Thresholds and nulls (documented in the README, "Scoring"):
 * - parse: pass = parses. structure: pass = share of rules met ≥ 0.8. grounding: pass = no
 *   unknown and no misplaced reference. The other checks have no pass/fail.
 * - A candidate that does not parse scores 0 (not null) on structure and outcome_coverage;
 *   grounding, api_recall, path_recall and text_similarity read the raw text and still run.
 * - behaviour executes the candidate on the gold's states (src/scoring/behaviour/); it is null
 *   when the gold has no executable scenario, 0 when the candidate does not parse.
 * - Null means "does not apply": grounding when the candidate quotes no API reference;
 *   api_recall / path_recall / outcome_coverage when the gold has no methods / paths / outcomes.
 */
import type { Item } from '../dataset/types.js';
import { parseControl } from '../gherkin/parse.js';
import { behaviourCheck, behaviourCoverageCheck } from './behaviour/metric.js';
import { groundingCheck } from './checks/grounding.js';
import { outcomeCoverageCheck } from './checks/outcomes.js';
import { parseCheck } from './checks/parse.js';
import { precisionCheck } from './checks/precision.js';
import { apiRecallCheck, pathRecallCheck } from './checks/reference.js';
import { textSimilarityCheck } from './checks/similarity.js';
import { structureCheck } from './checks/structure.js';
import type { CheckFactory, CheckOptions } from './checks/types.js';
import { createScoringMemo, type ScoringMemo } from './memo.js';
import { CHECK_METRICS, type CheckMetric, type Score } from './types.js';

export type { CheckFactory, CheckInput, CheckOptions, CheckScorer } from './checks/types.js';

/** Every deterministic check by metric id (exhaustive: adding a metric id without a check fails to compile). */
export const CHECKS: Record<CheckMetric, CheckFactory> = {
  parse: parseCheck,
  structure: structureCheck,
  grounding: groundingCheck,
  api_recall: apiRecallCheck,
  path_recall: pathRecallCheck,
  outcome_coverage: outcomeCoverageCheck,
  text_similarity: textSimilarityCheck,
  behaviour: behaviourCheck,
  behaviour_coverage: behaviourCoverageCheck,
  precision: precisionCheck,
};

/** Options of {@link scoreChecks}. */
export interface ScoreChecksOptions extends CheckOptions {
  /** Only these metrics (default: all, in {@link CHECK_METRICS} order). */
  metrics?: readonly CheckMetric[];
  /** The run's memo (default: a new one for this call, so the gold is read once for all checks). */
  memo?: ScoringMemo;
}

/**
 * Score one candidate with every deterministic check (or `options.metrics`), parsing it once.
 * Pure (derived values go to `options.memo`); needs no model. A run scores through the scorer
 * table (scorers.ts), which wraps these same checks.
 */
export function scoreChecks(candidate: string, item: Item, options?: ScoreChecksOptions): Score[] {
  const parsed = parseControl(candidate);
  const metrics = options?.metrics ?? CHECK_METRICS;
  const memo = options?.memo ?? createScoringMemo();
  return metrics.map((metric) => CHECKS[metric](options)({ candidate, item, parsed, memo }));
}
