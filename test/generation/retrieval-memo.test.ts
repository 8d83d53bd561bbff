import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { rememberingRetriever } from '../../src/generation/retrieval-memo.js';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { createRetriever, type Retriever } from '../../src/knowledge/retrieval.js';

const dataset = await loadDataset();
const items = dataset.items.filter((i) => i.split === 'eval').slice(0, 6);

/** The real retriever, counting the queries that reach it. */
function counted(): { retriever: Retriever; asked: () => number } {
  const real = createRetriever(defaultCatalog());
  let asked = 0;
  return {
    retriever: {
      retrieve: (query, opts) => {
        asked += 1;
        return real.retrieve(query, opts);
      },
      renderPassages: real.renderPassages,
    },
    asked: () => asked,
  };
}

describe('the run-long retrieval memo', () => {
  it('answers a repeated query as the retriever does, asking it once', () => {
    const { retriever, asked } = counted();
    const fresh = createRetriever(defaultCatalog());
    const memo = rememberingRetriever(retriever);
    expect(rememberingRetriever(retriever)).toBe(memo);
    for (const round of [1, 2, 3])
      for (const item of items) {
        const opts = { service: item.service, resourceType: item.resourceType, k: 5 };
        const hits = memo.retrieve(item.requirement, opts);
        expect(hits).toEqual(fresh.retrieve(item.requirement, opts));
        expect(hits.length).toBeGreaterThan(0);
        expect(memo.renderPassages(hits, 1500)).toEqual(fresh.renderPassages(hits, 1500));
        if (round === 1) continue;
        // Another k or no service is another query.
        expect(memo.retrieve(item.requirement, { ...opts, k: 8 })).toEqual(
          fresh.retrieve(item.requirement, { ...opts, k: 8 }),
        );
      }
    // Round 1: one query per item; round 2: the k = 8 ones too; round 3: nothing new.
    expect(asked()).toBe(2 * items.length);
  });

  it('hands out frozen hits, so no case can change what the next one gets', () => {
    const memo = rememberingRetriever(createRetriever(defaultCatalog()));
    const item = items[0]!;
    const [hit] = memo.retrieve(item.requirement, { service: item.service });
    expect(Object.isFrozen(hit)).toBe(true);
    expect(() => (hit as { members: string[] }).members.push('Invented.Path')).toThrow(TypeError);
    expect(memo.retrieve(item.requirement, { service: item.service })[0]?.members).not.toContain('Invented.Path');
  });

  it('does not remember a query that fails', () => {
    const { retriever, asked } = counted();
    const memo = rememberingRetriever(retriever);
    for (let i = 0; i < 2; i++)
      expect(() => memo.retrieve('encrypted buckets', { service: 'no-such-service' })).toThrow(/unknown service/);
    expect(asked()).toBe(2);
  });
});
