/**
 * Splits and few-shot pools. An item is scored only in the `eval` split; exemplars come only from
 * the `fewshot` split, never the item itself nor another item for the same Security Hub control,
 * and, on request, only from other services (so an exemplar cannot hand over the very Boto3 calls
 * the item needs).
 */
import { createHash } from 'node:crypto';
import { jaccard, termSet } from './leaks/similarity.js';
import type { Dataset, Item, Split } from './types.js';

/**
 * Two requirements whose stemmed word sets have a Jaccard similarity at or above this are
 * near-duplicates (the same control for a user, a group and a role; the same check for two
 * resource types): they must never sit on both sides of a split.
 */
export const NEAR_DUPLICATE = 0.6;

/** The exemplar policy every variant starts from: exemplars only from other services. */
export const DEFAULT_EXEMPLAR_POLICY: Readonly<Required<FewShotPoolOptions>> = { otherServicesOnly: true };

/** The items of one split, in index order. */
export function splitItems(dataset: Dataset, split: Split): Item[] {
  return dataset.items.filter((item) => item.split === split);
}

/** Options of {@link fewShotPool}. */
export interface FewShotPoolOptions {
  /** Keep only exemplars whose boto3 service differs from the item's. Default false. */
  otherServicesOnly?: boolean;
}

/**
 * The exemplars an item may be shown: `fewshot`-split items other than the item itself, any item
 * for the same Security Hub control, and any item with the same gold file or gold text; optionally
 * only from other services.
 * Index order; the caller picks k of them.
 */
export function fewShotPool(dataset: Dataset, item: Item, options: FewShotPoolOptions = {}): Item[] {
  return dataset.items.filter(
    (candidate) =>
      candidate.split === 'fewshot' &&
      candidate.id !== item.id &&
      (item.controlId === null || candidate.controlId !== item.controlId) &&
      candidate.gold !== item.gold &&
      (item.goldText === '' || candidate.goldText !== item.goldText) &&
      !(options.otherServicesOnly && candidate.service === item.service),
  );
}

/**
 * A stable split for a new item (used by the importer): `fewshot` when the first 32 bits of
 * sha256(id) fall below `fewshotShare` of the range, else `eval`. Same id, same split, everywhere.
 */
export function assignSplit(id: string, fewshotShare: number): Split {
  const value = createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32;
  return value < fewshotShare ? 'fewshot' : 'eval';
}

/**
 * Splits that keep near-duplicates together: every item first gets {@link assignSplit}'s split;
 * then items whose requirements are near-duplicates ({@link NEAR_DUPLICATE}, transitively) form a
 * group, and the whole group takes the split of its smallest id. Deterministic, like assignSplit.
 */
export function assignSplitsKeepingNearDuplicatesTogether(
  items: readonly { id: string; requirement: string }[],
  fewshotShare: number,
): Map<string, Split> {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const sets = items.map((item) => termSet(item.requirement));
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      if (jaccard(sets[i] as ReadonlySet<string>, sets[j] as ReadonlySet<string>) >= NEAR_DUPLICATE)
        parent[root(j)] = root(i);
  const leader = new Map<number, string>();
  items.forEach((item, i) => {
    const r = root(i);
    const current = leader.get(r);
    if (current === undefined || item.id < current) leader.set(r, item.id);
  });
  return new Map(items.map((item, i) => [item.id, assignSplit(leader.get(root(i)) as string, fewshotShare)]));
}
