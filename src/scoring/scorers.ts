/**
 * The scorer table: every metric by id — each deterministic check of {@link CHECKS} wrapped
 * generically (a check added to `CHECKS`/`CHECK_METRICS` is a scorer with no other edit), then the
 * judge — and {@link createCaseScorer}, which runs a run's scorers on one case in table order.
 */

import { isUserError } from '../errors.js';
import type { CaseUsage } from '../generation/types.js';
import { addCaseUsage, emptyUsage } from '../generation/usage.js';
import { parseControl } from '../gherkin/parse.js';
import { CHECKS } from './checks.js';
import { judgeScorer } from './judge/scorer.js';
import type {
  JudgeSettings,
  ScorerDefinition,
  ScorerInput,
  ScorerRecord,
  ScoringContext,
  ScoringSettings,
} from './scorer.js';
import { CHECK_METRICS, type CheckMetric, type Score } from './types.js';

/** Every scorer id, in the order scores are written: the checks, then the judge. */
export const SCORER_IDS = [...CHECK_METRICS, 'judge'] as const;
/** One scorer id. */
export type ScorerId = (typeof SCORER_IDS)[number];

/** A deterministic check as a scorer: its metric id, its factory's version, the run's check options. */
function checkScorer(metric: CheckMetric): ScorerDefinition {
  const factory = CHECKS[metric];
  return {
    id: metric,
    version: factory.version ?? '1',
    readsMethods: factory.readsMethods === true,
    stage: 'scoring',
    enabled: () => true,
    options: (settings) => ({ ...settings.checks }),
    owns: (m) => m === metric,
    create: (settings) => {
      const check = factory(settings.checks);
      return async (input, context) => ({ scores: [check({ ...input, memo: context.memo })] });
    },
  };
}

/** Every scorer by id (exhaustive over {@link SCORER_IDS}). */
export const SCORERS: Record<ScorerId, ScorerDefinition> = {
  ...(Object.fromEntries(CHECK_METRICS.map((m) => [m, checkScorer(m)])) as Record<CheckMetric, ScorerDefinition>),
  judge: judgeScorer,
};

/** True when `id` names a scorer. */
export function isScorerId(id: string): id is ScorerId {
  return (SCORER_IDS as readonly string[]).includes(id);
}

/** The scorer whose scores carry `metric` (`judge.overall` → `judge`), if any. */
export function scorerOfMetric(metric: string): ScorerId | undefined {
  return SCORER_IDS.find((id) => SCORERS[id].owns(metric));
}

/** The scorers a run with `settings` runs (or only `only` of them, kept in table order). */
export function activeScorers(settings: ScoringSettings, only?: readonly ScorerId[]): ScorerId[] {
  return SCORER_IDS.filter((id) => SCORERS[id].enabled(settings) && (!only || only.includes(id)));
}

/** What a manifest records of the scorers `ids` under `settings`. */
export function scorerRecords(
  settings: ScoringSettings,
  ids: readonly ScorerId[] = activeScorers(settings),
): ScorerRecord[] {
  return ids.map((id) => ({ id, version: SCORERS[id].version, options: SCORERS[id].options(settings) }));
}

/** What a run (a plan, or a stored run's settings) configures of scoring: default check options and its judge. */
export function scoringSettings(run: { judge: JudgeSettings | null }): ScoringSettings {
  return { judge: run.judge };
}

/** What the scorers made of one case. */
export interface CaseScoring {
  scores: Score[];
  /** What scoring spent on model calls (the judge), or null when no scorer called a model. */
  usage: CaseUsage | null;
  /** The first failure: a scorer that threw (scores are then empty) or one that failed as data. */
  error: { stage: 'scoring' | 'judge'; message: string } | null;
}

/** Scores one case with a fixed list of scorers. */
export interface CaseScorer {
  /** The scorers it runs, in order. */
  readonly ids: readonly ScorerId[];
  /** Score one case (parsing the candidate once for every scorer). A user error is rethrown. */
  score(input: Omit<ScorerInput, 'memo' | 'parsed'>, context: ScoringContext): Promise<CaseScoring>;
}

/**
 * Build the scorers `ids` (default: every scorer the settings enable) once for a run. A scorer
 * that throws (a bug, not a model's misbehaviour) ends the case's scoring with its stage and no
 * scores, as a failed check always did; a user error (a replay cache miss) propagates.
 */
export function createCaseScorer(
  settings: ScoringSettings,
  ids: readonly ScorerId[] = activeScorers(settings),
): CaseScorer {
  const scorers = ids.map((id) => ({ id, definition: SCORERS[id], run: SCORERS[id].create(settings) }));
  return {
    ids,
    async score(input, context) {
      const scores: Score[] = [];
      let usage: CaseUsage | null = null;
      let error: CaseScoring['error'] = null;
      let parsed: ScorerInput['parsed'];
      for (const { definition, run } of scorers) {
        try {
          parsed ??= parseControl(input.candidate);
          const result = await run({ ...input, parsed }, context);
          scores.push(...result.scores);
          if (result.usage) {
            usage ??= emptyUsage();
            addCaseUsage(usage, result.usage);
          }
          if (result.error !== undefined) error ??= { stage: definition.stage, message: result.error };
        } catch (cause) {
          if (isUserError(cause)) throw cause;
          return { scores: [], usage, error: { stage: definition.stage, message: (cause as Error).message } };
        }
      }
      return { scores, usage, error };
    },
  };
}
