/** `text_similarity`: ROUGE-L F1 (js-rouge) against the gold. Reported, never trusted alone. */
import { l as rougeL } from 'js-rouge';
import type { CheckFactory } from './types.js';

/** Each non-blank line (step, field, tag line) is one ROUGE "sentence": summary-level ROUGE-L. */
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
/** Words, identifiers and numbers; `s3.get_bucket_encryption` → `s3`, `get_bucket_encryption`. */
const words = (text: string): string[] => text.match(/[A-Za-z0-9_]+/g) ?? [];

/** ROUGE-L F1 (case-insensitive, line-segmented, word tokens) of `candidate` against `reference`. */
export function rougeLF1(candidate: string, reference: string): number {
  if (words(candidate).length === 0 || words(reference).length === 0) return 0;
  return rougeL(candidate, reference, { caseSensitive: false, segmenter: lines, tokenizer: words });
}

/** `text_similarity`: summary-level ROUGE-L F1 against the gold gherkin; null when the gold is empty. */
export const textSimilarityCheck: CheckFactory = () => (input) => {
  if (words(input.item.goldText).length === 0)
    return { metric: 'text_similarity', value: null, reason: 'the gold gherkin is empty' };
  const value = rougeLF1(input.candidate, input.item.goldText);
  return {
    metric: 'text_similarity',
    value,
    reason: `ROUGE-L F1 ${value.toFixed(3)} against the gold (word overlap only; not a quality verdict)`,
    details: { method: 'ROUGE-L F1 (js-rouge), line-segmented, case-insensitive, word tokens' },
  };
};
