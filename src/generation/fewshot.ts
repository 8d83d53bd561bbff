/**
 * Few-shot exemplar selection from the gold set's few-shot pool.
 *
 * - `similar`: BM25 ranking (minisearch, exact terms, no fuzzy or prefix matching) of the pool's
 *   `requirement` + `service` fields against the item's requirement and service, English stop words
 *   dropped; ties broken by id. When fewer than k exemplars share a term, the rest are filled in id
 *   order. Deterministic; repeats get the same exemplars.
 * - `random`: a Fisher–Yates shuffle driven by a Mersenne Twister (@stdlib) seeded from
 *   sha256(seed, item id, repeat when `resample` is on, else 0).
 *
 * The item itself is never chosen (by id), and with `otherServicesOnly` no exemplar shares its service.
 */
import { createHash } from 'node:crypto';
import mt19937 from '@stdlib/random-base-mt19937';
import MiniSearch from 'minisearch';
import type { Item } from '../dataset/types.js';
import type { FewShotSettings } from './techniques/fewshot.js';

const STOP_WORDS = new Set(
  (
    'a an and are as at be been by can for from has have in is it its must not of on or should ' +
    'that the their them they this to was were when which will with within without all any each ' +
    'only also so than then there these those such into over under use used using'
  ).split(' '),
);

/** How a run's seed and repeat index reach the selection. */
export interface SelectionOptions {
  seed: number;
  repeat: number;
}

function eligible(item: Pick<Item, 'id' | 'service'>, pool: readonly Item[], otherServicesOnly: boolean): Item[] {
  const seen = new Set<string>();
  const out: Item[] = [];
  for (const candidate of pool) {
    if (candidate.id === item.id || seen.has(candidate.id)) continue;
    if (otherServicesOnly && candidate.service === item.service) continue;
    seen.add(candidate.id);
    out.push(candidate);
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

function bySimilarity(item: Pick<Item, 'requirement' | 'service'>, candidates: Item[], k: number): Item[] {
  const index = new MiniSearch<Item>({
    fields: ['requirement', 'service'],
    idField: 'id',
    processTerm: (term) => {
      const t = term.toLowerCase();
      return STOP_WORDS.has(t) ? null : t;
    },
  });
  index.addAll(candidates);
  const query = `${item.requirement} ${item.service}`;
  const hits = index
    .search(query, { combineWith: 'OR', fuzzy: false, prefix: false })
    .sort((a, b) => b.score - a.score || String(a.id).localeCompare(String(b.id)));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const chosen: Item[] = [];
  for (const hit of hits) {
    const found = byId.get(String(hit.id));
    if (found && chosen.length < k) chosen.push(found);
  }
  for (const c of candidates) {
    if (chosen.length >= k) break;
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen;
}

/** A 32-bit seed (1 … 2^32-1) from the run seed, the item and (when resampling) the repeat. */
export function exemplarSeed(seed: number, itemId: string, repeat: number): number {
  const digest = createHash('sha256').update(`${seed}\0${itemId}\0${repeat}`).digest();
  return (digest.readUInt32BE(0) % 4294967295) + 1;
}

function atRandom(candidates: Item[], k: number, seed: number): Item[] {
  const next = mt19937.factory({ seed });
  const order = candidates.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor((next() / 4294967296) * (i + 1));
    [order[i], order[j]] = [order[j] as Item, order[i] as Item];
  }
  return order.slice(0, k);
}

/**
 * Choose the few-shot exemplars for an item: `fewShot.k` items of the pool (fewer when the pool is
 * smaller; none when k = 0), never the item itself. See the module doc for the strategies.
 */
export function selectExemplars(
  item: Pick<Item, 'id' | 'requirement' | 'service'>,
  pool: readonly Item[],
  fewShot: FewShotSettings,
  options: SelectionOptions,
): Item[] {
  if (fewShot.k <= 0) return [];
  const candidates = eligible(item, pool, fewShot.otherServicesOnly);
  if (fewShot.strategy === 'similar') return bySimilarity(item, candidates, fewShot.k);
  const seed = exemplarSeed(options.seed, item.id, fewShot.resample ? options.repeat : 0);
  return atRandom(candidates, fewShot.k, seed);
}
