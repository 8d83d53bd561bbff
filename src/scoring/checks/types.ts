/** The shapes every deterministic check shares: its input, its scorer function and its factory. */
import type { Item } from '../../dataset/types.js';
import type { ParseResult } from '../../gherkin/parse.js';
import type { ScoringMemo } from '../memo.js';
import type { Score } from '../types.js';

/** What a check scores: one candidate against one item (whose gold it may compare with). */
export interface CheckInput {
  /** The candidate gherkin ('' when generation produced none). */
  candidate: string;
  item: Item;
  /** `parseControl(candidate)`, when the caller parsed it already (scoreChecks parses once). */
  parsed?: ParseResult;
  /** The run's memo (gold references, candidate references); without one each value is computed afresh. */
  memo?: ScoringMemo;
}

/** A check: a pure function from input to one {@link Score}. */
export type CheckScorer = (input: CheckInput) => Score;

/** Knobs of the checks (thresholds). */
export interface CheckOptions {
  /** `structure` passes when at least this share of the rules is met (default 0.8). */
  structurePassShare?: number;
}

/**
 * A named factory: builds a check from the options. `version` (default `'1'`) is what run
 * manifests record of the check: bump it when a change to the check changes its scores.
 * `readsMethods` marks a check that reads the item's Boto3 methods (re-scoring needs them stored).
 */
export type CheckFactory = ((options?: CheckOptions) => CheckScorer) & { version?: string; readsMethods?: boolean };
