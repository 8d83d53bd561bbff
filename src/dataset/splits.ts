/**
 * Splits and few-shot pools. An item is scored only in the `eval` split; exemplars come only from
 * the `fewshot` split, never the item itself nor another item for the same Security Hub control,
 * and, on request, only from other services (so an exemplar cannot hand over the very Boto3 calls
 * the item needs).
 */
import { createHash } from 'node:crypto';
import type { Dataset, Item, Split } from './types.js';

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
