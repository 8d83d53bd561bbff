/**
 * Re-scoring a stored run: the run's scorers (or some of them) run again on every stored
 * candidate — no generation call; judge calls go through the call cache, so a re-score in replay
 * mode needs no model — and the results become a new version of the run's records.
 *
 * Storage: results.jsonl is rewritten whole and atomically (same record schema, new scores), the
 * file it replaces is kept as `results.v<n>.jsonl`, and the manifest gains a `rescores` entry and
 * the scorers' new records. Every reader (reports, resume, `runs`, the gate) keeps reading
 * results.jsonl alone, as it always did; an overlay of score files would have had each of them
 * merge versions. The steps run in a crash-safe order: keep the old file, replace results.jsonl,
 * then the manifest. Bad input (not a run folder, an unknown metric, a judge the run lacks) is a
 * UserError before anything is written.
 */
import { copyFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { writeFileAtomicAsync } from '../atomic-write.js';
import { resolveEnv } from '../config/env.js';
import { parseExperiment } from '../config/load.js';
import { planModel } from '../config/models.js';
import type { ExperimentConfig } from '../config/schema.js';
import { loadDataset } from '../dataset/load.js';
import type { Item } from '../dataset/types.js';
import { badInput, UserError } from '../errors.js';
import { costOf, priceTable } from '../generation/providers/pricing.js';
import { loadRubric } from '../scoring/judge/rubric.js';
import { createScoringMemo } from '../scoring/memo.js';
import type { ScorerRecord, ScoringSettings } from '../scoring/scorer.js';
import {
  activeScorers,
  type CaseScoring,
  createCaseScorer,
  isScorerId,
  SCORER_IDS,
  SCORERS,
  type ScorerId,
  scorerOfMetric,
  scorerRecords,
  scoringSettings,
} from '../scoring/scorers.js';
import type { Score } from '../scoring/types.js';
import { type CaseRunnerOptions, modelConnector, userErrorGuard } from './case-runner.js';
import { MANIFEST_FILE, RESULTS_FILE } from './records.js';
import { readRun } from './store.js';
import type { CaseRecord, RescoreRecord, RunManifest } from './types.js';

/** Inputs of {@link rescoreRun}. */
export interface RescoreInput {
  runDir: string;
  /** Scorer ids or metric ids (`judge.overall` names the judge); default: every scorer the run configures. */
  metrics?: readonly string[];
  /** Answer judge calls from the call cache only (a miss is an error, exit 2). */
  replay?: boolean;
  /** The process environment (the variables config/env.ts names: endpoint, region, …). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Working directory `runDir` and the run's cache folder are relative to (default: the process's). */
  cwd?: string;
  /** Wrap the judge's provider, pass provider options (tests). */
  providers?: Pick<CaseRunnerOptions, 'wrapProvider' | 'providerOptions'>;
  /** Clock (tests). */
  now?: () => Date;
}

/** What a re-score did. */
export interface RescoreResult {
  runDir: string;
  /** The scorers that ran again, in table order. */
  scorers: ScorerId[];
  /** Stored cases. */
  cases: number;
  /** Cases scored again (those with a candidate). */
  rescored: number;
  /** Cases whose scoring (or judge) failed in this re-score. */
  failed: number;
  /** The previous results file, kept beside the new one. */
  previous: string;
  /** Things worth knowing (e.g. the judge's rubric changed since the run). */
  warnings: string[];
}

/** Re-score a stored run with its scorers (or `input.metrics`), writing the new version of its records. */
export async function rescoreRun(input: RescoreInput): Promise<RescoreResult> {
  const cwd = resolve(input.cwd ?? '.');
  const dir = resolve(cwd, input.runDir);
  const run = await readRun(dir);
  const manifestFile = join(dir, MANIFEST_FILE);
  const config = parseExperiment(run.manifest.config, manifestFile);
  const settings = settingsOf(config, manifestFile);
  const ids = chooseScorers(settings, input.metrics);
  const items = await storedItems(
    run.manifest,
    config,
    manifestFile,
    ids.filter((id) => SCORERS[id].readsMethods),
  );
  const warnings = rubricWarnings(run.manifest, settings, ids);

  const needsJudge = ids.some((id) => SCORERS[id].stage === 'judge');
  const connect = needsJudge
    ? await modelConnector(
        {
          cache: { mode: input.replay ? 'replay' : config.cache.mode, dir: resolve(cwd, config.cache.dir) },
          env: resolveEnv(input.env ?? {}),
          promptfooDb: config.promptfooDb,
        },
        input.providers,
      )
    : null;
  const judgeModel = config.judge?.model;
  const judgeProvider =
    connect && settings.judge && judgeModel !== undefined ? await connect(planModel(judgeModel), 'judge') : null;
  const prices = priceTable(config.prices ?? {});
  const scorer = createCaseScorer(settings, ids);
  const context = {
    memo: createScoringMemo(),
    judgeProvider,
    costOf: (usage: Parameters<typeof costOf>[0], modelId: string) => costOf(usage, modelId, prices),
  };

  const recomputedStages = new Set(ids.map((id) => SCORERS[id].stage));
  const limit = pLimit(needsJudge ? config.concurrency : 1);
  let rescored = 0;
  let failed = 0;
  let stopped = false;
  const records = await Promise.all(
    run.records.map((record) =>
      limit(async (): Promise<CaseRecord> => {
        const item = items.get(record.itemId);
        if (record.candidate === null || record.error?.stage === 'generation' || !item) return record;
        // After a user error (a replay cache miss) no further case starts: nothing will be written.
        if (stopped) return record;
        const guard = userErrorGuard();
        let scored: CaseScoring;
        try {
          scored = await scorer.score(
            { candidate: record.candidate, item, repeat: record.repeat },
            { ...context, judgeProvider: judgeProvider && guard.wrap(judgeProvider) },
          );
          guard.rethrow();
        } catch (error) {
          stopped = true;
          throw error;
        }
        rescored++;
        if (scored.error) failed++;
        const keptError = record.error && !recomputedStages.has(record.error.stage) ? record.error : null;
        return {
          ...record,
          scores: mergeScores(record.scores, scored.scores, ids),
          usage: { ...record.usage, judge: needsJudge ? scored.usage : record.usage.judge },
          error: scored.error ?? keptError,
        };
      }),
    ),
  );

  const previous = await freeVersionName(dir, run.manifest);
  await copyFile(join(dir, RESULTS_FILE), join(dir, previous));
  await writeFileAtomicAsync(join(dir, RESULTS_FILE), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const entry: RescoreRecord = { at: (input.now ?? (() => new Date()))().toISOString(), scorers: ids, previous };
  const manifest: RunManifest = {
    ...run.manifest,
    scorers: mergeScorerRecords(run.manifest.scorers ?? [], scorerRecords(settings, ids)),
    rescores: [...(run.manifest.rescores ?? []), entry],
  };
  await writeFileAtomicAsync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { runDir: dir, scorers: ids, cases: records.length, rescored, failed, previous, warnings };
}

/** The run's scoring settings from its stored experiment: default check options and its judge (rubric reloaded). */
function settingsOf(config: ExperimentConfig, manifestFile: string): ScoringSettings {
  const judge = config.judge;
  if (!judge?.enabled || !judge.model) return scoringSettings({ judge: null });
  let rubric: ReturnType<typeof loadRubric>;
  try {
    rubric = loadRubric(judge.rubric);
  } catch (cause) {
    throw badInput(
      { file: manifestFile, field: 'config.judge.rubric' },
      `the run's rubric cannot be loaded (${(cause as Error).message}); restore it to re-score the judge`,
      cause,
    );
  }
  return scoringSettings({
    judge: { model: planModel(judge.model).name, rubric, mode: judge.mode, samples: judge.samples },
  });
}

/** The scorer ids to run: `metrics` (scorer or metric ids) or every scorer the settings enable. */
function chooseScorers(settings: ScoringSettings, metrics: readonly string[] | undefined): ScorerId[] {
  if (!metrics || metrics.length === 0) return activeScorers(settings);
  const chosen = new Set<ScorerId>();
  for (const metric of metrics) {
    const id = isScorerId(metric) ? metric : scorerOfMetric(metric);
    if (!id)
      throw new UserError(
        'BAD_USAGE',
        `--metric ${metric}: unknown metric; use one of ${SCORER_IDS.join(', ')} (or judge.<criterion>)`,
      );
    if (!SCORERS[id].enabled(settings))
      throw new UserError(
        'BAD_USAGE',
        `--metric ${metric}: this run has no judge configured (its experiment's judge section), so it cannot be re-scored by the judge`,
      );
    chosen.add(id);
  }
  return SCORER_IDS.filter((id) => chosen.has(id));
}

/**
 * The run's items as scoring needs them, from the manifest. Runs stored before items kept their
 * Boto3 methods take them from the dataset — only when a scorer that reads them runs (`readers`),
 * and only if the dataset is byte-for-byte the one the run used (same hash); otherwise they cannot
 * be re-scored faithfully and this says so.
 */
async function storedItems(
  manifest: RunManifest,
  config: ExperimentConfig,
  manifestFile: string,
  readers: readonly ScorerId[],
): Promise<Map<string, Item>> {
  let methods: Map<string, string[]> | undefined;
  if (readers.length > 0 && manifest.items.some((i) => i.methods === undefined)) {
    const path = config.dataset.path ?? '';
    const dataset = await loadDataset(path).catch(() => null);
    if (!dataset || dataset.hash !== manifest.dataset.hash)
      throw badInput(
        { file: manifestFile, field: 'items' },
        `the stored items lack their Boto3 methods (a run made before they were kept), which ${readers.join(', ')} reads, and the dataset ${path || '(none)'} is ${dataset ? 'no longer the one the run used (its hash differs)' : 'not readable'}; re-score the other metrics with --metric, or re-run the experiment`,
      );
    methods = new Map(dataset.items.map((i) => [i.id, i.methods]));
  }
  return new Map(
    manifest.items.map((stored): [string, Item] => [
      stored.id,
      {
        ...stored,
        // Scoring reads neither the category nor the severity; the manifest keeps them as text.
        category: stored.category as Item['category'],
        severity: stored.severity as Item['severity'],
        methods: stored.methods ?? methods?.get(stored.id) ?? [],
        gold: '',
        split: 'eval',
      },
    ]),
  );
}

/** A warning when the judge runs again with a rubric that is not the one the run recorded. */
function rubricWarnings(manifest: RunManifest, settings: ScoringSettings, ids: readonly ScorerId[]): string[] {
  const rubric = settings.judge?.rubric;
  if (!rubric || !ids.includes('judge') || manifest.hashes.rubric === null || manifest.hashes.rubric === rubric.hash)
    return [];
  return [
    `the judge's rubric ${rubric.file} changed since the run (hash ${rubric.hash.slice(0, 12)}, the run recorded ${manifest.hashes.rubric.slice(0, 12)}); its judge calls will not come from the cache`,
  ];
}

/**
 * The record's scores with those of the re-run scorers replaced: in scorer-table order, then any
 * score no known scorer owns (kept as it was).
 */
function mergeScores(old: readonly Score[], fresh: readonly Score[], ids: readonly ScorerId[]): Score[] {
  const merged: Score[] = [];
  for (const id of SCORER_IDS) {
    const owns = SCORERS[id].owns;
    merged.push(...(ids.includes(id) ? fresh : old).filter((s) => owns(s.metric)));
  }
  merged.push(...old.filter((s) => scorerOfMetric(s.metric) === undefined));
  return merged;
}

/** The manifest's scorer records with `fresh` replacing those of the same id, in table order. */
function mergeScorerRecords(old: readonly ScorerRecord[], fresh: readonly ScorerRecord[]): ScorerRecord[] {
  const byId = new Map(old.map((r) => [r.id, r]));
  for (const record of fresh) byId.set(record.id, record);
  const order = (id: string) => {
    const index = (SCORER_IDS as readonly string[]).indexOf(id);
    return index === -1 ? SCORER_IDS.length : index;
  };
  return [...byId.values()].sort((a, b) => order(a.id) - order(b.id));
}

/** `results.v<n>.jsonl` with the first n that names no file yet. */
async function freeVersionName(dir: string, manifest: RunManifest): Promise<string> {
  for (let n = (manifest.rescores?.length ?? 0) + 1; ; n++) {
    const name = `results.v${n}.jsonl`;
    if (!(await stat(join(dir, name)).catch(() => undefined))) return name;
  }
}
