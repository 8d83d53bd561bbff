/** The run store's records: a versioned manifest and one versioned record per case. */
import type { CaseUsage, Trace, Variant } from '../generation/types.js';
import type { ScorerRecord } from '../scoring/scorer.js';
import type { Score } from '../scoring/types.js';
import { CASE_RECORD_V1, MANIFEST_V2 } from './record-schemas.js';

/** Schema id of a case record line in results.jsonl (the version written today). */
export const CASE_RECORD_SCHEMA = CASE_RECORD_V1;
/** Schema id of manifest.json (the version written today; older ones are upgraded on reading). */
export const MANIFEST_SCHEMA = MANIFEST_V2;

/** Identity of one case: item × variant × model × repeat. */
export interface CaseId {
  itemId: string;
  variant: string;
  model: string;
  /** 0-based. */
  repeat: number;
}

/** One line of results.jsonl. */
export interface CaseRecord extends CaseId {
  schema: typeof CASE_RECORD_SCHEMA;
  /** Stable key (see caseKey): the unit of caching and resume. */
  key: string;
  /** The candidate gherkin, or null when generation failed. */
  candidate: string | null;
  trace: Trace;
  scores: Score[];
  usage: { generation: CaseUsage; judge: CaseUsage | null };
  /** Set when the case failed; the run goes on. */
  error: { stage: 'generation' | 'scoring' | 'judge'; message: string } | null;
  startedAt: string;
  finishedAt: string;
}

/** What a run keeps of each item it scored, so reports never need the dataset folder. */
export interface RunItem {
  id: string;
  controlId: string | null;
  service: string;
  resourceType: string;
  category: string;
  severity: string;
  requirement: string;
  /** The gold gherkin's text. */
  goldText: string;
  /** Boto3 methods a control must call (api_recall reads them); absent in runs made before they were stored. */
  methods?: string[];
}

/** One re-score of a stored run (`gherkin-bench rescore`). */
export interface RescoreRecord {
  /** When it was written (ISO 8601). */
  at: string;
  /** The scorer ids it ran again. */
  scorers: string[];
  /** The results file it replaced, kept beside it (e.g. `results.v1.jsonl`). */
  previous: string;
}

/** manifest.json of a run folder. */
export interface RunManifest {
  schema: typeof MANIFEST_SCHEMA;
  runId: string;
  /** The resolved experiment (after defaults and flags). */
  config: Record<string, unknown>;
  variants: Variant[];
  models: string[];
  repeats: number;
  seed: number;
  dataset: { name: string; split: string; items: number; hash: string };
  /** The scored items (for reports: breakdowns and the gold beside each candidate). */
  items: RunItem[];
  hashes: { prompts: string; rubric: string | null; judgePrompt: string | null };
  versions: { gherkinBench: string; node: string; promptfoo: string; botocoreModels: string; [name: string]: string };
  git: { commit: string | null; dirty: boolean | null };
  judge: { model: string; rubric: string } | null;
  startedAt: string;
  finishedAt: string | null;
  /** Total cases planned. */
  cases: number;
  /** The experiment file the run came from (null: the default experiment). */
  source?: string | null;
  /** The environment settings that shaped the run (endpoint, region; never secret values). */
  env?: Record<string, unknown>;
  /** The scorers that scored the run, with their versions and options (absent in older runs). */
  scorers?: ScorerRecord[];
  /** Each `gherkin-bench rescore` of the run, oldest first (absent until one ran). */
  rescores?: RescoreRecord[];
  /** The slice of the grid this run folder holds (`run --shard i/n`; `gridCases`: the whole grid's size); absent for a whole run. */
  shard?: { index: number; count: number; gridCases: number };
  /** The shard run folders `gherkin-bench merge` joined into this one (absent otherwise). */
  mergedFrom?: { runId: string; shard: string }[];
  /** Stored cases by outcome, updated when a run (or a resumed part of it) ends. */
  counts?: { ok: number; failed: number; remaining: number };
}
