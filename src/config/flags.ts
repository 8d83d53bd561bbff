/**
 * The `run` command's flags, declared once in a table typed against the experiment config (the
 * vitest way): each flag says its type, its help text, how it is checked and what it overrides.
 * The CLI builds its yargs options from this table; {@link applyFlags} applies it.
 */
import { z } from 'zod';
import { UserError } from '../errors.js';
import { type ExperimentConfig, ExperimentSchema, MAX_CONCURRENCY } from './schema.js';

type Judge = NonNullable<ExperimentConfig['judge']>;

/**
 * Flags of `gherkin-bench run` (undefined = not given), each typed as the experiment config field
 * it overrides; `runId` and `resume` steer the run instead.
 */
export interface RunFlags {
  model?: ExperimentConfig['models'];
  /** Variant names only (a file may also give inline variants). */
  variant?: Extract<NonNullable<ExperimentConfig['variants']>[number], string>[];
  /** Shipped dataset names (`dataset.name`). */
  dataset?: string[];
  limit?: NonNullable<ExperimentConfig['dataset']['limit']>;
  repeats?: ExperimentConfig['repeats'];
  concurrency?: ExperimentConfig['concurrency'];
  out?: ExperimentConfig['out'];
  /** `cache.mode: replay`. */
  replay?: boolean;
  /** false = `cache.mode: off`. */
  cache?: boolean;
  judge?: NonNullable<Judge['model']>;
  seed?: ExperimentConfig['seed'];
  runId?: string;
  resume?: string;
  promptfooDb?: ExperimentConfig['promptfooDb'];
}

/** One flag: how the CLI declares it and what it changes in the experiment. */
export interface FlagSpec<V> {
  type: 'string' | 'number' | 'boolean';
  array?: boolean;
  /** Help text. */
  describe: string;
  /** Placeholder shown in help, e.g. `ID`. */
  value?: string;
  /** Checks the value (same rules as the file's field). */
  schema: z.ZodType<V>;
  /** Override the experiment; absent for flags that steer the run, not the experiment. */
  apply?: (config: ExperimentConfig, value: V) => ExperimentConfig;
  /** True when the flag changes which cases exist (not allowed with --resume). */
  changesCases?: boolean;
}

/** Every run flag, typed against {@link RunFlags}: adding a flag there without a spec here fails to compile. */
export type FlagTable = { [K in keyof FlagValues]: FlagSpec<FlagValues[K]> };

/** Each flag's value when given. */
type FlagValues = { [K in keyof Required<RunFlags>]: NonNullable<RunFlags[K]> };

const fields = ExperimentSchema.shape;
const names = z.array(z.string().min(1)).min(1);

/** The flag table. */
export const RUN_FLAGS: FlagTable = {
  model: {
    type: 'string',
    array: true,
    value: 'ID',
    describe:
      "Model(s) to run, replacing the file's models (e.g. offline:reference, bedrock:<model-id>, openai:gpt-4o)",
    schema: fields.models,
    apply: (c, models) => ({ ...c, models }),
    changesCases: true,
  },
  variant: {
    type: 'string',
    array: true,
    value: 'NAME',
    describe: "Variant(s) to run by name, replacing the file's variants and ablation",
    schema: names,
    apply: (c, variants) => ({ ...c, variants, ablate: undefined }),
    changesCases: true,
  },
  dataset: {
    type: 'string',
    array: true,
    value: 'NAME',
    describe: "Shipped dataset(s) to score by name (security-controls, aws-config-rules), replacing the file's dataset",
    schema: names,
    apply: (c, name) => ({
      ...c,
      dataset: { ...c.dataset, path: undefined, name: name.length === 1 ? name[0] : name },
    }),
    changesCases: true,
  },
  limit: {
    type: 'number',
    value: 'N',
    describe: 'Score only the first N items of the split',
    schema: fields.dataset.unwrap().shape.limit.unwrap(),
    apply: (c, limit) => ({ ...c, dataset: { ...c.dataset, limit } }),
    changesCases: true,
  },
  repeats: {
    type: 'number',
    value: 'N',
    describe: 'Repeats per item × variant × model',
    schema: fields.repeats,
    apply: (c, repeats) => ({ ...c, repeats }),
    changesCases: true,
  },
  concurrency: {
    type: 'number',
    value: 'N',
    describe: `Cases run at the same time (1–${MAX_CONCURRENCY})`,
    schema: fields.concurrency,
    apply: (c, concurrency) => ({ ...c, concurrency }),
  },
  out: {
    type: 'string',
    value: 'DIR',
    describe: 'Folder that holds run folders (default reports/)',
    schema: fields.out,
    apply: (c, out) => ({ ...c, out }),
  },
  replay: {
    type: 'boolean',
    describe: 'Answer every model call from the cache only; a miss stops the run, exit 2 (deterministic CI)',
    schema: z.boolean(),
    apply: (c, replay) => (replay ? { ...c, cache: { ...c.cache, mode: 'replay' } } : c),
  },
  cache: {
    type: 'boolean',
    describe: 'Use the model-call cache (--no-cache bypasses it)',
    schema: z.boolean(),
    apply: (c, cache) => (cache ? c : { ...c, cache: { ...c.cache, mode: 'off' } }),
  },
  judge: {
    type: 'string',
    value: 'MODEL',
    describe: 'Run the LLM judge with this model',
    schema: fields.judge.unwrap().shape.model.unwrap(),
    apply: (c, model) => ({
      ...c,
      judge: { rubric: 'default', mode: 'reference-guided', samples: 1, ...c.judge, enabled: true, model },
    }),
    changesCases: true,
  },
  seed: {
    type: 'number',
    value: 'N',
    describe: 'Seed for few-shot sampling and every other random choice',
    schema: fields.seed,
    apply: (c, seed) => ({ ...c, seed }),
    changesCases: true,
  },
  runId: {
    type: 'string',
    value: 'ID',
    describe: 'Name the run folder (default: UTC timestamp + short hash)',
    schema: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only'),
  },
  resume: {
    type: 'string',
    value: 'RUN_DIR',
    describe: 'Continue an interrupted run in its folder; finished cases are not run again',
    schema: z.string().min(1),
  },
  promptfooDb: {
    type: 'boolean',
    describe: "Also write the run to promptfoo's local database (npx promptfoo view)",
    schema: fields.promptfooDb,
    apply: (c, promptfooDb) => ({ ...c, promptfooDb }),
  },
};

/** `runId` → `--run-id`. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The flag keys, in table order. */
export const RUN_FLAG_KEYS = Object.keys(RUN_FLAGS) as (keyof RunFlags)[];

/** One flag's value checked by its spec; a bad value is a {@link UserError} naming the flag. */
function checkFlag<K extends keyof FlagValues>(key: K, value: unknown): FlagValues[K] {
  const spec: FlagSpec<FlagValues[K]> = RUN_FLAGS[key];
  const checked = spec.schema.safeParse(value);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const why = (issue?.message ?? 'invalid value').replace(/^Invalid input: /, '').replace(/^Too (small|big): /, '');
  throw new UserError('BAD_USAGE', `${flagName(key)}: ${why} (got ${JSON.stringify(value)})`);
}

function copyFlag<K extends keyof FlagValues>(into: RunFlags, key: K, value: unknown): void {
  if (value !== undefined) into[key] = checkFlag(key, value);
}

/** The run flags among parsed command-line arguments (others ignored), each checked by its spec. */
export function readRunFlags(args: Readonly<Record<string, unknown>>): RunFlags {
  const flags: RunFlags = {};
  for (const key of RUN_FLAG_KEYS) copyFlag(flags, key, args[key]);
  return flags;
}

function applyFlag<K extends keyof FlagValues>(config: ExperimentConfig, key: K, value: RunFlags[K]): ExperimentConfig {
  if (value === undefined) return config;
  const spec: FlagSpec<FlagValues[K]> = RUN_FLAGS[key];
  const checked = checkFlag(key, value);
  return spec.apply ? spec.apply(config, checked) : config;
}

/**
 * Check every given flag and apply the experiment-changing ones over `config` (flags win over
 * the file). Throws a {@link UserError} naming the flag on a bad value.
 */
export function applyFlags(config: ExperimentConfig, flags: RunFlags): ExperimentConfig {
  let out = config;
  for (const key of RUN_FLAG_KEYS) out = applyFlag(out, key, flags[key]);
  return out;
}

/** The flags given that would change a stored run's cases (refused with --resume). */
export function caseChangingFlags(flags: RunFlags): string[] {
  return RUN_FLAG_KEYS.filter((key) => flags[key] !== undefined && RUN_FLAGS[key].changesCases).map(flagName);
}
