/** `api_recall` and `path_recall`: how much of the gold's Boto3 calls and member paths the candidate uses. */
import { apiReferences } from '../../knowledge/grounding.js';
import { remembered } from '../memo.js';
import type { Score } from '../types.js';
import { goldReference, normaliseMethod, normalisePath } from './gold.js';
import type { CheckFactory, CheckInput } from './types.js';

type RecallMetric = 'api_recall' | 'path_recall';

/** Recall of `gold` by `found` (both already normalised), with precision alongside in details. */
function recallScore(metric: RecallMetric, noun: string, gold: string[], found: string[]): Score {
  if (gold.length === 0) return { metric, value: null, reason: `the gold names no ${noun}` };
  const candidate = new Set(found);
  const goldSet = new Set(gold);
  const matched = gold.filter((g) => candidate.has(g));
  const missing = gold.filter((g) => !candidate.has(g));
  const extra = [...candidate].filter((c) => !goldSet.has(c)).sort();
  const precision = candidate.size === 0 ? null : matched.length / candidate.size;
  return {
    metric,
    value: matched.length / gold.length,
    reason:
      missing.length === 0
        ? `uses all ${gold.length} gold ${noun}`
        : `uses ${matched.length}/${gold.length} gold ${noun}; missing ${missing.join(', ')}`,
    details: { precision, matched, missing, extra },
  };
}

type Refs = { methods: string[]; paths: string[] };

/**
 * The candidate's references, kept in the run's memo for a few candidates: api_recall and
 * path_recall read the same one in a row. The candidate text is the key itself (its hash is
 * computed once), the service part of the space.
 */
export function candidateRefs(input: CheckInput): Refs {
  return remembered(
    input.memo,
    `candidate-refs\u0000${input.item.service}`,
    input.candidate,
    () => apiReferences(input.candidate, { service: input.item.service }),
    4,
  );
}

/** `api_recall`: share of the gold's `service.method` calls (gold gherkin ∪ item.methods) the candidate quotes. */
export const apiRecallCheck: CheckFactory = Object.assign(
  (() => (input) => {
    const gold = goldReference(input.item, input.memo).methods;
    const found = candidateRefs(input).methods.map((m) => normaliseMethod(m, input.item.service));
    return recallScore('api_recall', 'Boto3 methods', gold, found);
  }) satisfies CheckFactory,
  { readsMethods: true as const },
);

/** `path_recall`: share of the gold's member paths the candidate quotes (list/map markers ignored). */
export const pathRecallCheck: CheckFactory = () => (input) => {
  const gold = [...new Set(goldReference(input.item, input.memo).paths.map(normalisePath))];
  const found = candidateRefs(input).paths.map(normalisePath);
  return recallScore('path_recall', 'member paths', gold, found);
};
