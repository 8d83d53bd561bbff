/** The quick look printed after a run: per variant × model, the mean of a few headline checks. */
import { buildScoreTable, caseMean, cellKey } from '../analysis/table.js';
import type { CaseRecord } from '../run/types.js';

/** Metrics the run command's table shows. */
export const HEADLINE_CHECKS = ['parse', 'structure', 'grounding'] as const;

/** One row of the quick-look table. */
export interface VariantMeans {
  variant: string;
  model: string;
  /** Stored cases of this variant × model. */
  cases: number;
  failed: number;
  /** Mean of each metric over the cases that have a value (null when none has). */
  means: Record<string, number | null>;
}

/**
 * Per variant × model means of `metrics` over stored records (every case value, from the
 * analysis's score table), in the order variants and models are given. Failed cases count in
 * `failed`; a null score (not applicable) is left out of a mean.
 */
export function variantMeans(
  records: readonly CaseRecord[],
  variants: readonly string[],
  models: readonly string[],
  metrics: readonly string[] = HEADLINE_CHECKS,
): VariantMeans[] {
  const table = buildScoreTable(records);
  const rows: VariantMeans[] = [];
  for (const model of models)
    for (const variant of variants) {
      const mine = records.filter((r) => r.variant === variant && r.model === model);
      const means: Record<string, number | null> = {};
      for (const metric of metrics) {
        const cell = table.cells.get(cellKey(variant, model, metric));
        means[metric] = cell ? caseMean(cell) : null;
      }
      rows.push({ variant, model, cases: mine.length, failed: mine.filter((r) => r.error !== null).length, means });
    }
  return rows;
}
