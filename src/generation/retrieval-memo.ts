/**
 * Retrieval answers remembered per retriever, for the length of a run (the case runner makes one
 * retriever per run). A run asks the same query many times: the item's requirement is retrieved
 * under every variant with RAG on, and the agent's search for it under every variant with the
 * agent on (16 times each in the 2^5 ablation). Retrieval is a pure function of the query and its
 * options over the catalog, so remembering changes no result; the hits are frozen so no caller can
 * change what another case receives. A query that throws is not remembered.
 */
import type { RetrievalHit, RetrieveOptions, Retriever } from '../knowledge/retrieval.js';

/** Queries one retriever's memo keeps; past that its oldest answer is dropped. */
export const RETRIEVAL_MEMO_LIMIT = 4096;

const memos = new WeakMap<Retriever, Retriever>();

function frozen(hits: RetrievalHit[]): readonly RetrievalHit[] {
  for (const hit of hits) {
    for (const value of Object.values(hit)) if (Array.isArray(value)) Object.freeze(value);
    Object.freeze(hit);
  }
  return Object.freeze(hits);
}

/** The retriever, answering a query it has answered before from memory (one memo per retriever). */
export function rememberingRetriever(retriever: Retriever): Retriever {
  const known = memos.get(retriever);
  if (known) return known;
  const answers = new Map<string, readonly RetrievalHit[]>();
  const remembering: Retriever = {
    retrieve(query: string, opts: RetrieveOptions = {}) {
      const key = JSON.stringify([
        query,
        opts.service ?? null,
        opts.resourceType ?? null,
        opts.k ?? null,
        opts.members ?? null,
      ]);
      let hits = answers.get(key);
      if (!hits) {
        hits = frozen(retriever.retrieve(query, opts));
        if (answers.size >= RETRIEVAL_MEMO_LIMIT) answers.delete(answers.keys().next().value as string);
        answers.set(key, hits);
      }
      return [...hits];
    },
    renderPassages: (hits, tokenBudget) => retriever.renderPassages(hits, tokenBudget),
  };
  memos.set(retriever, remembering);
  return remembering;
}
