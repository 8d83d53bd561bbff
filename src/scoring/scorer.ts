/**
 * The scorer contract: every metric — each deterministic check, the judge, and whatever comes
 * next — is an async scorer `(input, context) → result`, registered by id in one table
 * (scorers.ts) with its version and the options a run gives it, so a run's manifest records what
 * scored it and `rescore` can run any of them again on a stored candidate.
 */
import type { ModelProvider, Usage } from '../generation/providers/types.js';
import type { CaseUsage } from '../generation/types.js';
import type { CheckInput, CheckOptions } from './checks/types.js';
import type { JudgeMode } from './judge/prompt.js';
import type { Rubric } from './judge/rubric.js';
import type { ScoringMemo } from './memo.js';
import type { Score } from './types.js';

/** The judge as a run configures it (the plan's judge has this shape). */
export interface JudgeSettings {
  /** Provider id, e.g. `bedrock:<model-id>`. */
  model: string;
  rubric: Rubric;
  mode: JudgeMode;
  /** Independent samples per case. */
  samples: number;
}

/** What a run configures of its scoring: the checks' knobs and the judge (null: no judge). */
export interface ScoringSettings {
  checks?: CheckOptions;
  judge: JudgeSettings | null;
}

/** What a scorer scores: one case's candidate against its item (the parsed candidate shared by all scorers). */
export interface ScorerInput extends CheckInput {
  /** The case's repeat index: it keys the judge's cached calls. */
  repeat: number;
  signal?: AbortSignal;
}

/** What every scorer of one run shares. */
export interface ScoringContext {
  /** The run's memo (gold references and the like), one per run or re-score. */
  memo: ScoringMemo;
  /** The judge's provider (cached), or null when the run has no judge. */
  judgeProvider: ModelProvider | null;
  /** Price of one model call, when the run has a price table. */
  costOf?: (usage: Usage, modelId: string) => number | null;
}

/**
 * One scorer's result for one case. Beside the scores, a scorer that calls a model says what it
 * spent (`usage`) and, when it failed on this case, why (`error`; its scores are then null with
 * the reason): the case record keeps both (usage.judge, error.stage) without a side channel.
 */
export interface ScorerResult {
  scores: Score[];
  usage?: CaseUsage;
  error?: string;
}

/** A scorer: async, never throws for a model's misbehaviour (only for a bug or a user error). */
export type Scorer = (input: ScorerInput, context: ScoringContext) => Promise<ScorerResult>;

/** One registered scorer. */
export interface ScorerDefinition {
  /** The id `--metric` names and the manifest records (a check's metric id, or `judge`). */
  id: string;
  /** Bump when a change to the scorer changes its scores. */
  version: string;
  /** True when it reads the item's Boto3 methods (a re-score of it needs them stored). */
  readsMethods: boolean;
  /** The stage a failure of this scorer is recorded at on the case. */
  stage: 'scoring' | 'judge';
  /** Whether a run with these settings runs it (the judge only when one is configured). */
  enabled(settings: ScoringSettings): boolean;
  /** The options it runs with, as the manifest records them (plain JSON). */
  options(settings: ScoringSettings): Record<string, unknown>;
  /** True for the metric ids its scores carry (what a re-score of it replaces). */
  owns(metric: string): boolean;
  /** Build the scorer for these settings. */
  create(settings: ScoringSettings): Scorer;
}

/** What a run manifest records of one scorer that ran. */
export interface ScorerRecord {
  id: string;
  version: string;
  options: Record<string, unknown>;
}
