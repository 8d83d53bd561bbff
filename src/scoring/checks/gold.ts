/** What the reference metrics compare with: an item's gold Boto3 methods, member paths and outcomes. */
import type { Item } from '../../dataset/types.js';
import type { Outcome } from '../../gherkin/parse.js';
import { parseControl } from '../../gherkin/parse.js';
import { apiReferences } from '../../knowledge/grounding.js';
import { remembered, type ScoringMemo } from '../memo.js';

/** The gold's API references and outcomes, normalised for matching. */
export interface GoldReference {
  /** `service.method`, lower-case: the gold gherkin's quoted calls ∪ the item's `methods`. */
  methods: string[];
  /** Member paths as the gold writes them. */
  paths: string[];
  /** Outcomes the gold's Then steps state. */
  outcomes: Outcome[];
}

/** A method reference in matching form: lower-case `service.method` (a bare method gets `service`). */
export function normaliseMethod(method: string, service: string): string {
  const trimmed = method.trim().toLowerCase();
  return trimmed.includes('.') ? trimmed : `${service.toLowerCase()}.${trimmed}`;
}

/** A member path in matching form: list/map markers dropped (`Trails[].Name` ≡ `Trails.Name`); grounding judges the syntax. */
export function normalisePath(path: string): string {
  return path.replace(/\[\]|\{\}/g, '');
}

/**
 * The gold reference of an item (kept in `memo`, when given, by gold text, service and methods).
 * The long text is the key itself, not part of a longer one: a string's hash is computed once.
 */
export function goldReference(item: Item, memo?: ScoringMemo): GoldReference {
  const space = `gold\u0000${item.service}\u0000${item.methods.join('|')}`;
  return remembered(memo, space, item.goldText, () => {
    const refs = apiReferences(item.goldText, { service: item.service });
    const methods = [
      ...new Set([...refs.methods, ...item.methods].map((m) => normaliseMethod(m, item.service))),
    ].sort();
    const paths = [...new Set(refs.paths)].sort();
    const parsed = parseControl(item.goldText);
    const outcomes = parsed.ok ? [...parsed.control.outcomes] : [];
    return { methods, paths, outcomes };
  });
}
