/**
 * A fast scorer over a MiniSearch index: the same BM25 scores and order as MiniSearch's own
 * `search` (OR of the query words, optional prefix matches, a per-operation boost), without its
 * per-match bookkeeping. The index is read once through its public serialisation (`toJSON`) into
 * flat posting lists whose BM25 values are computed ahead, since they depend on the index only.
 *
 * Every step keeps MiniSearch's arithmetic and order (a word's exact match, then its prefix
 * matches in the index's own term order; fields in the index's order; documents in id order;
 * sums combined word by word, then × the number of query words matched), so the results are
 * identical to the last bit; a test compares both on the development queries. The compiled copy
 * is kept per index, so an index must not change after its first search (the knowledge base's
 * indexes never do).
 */
import type MiniSearch from 'minisearch';

/** BM25 parameters as MiniSearch takes them. */
export interface Bm25Params {
  k: number;
  b: number;
  d: number;
}

/** A scored document: its id, score and stored fields. */
export interface ScoredDocument {
  id: string;
  score: number;
  stored: Record<string, unknown>;
}

/** What a query needs besides its words. */
export interface Bm25Query {
  /** The query words (already processed) and each one's weight, in query order. */
  weights: Map<string, number>;
  /** Whether a word also matches the longer index terms it starts. */
  prefix: (term: string) => boolean;
  /** A document's boost (called once per matched document per query). */
  boostDocument: (id: string, stored: Record<string, unknown>) => number;
  /** Field boosts (MiniSearch's `boost`; a field not named counts 1). */
  boost: Readonly<Record<string, number>>;
  bm25: Bm25Params;
}

/** One field's postings of a term: document short ids (ascending) and their BM25 values. */
interface Postings {
  field: number;
  docs: Int32Array;
  scores: Float64Array;
}

/** An index as flat arrays. */
interface CompiledIndex {
  ids: string[];
  stored: Record<string, unknown>[];
  fieldIds: Record<string, number>;
  /** Term → its postings per field. */
  postings: Map<string, Postings[]>;
  /** Every term in the index's own iteration order (for prefix matches), and sorted with that order. */
  sortedTerms: { term: string; order: number }[];
  /** Prefix → the longer terms it starts, in the index's order (filled on use). */
  prefixTerms: Map<string, string[]>;
  /** Per-query scratch, reused (document count long). */
  termScore: Float64Array;
  termSeen: Float64Array;
  total: Float64Array;
  quality: Int32Array;
  inQuery: Float64Array;
  boosts: Float64Array;
  boosted: Float64Array;
}

/** The serialised form of a MiniSearch 7 index (`toJSON`, serializationVersion 2). */
interface IndexJson {
  documentCount: number;
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  storedFields: Record<string, Record<string, unknown>>;
  index: [string, Record<string, Record<string, number>>][];
  serializationVersion: number;
}

const compiled = new WeakMap<MiniSearch<unknown>, Map<string, CompiledIndex>>();

/** MiniSearch's BM25 of one posting (the same expression, so the same floating-point value). */
function bm25Value(
  termFreq: number,
  matchingCount: number,
  totalCount: number,
  fieldLength: number,
  avgFieldLength: number,
  { k, b, d }: Bm25Params,
): number {
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

function compile(index: MiniSearch<unknown>, bm25: Bm25Params): CompiledIndex {
  const json = index.toJSON() as unknown as IndexJson;
  if (json.serializationVersion !== 2)
    throw new Error(`unsupported MiniSearch index version ${json.serializationVersion}`);
  let size = 0;
  for (const key of Object.keys(json.documentIds)) size = Math.max(size, Number(key) + 1);
  const ids: string[] = new Array(size);
  const stored: Record<string, unknown>[] = new Array(size);
  for (const [key, id] of Object.entries(json.documentIds)) {
    ids[Number(key)] = id;
    stored[Number(key)] = json.storedFields[key] ?? {};
  }
  const postings = new Map<string, Postings[]>();
  const sortedTerms: { term: string; order: number }[] = [];
  json.index.forEach(([term, fields], order) => {
    sortedTerms.push({ term, order });
    const perField: Postings[] = [];
    for (const [fieldKey, freqs] of Object.entries(fields)) {
      const field = Number(fieldKey);
      const keys = Object.keys(freqs); // integer keys: ascending, MiniSearch's insertion order
      const docs = new Int32Array(keys.length);
      const scores = new Float64Array(keys.length);
      keys.forEach((key, i) => {
        const doc = Number(key);
        docs[i] = doc;
        const length = json.fieldLength[key]?.[field] as number;
        scores[i] = bm25Value(
          freqs[key] as number,
          keys.length,
          json.documentCount,
          length,
          json.averageFieldLength[field] as number,
          bm25,
        );
      });
      perField.push({ field, docs, scores });
    }
    postings.set(term, perField);
  });
  sortedTerms.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return {
    ids,
    stored,
    fieldIds: json.fieldIds,
    postings,
    sortedTerms,
    prefixTerms: new Map(),
    termScore: new Float64Array(size),
    termSeen: new Float64Array(size),
    total: new Float64Array(size),
    quality: new Int32Array(size),
    inQuery: new Float64Array(size),
    boosts: new Float64Array(size),
    boosted: new Float64Array(size),
  };
}

function compiledIndex(index: MiniSearch<unknown>, bm25: Bm25Params): CompiledIndex {
  let perParams = compiled.get(index);
  if (!perParams) {
    perParams = new Map();
    compiled.set(index, perParams);
  }
  const key = `${bm25.k},${bm25.b},${bm25.d}`;
  let hit = perParams.get(key);
  if (!hit) {
    hit = compile(index, bm25);
    perParams.set(key, hit);
  }
  return hit;
}

/** The longer index terms a word starts, in the index's own order (MiniSearch's `atPrefix`). */
function longerTerms(index: CompiledIndex, prefix: string): string[] {
  let hit = index.prefixTerms.get(prefix);
  if (hit) return hit;
  const sorted = index.sortedTerms;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as { term: string }).term < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: { term: string; order: number }[] = [];
  for (let i = lo; i < sorted.length; i++) {
    const entry = sorted[i] as { term: string; order: number };
    if (!entry.term.startsWith(prefix)) break;
    if (entry.term !== prefix) found.push(entry);
  }
  hit = found.sort((a, b) => a.order - b.order).map((entry) => entry.term);
  index.prefixTerms.set(prefix, hit);
  return hit;
}

/** MiniSearch's weight of a prefix match (its default prefix weight 0.375). */
function prefixWeight(term: string, prefix: string): number {
  return (0.375 * term.length) / (term.length + 0.3 * (term.length - prefix.length));
}

/**
 * Indexes larger than this are searched by MiniSearch itself: the whole-catalog index (about
 * 19,000 operations) is searched only when no service matches, and compiling it would cost more
 * than the searches it saves.
 */
const COMPILE_LIMIT = 5000;

/** The same search through MiniSearch's own `search`. */
function miniSearch(index: MiniSearch<unknown>, query: Bm25Query): ScoredDocument[] {
  return index
    .search([...query.weights.keys()].join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boostTerm: (term) => query.weights.get(term) ?? 1,
      boostDocument: (id, _term, stored) => query.boostDocument(String(id), stored ?? {}),
      prefix: query.prefix,
      boost: { ...query.boost },
      bm25: query.bm25,
    })
    .map((result) => ({
      id: String(result.id),
      score: result.score,
      stored: (index.getStoredFields(result.id) ?? {}) as Record<string, unknown>,
    }));
}

/** Stamps that mark a scratch slot as written by the current query or query word (never reused). */
let stamp = 0;

/**
 * Search an index: every document matching any query word, best first, scored exactly as
 * MiniSearch's `search` scores it with the same options.
 */
export function searchBm25(index: MiniSearch<unknown>, query: Bm25Query): ScoredDocument[] {
  if (index.documentCount > COMPILE_LIMIT) return miniSearch(index, query);
  const ix = compiledIndex(index, query.bm25);
  const { termScore, termSeen, total, quality, inQuery, boosts, boosted } = ix;
  // MiniSearch's order: the index's fields as declared, each with its boost (default 1).
  const fields = Object.keys(ix.fieldIds).map((name) => ({ id: ix.fieldIds[name], boost: query.boost[name] || 1 }));
  const queryStamp = ++stamp;
  const order: number[] = [];
  for (const [word, termBoost] of query.weights) {
    const wordStamp = ++stamp;
    const touched: number[] = [];
    const add = (derived: string, termWeight: number) => {
      const perField = ix.postings.get(derived);
      if (!perField) return;
      for (const field of fields) {
        const postings = perField.find((p) => p.field === field.id);
        if (!postings) continue;
        const { docs, scores } = postings;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i] as number;
          let docBoost = boosts[doc] as number;
          if (boosted[doc] !== queryStamp) {
            docBoost = query.boostDocument(ix.ids[doc] as string, ix.stored[doc] as Record<string, unknown>);
            boosts[doc] = docBoost;
            boosted[doc] = queryStamp;
          }
          if (!docBoost) continue;
          const weighted = termWeight * termBoost * field.boost * docBoost * (scores[i] as number);
          if (termSeen[doc] === wordStamp) termScore[doc] = (termScore[doc] as number) + weighted;
          else {
            termSeen[doc] = wordStamp;
            termScore[doc] = weighted;
            touched.push(doc);
          }
        }
      }
    };
    add(word, 1);
    if (query.prefix(word)) for (const longer of longerTerms(ix, word)) add(longer, prefixWeight(longer, word));
    // MiniSearch's OR: the word's sums are added to the documents found so far, new ones appended.
    for (const doc of touched) {
      if (inQuery[doc] === queryStamp) {
        total[doc] = (total[doc] as number) + (termScore[doc] as number);
        quality[doc] = (quality[doc] as number) + 1;
      } else {
        inQuery[doc] = queryStamp;
        total[doc] = termScore[doc] as number;
        quality[doc] = 1;
        order.push(doc);
      }
    }
  }
  const results = order.map((doc) => ({
    id: ix.ids[doc] as string,
    score: (total[doc] as number) * (quality[doc] as number),
    stored: ix.stored[doc] as Record<string, unknown>,
  }));
  results.sort((a, b) => b.score - a.score);
  return results;
}
