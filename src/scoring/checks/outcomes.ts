/** `outcome_coverage`: the share of the gold's compliance outcomes the candidate's Then steps state. */
import { OUTCOMES } from '../../gherkin/parse.js';
import { goldReference } from './gold.js';
import { parsedOf } from './parse.js';
import type { CheckFactory } from './types.js';

/**
 * `outcome_coverage`: |gold outcomes ∩ candidate outcomes| / |gold outcomes|. Null when the gold
 * states no outcome (or does not parse); 0 when the candidate does not parse.
 */
export const outcomeCoverageCheck: CheckFactory = () => (input) => {
  const gold = goldReference(input.item, input.memo).outcomes;
  if (gold.length === 0)
    return { metric: 'outcome_coverage', value: null, reason: 'the gold states no compliance outcome' };
  const parsed = parsedOf(input);
  const stated = parsed.ok ? new Set(parsed.control.outcomes) : new Set<string>();
  const covered = gold.filter((o) => stated.has(o));
  const missing = gold.filter((o) => !stated.has(o));
  const extra = OUTCOMES.filter((o) => stated.has(o) && !gold.includes(o));
  return {
    metric: 'outcome_coverage',
    value: covered.length / gold.length,
    reason: !parsed.ok
      ? 'did not parse, so no outcome is covered'
      : missing.length === 0
        ? `covers all ${gold.length} gold outcomes`
        : `misses ${missing.join(', ')}`,
    details: { gold, covered, missing, extra },
  };
};
