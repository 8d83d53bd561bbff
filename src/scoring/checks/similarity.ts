/** `text_similarity`: ROUGE-L F1 (js-rouge) against the gold. Reported, never trusted alone. */
import { l as rougeL } from 'js-rouge';
import type { CheckFactory } from './types.js';

/** Each non-blank line (step, field, tag line) is one ROUGE "sentence": summary-level ROUGE-L. */
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
/** A character of a word token (one definition for {@link words} and {@link hasWords}). */
const WORD_CHAR = /[A-Za-z0-9_]/;
const WORD_RUN = new RegExp(`${WORD_CHAR.source}+`, 'g');
/** Words, identifiers and numbers; `s3.get_bucket_encryption` → `s3`, `get_bucket_encryption`. */
const words = (text: string): string[] => text.match(WORD_RUN) ?? [];

/** Reused DP table of {@link lcsIndices} (scoring is synchronous, so one table suffices). */
let table = new Uint32Array(1024);

/**
 * The reference positions of a longest common subsequence, with the tie choices of js-rouge's
 * built-in LCS (backtracking from the end: diagonal on a match, else up when strictly longer, else
 * left), so scores are identical. A full table is cheap for the short lines of a gherkin; js-rouge's
 * linear-memory recursion allocated several typed arrays per line pair and took most of the
 * scoring time (summary-level ROUGE-L runs one LCS per candidate line × gold line).
 */
export function lcsIndices(a: readonly string[], b: readonly string[]): number[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const width = m + 1;
  const size = (n + 1) * width;
  if (table.length < size) table = new Uint32Array(Math.max(size, table.length * 2));
  table.fill(0, 0, width);
  for (let i = 1; i <= n; i++) {
    table[i * width] = 0;
    const token = a[i - 1];
    const row = i * width;
    const up = row - width;
    for (let j = 1; j <= m; j++)
      table[row + j] =
        token === b[j - 1]
          ? (table[up + j - 1] as number) + 1
          : Math.max(table[up + j] as number, table[row + j - 1] as number);
  }
  const out: number[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      out.push(j - 1);
      i--;
      j--;
    } else if ((table[(i - 1) * width + j] as number) > (table[i * width + j - 1] as number)) i--;
    else j--;
  }
  return out.reverse();
}

/** js-rouge refuses a custom LCS past this many copied tokens; larger texts use its built-in one. */
const CUSTOM_LCS_LIMIT = 1_000_000;

/** Lines of a text, blank and comment lines included. */
function lineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** True when a text has at least one word token. */
const hasWords = (text: string): boolean => WORD_CHAR.test(text);

/**
 * An upper bound of js-rouge's copied-token count (words × the other text's lines, both ways)
 * from lengths alone: a word takes at least two characters with its separator, and every line
 * but the last ends in a newline. Exact counts are taken only when this bound is too high.
 */
function copiedTokenBound(candidate: string, reference: string): number {
  const quick =
    Math.ceil((candidate.length + 1) / 2) * lineCount(reference) +
    Math.ceil((reference.length + 1) / 2) * lineCount(candidate);
  if (quick <= CUSTOM_LCS_LIMIT) return quick;
  return words(candidate).length * lines(reference).length + words(reference).length * lines(candidate).length;
}

/** ROUGE-L F1 (case-insensitive, line-segmented, word tokens) of `candidate` against `reference`. */
export function rougeLF1(candidate: string, reference: string): number {
  if (!hasWords(candidate) || !hasWords(reference)) return 0;
  const options = { caseSensitive: false, segmenter: lines, tokenizer: words };
  return copiedTokenBound(candidate, reference) <= CUSTOM_LCS_LIMIT
    ? rougeL(candidate, reference, { ...options, lcsIndices })
    : rougeL(candidate, reference, options);
}

/** `text_similarity`: summary-level ROUGE-L F1 against the gold gherkin; null when the gold is empty. */
export const textSimilarityCheck: CheckFactory = () => (input) => {
  if (!hasWords(input.item.goldText))
    return { metric: 'text_similarity', value: null, reason: 'the gold gherkin is empty' };
  const value = rougeLF1(input.candidate, input.item.goldText);
  return {
    metric: 'text_similarity',
    value,
    reason: `ROUGE-L F1 ${value.toFixed(3)} against the gold (word overlap only; not a quality verdict)`,
    details: { method: 'ROUGE-L F1 (js-rouge), line-segmented, case-insensitive, word tokens' },
  };
};
