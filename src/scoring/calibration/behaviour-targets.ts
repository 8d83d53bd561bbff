/**
 * The behaviour metric against its targets (issue 14), per gold set and over all of them: the gold
 * and every behaviour-preserving rewrite at 1.0; behaviour below 1.0 for at least 95 % of the golds
 * each real defect applies to. A corrupted gold still at 1.0 is checked by evaluation
 * ({@link checkEquivalence}): proven equivalent to the gold, it is not a miss; otherwise it is a
 * miss with the reason the states did not catch it.
 */
import type { Item } from '../../dataset/types.js';
import { parseControl } from '../../gherkin/parse.js';
import { compileControl } from '../behaviour/compile.js';
import { goldBehaviour } from '../behaviour/gold-cache.js';
import type { Corruption, Expectation } from './corrupt.js';
import { checkEquivalence } from './equivalence.js';
import type { ScoredPair } from './sensitivity.js';

/** Share of the golds a real defect applies to whose behaviour must fall below 1.0. */
export const DETECTION_TARGET = 0.95;
/** Row id of the gold scored against itself. */
export const GOLD_ITSELF = 'gold-itself';
/** Misses named per row at most. */
const MAX_NAMED = 10;

/** A corrupted gold whose behaviour stayed at 1.0 although it is not equivalent to the gold. */
export interface BehaviourMiss {
  itemId: string;
  /** The gold has a scenario the grammar does not execute. */
  partialGold: boolean;
  /** Why no state caught it. */
  reason: string;
}

/** One set × corruption: how behaviour met its target. */
export interface BehaviourTargetRow {
  /** A gold set's name, or `all`. */
  set: string;
  /** A corruption id, or {@link GOLD_ITSELF}. */
  corruption: string;
  expect: Expectation;
  /** Golds of the set the corruption changes (a gold with nothing of the kind is not counted). */
  applies: number;
  /** Of those, golds behaviour scores (null when no scenario of the gold executes). */
  scored: number;
  /** Scored pairs with behaviour below 1.0. */
  below: number;
  /** Scored pairs at 1.0 proven equivalent to the gold (same verdict on every value-class state). */
  equivalent: number;
  /** Scored pairs at 1.0 that are not proven equivalent. */
  missed: number;
  /** Of the misses, those whose gold has a scenario that does not execute (restating it is the fix). */
  missedInPartialGolds: number;
  /**
   * gold-higher: below / (scored − equivalent), the target is ≥ {@link DETECTION_TARGET}; tie: the
   * share at 1.0, the target is 1. Null when nothing is left to score.
   */
  share: number | null;
  met: boolean | null;
  /** The first misses with their reasons (gold-higher rows). */
  misses: BehaviourMiss[];
}

/** A gold set: its name and its items. */
export interface GoldSet {
  name: string;
  items: readonly Item[];
}

interface Outcome {
  set: string;
  corruption: string;
  expect: Expectation;
  /** null: not scored; else the corrupted (or gold) behaviour value. */
  value: number | null;
  equivalent: boolean;
  miss?: BehaviourMiss;
}

const behaviourOf = (scores: ScoredPair['gold']): number | null =>
  scores.find((s) => s.metric === 'behaviour')?.value ?? null;

/** Classify a corrupted gold at 1.0: proven equivalent, or a miss with its reason. */
function classify(item: Item, text: string): { equivalent: boolean; reason: string; partialGold?: boolean } {
  const gold = goldBehaviour(item.goldText);
  const parsed = parseControl(text);
  if (!gold.ok || !parsed.ok) return { equivalent: false, reason: 'not executable' };
  const corrupted = compileControl(parsed.control);
  // Equivalence needs the whole gold executable (a gold scenario that does not may hold the change); a
  // corrupted scenario that does not execute decides nothing, as behaviour scores it.
  if (gold.model.skipped.length > 0)
    return {
      equivalent: false,
      partialGold: true,
      reason: `${gold.model.skipped.length} gold scenario(s) do not execute; the change may lie there`,
    };
  const result = checkEquivalence(gold.model, corrupted);
  if (result.kind === 'equivalent') return { equivalent: true, reason: '' };
  if (result.kind === 'too-large')
    return { equivalent: false, reason: `equivalence not proven: ${result.states} value-class states, too many` };
  if (result.gold === 'NONE')
    return { equivalent: false, reason: 'differs only where the gold decides nothing, and no state found it' };
  return {
    equivalent: false,
    reason: `differs where the gold decides ${result.gold} (corrupted ${result.corrupted}); no state found it`,
  };
}

function row(set: string, corruption: string, expect: Expectation, outcomes: readonly Outcome[]): BehaviourTargetRow {
  const scored = outcomes.filter((o) => o.value !== null);
  const below = scored.filter((o) => (o.value as number) < 1).length;
  const atOne = scored.length - below;
  const equivalent = scored.filter((o) => o.equivalent).length;
  const denominator = expect === 'gold-higher' ? scored.length - equivalent : scored.length;
  const share = denominator === 0 ? null : (expect === 'gold-higher' ? below : atOne) / denominator;
  return {
    set,
    corruption,
    expect,
    applies: outcomes.length,
    scored: scored.length,
    below,
    equivalent,
    missed: expect === 'gold-higher' ? atOne - equivalent : 0,
    share,
    met: share === null ? null : expect === 'gold-higher' ? share >= DETECTION_TARGET : share === 1,
    missedInPartialGolds: outcomes.filter((o) => o.miss?.partialGold).length,
    misses: outcomes
      .flatMap((o) => (o.miss ? [o.miss] : []))
      .sort((a, b) => Number(a.partialGold) - Number(b.partialGold))
      .slice(0, MAX_NAMED),
  };
}

/**
 * The behaviour target rows: per set and `all`, the gold itself first, then each corruption in
 * the order given. `texts[i]` is the corrupted text of `pairs[i]`.
 */
export function behaviourTargets(
  sets: readonly GoldSet[],
  corruptions: readonly Corruption[],
  pairs: readonly ScoredPair[],
  texts: readonly string[],
): BehaviourTargetRow[] {
  const setOf = new Map(sets.flatMap((s) => s.items.map((i) => [i.id, s.name] as const)));
  const itemOf = new Map(sets.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const outcomes: Outcome[] = [];
  const goldDone = new Set<string>();
  pairs.forEach((pair, i) => {
    const set = setOf.get(pair.itemId) ?? '';
    const gold = behaviourOf(pair.gold);
    if (!goldDone.has(pair.itemId)) {
      goldDone.add(pair.itemId);
      outcomes.push({ set, corruption: GOLD_ITSELF, expect: 'tie', value: gold, equivalent: false });
    }
    const { id, expect } = pair.corruption;
    const corrupted = gold === null ? null : behaviourOf(pair.corrupted);
    const outcome: Outcome = { set, corruption: id, expect, value: corrupted, equivalent: false };
    if (expect === 'gold-higher' && corrupted === 1) {
      const { equivalent, reason, partialGold } = classify(itemOf.get(pair.itemId) as Item, texts[i] as string);
      outcome.equivalent = equivalent;
      if (!equivalent) outcome.miss = { itemId: pair.itemId, partialGold: partialGold === true, reason };
    }
    outcomes.push(outcome);
  });
  const rows: BehaviourTargetRow[] = [];
  const ids: [string, Expectation][] = [
    [GOLD_ITSELF, 'tie'],
    ...corruptions.filter((c) => c.expect !== 'not-higher').map((c): [string, Expectation] => [c.id, c.expect]),
  ];
  for (const set of [...sets.map((s) => s.name), 'all'])
    for (const [id, expect] of ids) {
      const mine = outcomes.filter((o) => o.corruption === id && (set === 'all' || o.set === set));
      if (mine.length > 0) rows.push(row(set, id, expect, mine));
    }
  return rows;
}
