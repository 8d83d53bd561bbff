import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { catalogServiceIndex, serviceIndex } from '../../src/knowledge/api-index.js';
import { searchBm25 } from '../../src/knowledge/bm25.js';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { queryTerms } from '../../src/knowledge/retrieval.js';
import { devRetrievalSetPath, loadRetrievalSet } from '../../src/knowledge/retrieval-eval.js';

const catalog = defaultCatalog();
const dev = loadRetrievalSet(devRetrievalSetPath());
const boost = { name: 3, svc: 4, doc: 1, members: 1, memberDocs: 0.6, values: 0.8 };
const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
const readBoost = (stored: Record<string, unknown> | undefined) =>
  stored?.read ? (String(stored.operation).startsWith('List') ? 1.1 : 1.25) : 0.25;

/** MiniSearch's own search with the same options: what searchBm25 must reproduce exactly. */
function miniSearch(index: MiniSearch<unknown>, weights: Map<string, number>, prefix: (term: string) => boolean) {
  return index
    .search([...weights.keys()].join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boostTerm: (term) => weights.get(term) ?? 1,
      boostDocument: (_id, _term, stored) => readBoost(stored),
      prefix,
      boost,
      bm25,
    })
    .map((r) => [r.id, r.score]);
}

describe('searchBm25', () => {
  it('gives the same documents, order and scores (to the last bit) as MiniSearch on the dev requirements', () => {
    let compared = 0;
    for (const c of dev.slice(0, 60)) {
      const weights = queryTerms(c.requirement);
      const prefix = (term: string) => term.length >= 5 && (weights.get(term) ?? 0) >= 1;
      const index = serviceIndex(catalog.service(c.service)) as MiniSearch<unknown>;
      const fast = searchBm25(index, {
        weights,
        prefix,
        boostDocument: (_id, stored) => readBoost(stored),
        boost,
        bm25,
      }).map((r) => [r.id, r.score]);
      expect(fast, c.id).toEqual(miniSearch(index, weights, prefix));
      compared += fast.length;
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);

  it('matches MiniSearch on the service index too (no prefix, no document boost)', () => {
    const index = catalogServiceIndex(catalog) as MiniSearch<unknown>;
    const weights = new Map(['load', 'balanc', 'listen', 'certif'].map((w) => [w, 1]));
    const expected = index
      .search([...weights.keys()].join(' '), {
        tokenize: (t) => t.split(' '),
        processTerm: (t) => t,
        boost: { names: 6, resources: 1 },
        bm25: { k: 1.2, b: 0.5, d: 0.5 },
      })
      .map((r) => [r.id, r.score]);
    const fast = searchBm25(index, {
      weights,
      prefix: () => false,
      boostDocument: () => 1,
      boost: { names: 6, resources: 1 },
      bm25: { k: 1.2, b: 0.5, d: 0.5 },
    }).map((r) => [r.id, r.score]);
    expect(fast.length).toBeGreaterThan(5);
    expect(fast).toEqual(expected);
  });

  it('finds prefix matches only when asked, weighted below exact ones', () => {
    const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: ['text'] });
    index.addAll([
      { id: 'a', text: 'encrypt' },
      { id: 'b', text: 'encryption' },
      { id: 'c', text: 'logging' },
    ]);
    const query = (prefix: boolean) =>
      searchBm25(index as MiniSearch<unknown>, {
        weights: new Map([['encrypt', 1]]),
        prefix: () => prefix,
        boostDocument: () => 1,
        boost: {},
        bm25,
      });
    expect(query(false).map((r) => r.id)).toEqual(['a']);
    const both = query(true);
    expect(both.map((r) => r.id)).toEqual(['a', 'b']);
    expect(both[0]?.stored).toEqual({ text: 'encrypt' });
    expect((both[1]?.score ?? 0) < (both[0]?.score ?? 0)).toBe(true);
  });
});
