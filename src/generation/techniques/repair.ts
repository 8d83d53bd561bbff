/**
 * Self-repair: after the gherkin is written, the checker of `draft-check.ts` (parse, structure
 * rules, grounding in botocore) reads it; when it finds problems they go back to the model with
 * the draft for a revision, up to `rounds` times. A revision replaces the draft unless it is worse:
 * it does not parse where the draft did, or it has more problems (a model that answers with
 * nothing keeps what it had). Every round is a
 * call in the trace (`repair.1`, `repair.2`, … with the problems it was shown as `parsed`), and the
 * case's trace records rounds used and problems before and after. Scores are on the final draft.
 */
import { z } from 'zod';
import { checkDraft, type DraftProblem } from '../draft-check.js';
import { extractGherkin } from '../extract.js';
import { renderRepair } from '../prompts.js';
import type { Step } from '../step.js';
import { switchedByEnabled, type Technique } from '../technique.js';

/** Repair's settings in a variant. */
export interface RepairSettings {
  enabled: boolean;
  /** Most revision rounds (each one model call). */
  rounds: number;
}

/** What the repair step did to one case (kept in the trace). */
export interface RepairRecord {
  /** Revision calls made (0 when the first draft had no problem). */
  roundsUsed: number;
  /** Problems of the first draft. */
  problemsBefore: number;
  /** Problems of the final draft. */
  problemsAfter: number;
}

/** What one round's call keeps as `parsed` in the trace. */
export interface RepairRound {
  /** The problems the model was shown. */
  problems: DraftProblem[];
  /** Problems of its revision. */
  remaining: number;
  /** Whether the revision replaced the draft. */
  accepted: boolean;
}

const schema = z.strictObject({
  enabled: z.boolean().optional(),
  rounds: z.int().min(1).max(5).optional(),
});

const parses = (problems: readonly DraftProblem[]) => !problems.some((p) => p.check === 'parse');

/** A revision is worse when it does not parse and the draft did, or when it has more problems. */
function isWorse(revision: readonly DraftProblem[], draft: readonly DraftProblem[]): boolean {
  if (parses(revision) !== parses(draft)) return !parses(revision);
  return revision.length > draft.length;
}

/** The revise step: check, give the problems back, take the revision; up to `rounds` times. */
export function repairStep(settings: RepairSettings): Step {
  return {
    id: 'repair.revise',
    async run(state, context) {
      let draft = state.gherkin ?? '';
      let problems = checkDraft(draft, state.task.service);
      const record: RepairRecord = { roundsUsed: 0, problemsBefore: problems.length, problemsAfter: problems.length };
      for (let round = 1; round <= settings.rounds && problems.length > 0; round++) {
        const { step } = await context.call(state, {
          name: `repair.${round}`,
          rendered: renderRepair(context.templates, state, draft, problems),
        });
        record.roundsUsed = round;
        const revision = extractGherkin(step.response);
        const remaining = checkDraft(revision, state.task.service);
        const accepted = !isWorse(remaining, problems);
        const kept: RepairRound = { problems, remaining: remaining.length, accepted };
        step.parsed = kept;
        if (accepted) {
          draft = revision;
          problems = remaining;
        }
      }
      record.problemsAfter = problems.length;
      state.gherkin = draft;
      state.repair = record;
    },
  };
}

/** Repair on or off, with its number of rounds (default 1). */
export const repairTechnique: Technique<'repair', RepairSettings, z.output<typeof schema>> = {
  key: 'repair',
  label: 'repair',
  addedLater: true,
  off: { enabled: false, rounds: 1 },
  schema,
  ...switchedByEnabled(),
  steps: (s) => [{ stage: 'revise', step: repairStep(s) }],
};
