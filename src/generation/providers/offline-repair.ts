/**
 * The offline reference generator's repair policy (the `repair` technique's rounds): deterministic
 * and no model. Every reference the checker found unknown and could suggest a real name for is
 * replaced, wherever the draft quotes it, by the first suggestion; nothing else changes (a
 * misplaced member, a structure or parse problem is left as it was). Like the rest of the offline
 * generator it exercises the pipeline; what it fixes says nothing about how a model would repair.
 */
import type { DraftProblem } from '../draft-check.js';

/** The draft with each quoted unknown reference that has a suggestion replaced by it. */
export function repairDraft(draft: string, problems: readonly DraftProblem[]): string {
  let out = draft;
  for (const problem of problems) {
    const suggestion = problem.suggestions?.[0];
    if (problem.status !== 'unknown' || !problem.reference || !suggestion) continue;
    out = out.split(`"${problem.reference}"`).join(`"${suggestion}"`);
  }
  return out;
}
