/** "Did you mean" suggestions by edit distance. */
import { distance } from 'fastest-levenshtein';

/**
 * The candidates closest to `name` (case-insensitive edit distance), best first.
 * Only candidates within roughly a third of the name's length are returned.
 */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = name.toLowerCase();
  const maxDistance = Math.max(2, Math.ceil(needle.length / 3));
  const scored: { candidate: string; d: number }[] = [];
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d <= maxDistance) scored.push({ candidate, d });
  }
  scored.sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** " (did you mean a, b?)" or "" when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = closest(name, candidates);
  return near.length ? ` (did you mean ${near.join(', ')}?)` : '';
}
