/**
 * The last step of the config pipeline: a validated experiment (after flags) becomes a
 * {@link RunPlan}: the resolved dataset, items, variants, models and the case grid
 * (items × variants × models × repeats), each case with its stable key.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { canonicalJson, sha256 } from '../canonical-json.js';
import { combineDatasets, DEFAULT_DATASETS } from '../dataset/combine.js';
import { loadDataset } from '../dataset/load.js';
import type { Dataset, Item } from '../dataset/types.js';
import { badInput } from '../errors.js';
import type { Variant } from '../generation/types.js';
import { loadVariants } from '../generation/variants.js';
import { packagePath } from '../paths.js';
import type { JudgeMode } from '../scoring/judge/prompt.js';
import { loadRubric, type Rubric, resolveRubricPath } from '../scoring/judge/rubric.js';
import { caseKey } from './case-key.js';
import { checkExperiment, resolveVariants, selectItems } from './checks.js';
import { type RunEnv, resolveEnv } from './env.js';
import type { LoadedExperiment } from './load.js';
import { type PlannedModel, planModel, redactModelEntry } from './models.js';
import type { CacheMode, ExperimentConfig } from './schema.js';

/** One case of the grid. */
export interface PlannedCase {
  key: string;
  itemId: string;
  variant: string;
  model: string;
  /** 0-based. */
  repeat: number;
}

/** The judge as the plan runs it. */
export interface PlannedJudge {
  /** The judge model's name (what the manifest and the scorer records show). */
  model: string;
  /** The judge model's id and config (what connects it). */
  spec: PlannedModel;
  /** The validated rubric (its file and hash included). */
  rubric: Rubric;
  mode: JudgeMode;
  samples: number;
}

/** Everything a run needs, resolved: what the engine executes and the manifest records. */
export interface RunPlan {
  /** The experiment after defaults and flags (paths resolved; secrets in model configs redacted). */
  config: ExperimentConfig;
  /** The experiment file, or null for the default experiment. */
  file: string | null;
  runId: string;
  /** Absolute run folder (`<out>/<runId>`). */
  runDir: string;
  /** True when continuing an existing run folder. */
  resume: boolean;
  dataset: Dataset;
  /** The items scored, in order. */
  items: Item[];
  variants: Variant[];
  /** The models' names, in order (what case records and reports carry). */
  models: string[];
  /** The models with their ids and configs, in the order of `models`. */
  modelSpecs: PlannedModel[];
  repeats: number;
  seed: number;
  concurrency: number;
  cache: { mode: CacheMode; dir: string };
  judge: PlannedJudge | null;
  env: RunEnv;
  promptfooDb: boolean;
  /** The case grid, model-major then variant, item, repeat (only this shard's cases when sharded). */
  cases: PlannedCase[];
  /** Set when the plan runs one shard of the grid (`run --shard i/n`, src/run/shard.ts). */
  shard?: { index: number; count: number; gridCases: number };
}

/** Options of {@link buildPlan}. */
export interface BuildPlanOptions {
  /** The process environment (only the variables in `env.ts` are kept). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Working directory for `out` and the cache folder. */
  cwd: string;
  /** Name the run (default: UTC timestamp + short hash). */
  runId?: string;
  /** Continue this existing run folder instead of making a new one. */
  resumeDir?: string;
  /** The dataset, when the caller loaded it already. */
  dataset?: Dataset;
  /** Named variants (default: the shipped prompt-variants/variants/). */
  namedVariants?: readonly Variant[];
  /** Clock for the run id (tests). */
  now?: Date;
}

/**
 * Cross-field checks and the run plan for a loaded experiment. Throws a UserError (exit 2)
 * naming the field when a check fails.
 */
export async function buildPlan(loaded: LoadedExperiment, options: BuildPlanOptions): Promise<RunPlan> {
  const { cwd } = options;
  const label = loaded.file ?? '<default experiment>';
  const dataset = options.dataset ?? (await loadDatasets(loaded.config.dataset, loaded.baseDir, label));
  const ctx = { label, named: options.namedVariants ?? loadVariants() };
  const variants = resolveVariants(loaded.config, ctx);
  const items = selectItems(loaded.config, dataset, ctx);
  checkExperiment(loaded.config, variants, dataset, ctx);
  const judgeConfig = loaded.config.judge?.enabled ? loaded.config.judge : undefined;
  const rubric = judgeConfig ? loadRubricAt(judgeConfig.rubric, loaded.baseDir, label) : null;

  const modelSpecs = loaded.config.models.map(planModel);
  const judgeSpec = judgeConfig?.model === undefined ? null : planModel(judgeConfig.model);
  const config: ExperimentConfig = {
    ...loaded.config,
    models: loaded.config.models.map(redactModelEntry),
    dataset:
      loaded.config.dataset.path === undefined
        ? { ...loaded.config.dataset, name: loaded.config.dataset.name ?? [...DEFAULT_DATASETS] }
        : { ...loaded.config.dataset, path: dataset.dir },
    ...(loaded.config.judge
      ? {
          judge: {
            ...loaded.config.judge,
            model: redactModelEntry(loaded.config.judge.model),
            ...(rubric ? { rubric: rubric.file } : {}),
          },
        }
      : {}),
  };
  const cases = caseGrid(items, variants, modelSpecs, config.repeats);
  const outDir = resolve(cwd, config.out);
  const runDir = options.resumeDir
    ? resolve(cwd, options.resumeDir)
    : join(outDir, options.runId ?? newRunId(cases, options.now));
  const judge =
    judgeConfig && judgeSpec && rubric
      ? { model: judgeSpec.name, spec: judgeSpec, rubric, mode: judgeConfig.mode, samples: judgeConfig.samples }
      : null;
  return {
    config,
    file: loaded.file,
    runId: runDir.split(/[\\/]/).pop() as string,
    runDir,
    resume: options.resumeDir !== undefined,
    dataset,
    items,
    variants,
    models: modelSpecs.map((m) => m.name),
    modelSpecs,
    repeats: config.repeats,
    seed: config.seed,
    concurrency: config.concurrency,
    cache: { mode: config.cache.mode, dir: resolve(cwd, config.cache.dir) },
    judge,
    env: resolveEnv(options.env ?? {}),
    promptfooDb: config.promptfooDb,
    cases,
  };
}

/**
 * items × variants × models × repeats, each with its stable key (a model's key part: its id as
 * written, or id and config hash); cases carry the model's name.
 */
export function caseGrid(
  items: readonly Item[],
  variants: readonly Variant[],
  models: readonly PlannedModel[],
  repeats: number,
): PlannedCase[] {
  const cases: PlannedCase[] = [];
  for (const { name, keyPart } of models)
    for (const variant of variants)
      for (const item of items)
        for (let repeat = 0; repeat < repeats; repeat++)
          cases.push({
            key: caseKey(item.id, variant, keyPart, repeat),
            itemId: item.id,
            variant: variant.name,
            model: name,
            repeat,
          });
  return cases;
}

/** A new run id: UTC timestamp (`20261125-191334`) + 6 hex of the case keys and the time. */
export function newRunId(cases: readonly PlannedCase[], now: Date = new Date()): string {
  const iso = now.toISOString();
  const stamp = iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${stamp}-${sha256(canonicalJson([iso, cases.map((c) => c.key)])).slice(0, 6)}`;
}

/**
 * The experiment's dataset: `path`, or the shipped set(s) `name` names (several scored as one), or
 * with neither {@link DEFAULT_DATASETS}.
 */
async function loadDatasets(spec: ExperimentConfig['dataset'], baseDir: string, label: string): Promise<Dataset> {
  if (spec.path !== undefined && spec.name !== undefined)
    throw badInput({ file: label, field: 'dataset' }, 'give dataset.path or dataset.name, not both');
  if (spec.path !== undefined) return loadDataset(resolveDatasetDir(spec.path, baseDir));
  const names = spec.name === undefined ? DEFAULT_DATASETS : typeof spec.name === 'string' ? [spec.name] : spec.name;
  return combineDatasets(await Promise.all(names.map((name) => loadDataset(resolveDatasetDir(name, baseDir)))));
}

/** A dataset path: relative to the experiment file, else a folder name under the package's datasets/. */
function resolveDatasetDir(path: string, baseDir: string): string {
  if (isAbsolute(path)) return path;
  const local = resolve(baseDir, path);
  if (existsSync(local)) return local;
  const shipped = packagePath('datasets', path);
  return existsSync(shipped) ? shipped : local;
}

/** Load the judge's rubric: a name under judges/, or a path relative to the experiment file. */
function loadRubricAt(nameOrPath: string, baseDir: string, label: string): Rubric {
  const isName = !isAbsolute(nameOrPath) && !/[\\/]|\.ya?ml$/.test(nameOrPath);
  const path = isName ? resolveRubricPath(nameOrPath) : resolve(baseDir, nameOrPath);
  if (!existsSync(path))
    throw badInput(
      { file: label, field: 'judge.rubric' },
      `rubric not found: ${path} (name one under judges/ or give a path)`,
    );
  return loadRubric(path);
}
