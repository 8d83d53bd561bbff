/**
 * Reading the outcome of a docstring `Then:` line (`Return NON_COMPLIANT with annotation "…"`),
 * repairing the usual slips (`NON_COMPLAINT`, `NON COMPLIANT`, `non-compliant`) and saying so.
 */
import { distance } from 'fastest-levenshtein';
import { OUTCOMES, type Outcome } from '../../gherkin/parse.js';

/** The outcome a Then line states, its annotation, and what was repaired to read it. */
export interface ReadOutcome {
  outcome: Outcome;
  annotation?: string;
  /** Set when the written token was not the canonical one: `"NON_COMPLAINT" read as NON_COMPLIANT`. */
  repaired?: string;
}

function match(token: string): Outcome | undefined {
  const norm = token.toUpperCase().replace(/[\s-]+/g, '_');
  const exact = OUTCOMES.find((o) => o === norm);
  if (exact) return exact;
  // Edit-distance repair only for tokens written like outcome constants (capitals or '_'), and
  // only towards the long outcomes: "compliance" in prose is not an outcome, ERROR must be exact.
  if (token !== token.toUpperCase() && !token.includes('_')) return undefined;
  let best: { o: Outcome; d: number } | undefined;
  for (const o of OUTCOMES) {
    if (o.length < 8) continue;
    const d = distance(norm, o);
    if (d <= 2 && (!best || d < best.d)) best = { o, d };
  }
  return best?.o;
}

const ANNOTATION_QUOTED = /annotation\s*:?\s*(?:of\s+|as\s+)?["“'‘]([^"”'’]+)["”'’]/i;
const ANNOTATION_BARE = /annotation\s*:?\s*(?:of\s+|as\s+)?(.+?)\s*\.?$/i;

/** The outcome a Then text states, or undefined when none can be read. */
export function readOutcome(text: string): ReadOutcome | undefined {
  const words = text.split(/[^A-Za-z_-]+/).filter((w) => w !== '');
  let found: { outcome: Outcome; written: string } | undefined;
  for (let i = 0; i < words.length && !found; i++) {
    const pair = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : undefined;
    const pairOutcome = pair ? match(pair) : undefined;
    if (pair && pairOutcome && /^(non|not)$/i.test(words[i] as string)) {
      found = { outcome: pairOutcome, written: pair };
      break;
    }
    const single = match(words[i] as string);
    if (single && (words[i] as string).length >= 5) found = { outcome: single, written: words[i] as string };
  }
  if (!found) return undefined;
  const result: ReadOutcome = { outcome: found.outcome };
  if (found.written !== found.outcome) result.repaired = `"${found.written}" read as ${found.outcome}`;
  const annotation = ANNOTATION_QUOTED.exec(text)?.[1] ?? ANNOTATION_BARE.exec(text)?.[1];
  if (annotation?.trim()) result.annotation = annotation.trim().replace(/"/g, "'");
  return result;
}
