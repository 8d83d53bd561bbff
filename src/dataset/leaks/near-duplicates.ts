/**
 * Leak check: an evaluation requirement must have no near-duplicate on the side of anything that is
 * shown to a model or tuned on: a few-shot item of any gold set, or a retrieval development query.
 * Two evaluation items of different gold sets that are near-duplicates are reported as a warning
 * (the same control scored twice), not a leak.
 */
import type { Problem } from '../problems.js';
import { NEAR_DUPLICATE } from '../splits.js';
import { jaccard, termSet } from './similarity.js';

/** A requirement text and where it lives. */
export interface RequirementText {
  /** `<dataset>/<id>` or `retrieval-dev/<id>`. */
  key: string;
  /** The file problems point at (the dataset index or the retrieval CSV). */
  file: string;
  line?: number;
  requirement: string;
  /** `eval` is scored; `fewshot` and `dev` are shown or tuned on. */
  role: 'eval' | 'fewshot' | 'dev';
  /** The gold set (or retrieval set) it belongs to. */
  set: string;
}

/** Near-duplicate pairs (Jaccard of stemmed word sets ≥ `threshold`) between evaluation and the rest. */
export function nearDuplicateLeaks(texts: readonly RequirementText[], threshold = NEAR_DUPLICATE): Problem[] {
  const sets = texts.map((t) => termSet(t.requirement));
  const problems: Problem[] = [];
  texts.forEach((a, i) => {
    if (a.role !== 'eval') return;
    texts.forEach((b, j) => {
      if (i === j || (b.role === 'eval' && (b.set === a.set || j < i))) return;
      const similarity = jaccard(sets[i] as ReadonlySet<string>, sets[j] as ReadonlySet<string>);
      if (similarity < threshold) return;
      const leak = b.role !== 'eval';
      problems.push({
        file: a.file,
        ...(a.line !== undefined ? { line: a.line } : {}),
        field: 'requirement',
        message: `${a.key} and ${b.key} (${b.role}) are near-duplicates (word-set similarity ${similarity.toFixed(2)} ≥ ${threshold})${leak ? '; an evaluation item must not be paraphrased by what is shown or tuned on' : '; the same control is scored twice'}`,
        severity: leak ? 'error' : 'warning',
        check: 'leak:near-duplicate',
      });
    });
  });
  return problems;
}
