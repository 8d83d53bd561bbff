/**
 * How alike two requirement texts are: Jaccard similarity of their sets of stemmed content words
 * (the retriever's own tokenizer: CamelCase and snake_case split, stop words out, Porter stems).
 * Word order and inflection do not matter, so a paraphrase that keeps the words scores high.
 */
import { terms } from '../../knowledge/vocabulary.js';

/** The set of stemmed content words of a text. */
export function termSet(text: string): ReadonlySet<string> {
  return new Set(terms(text));
}

/** |A ∩ B| / |A ∪ B| of two term sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
