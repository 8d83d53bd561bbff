/**
 * The experiment file's schema (zod): what a YAML experiment may say, with the defaults that make
 * an empty file the default experiment (offline reference generator, full ablation of every technique, the
 * evaluation split, one repeat, seed 1, no judge).
 */
import { z } from 'zod';
import { SPLITS } from '../dataset/types.js';
import { TECHNIQUES, type TechniqueKey, variantFileSchema } from '../generation/variants.js';
import { JUDGE_MODES } from '../scoring/judge/prompt.js';

/** The techniques an ablation can switch on and off (the technique table's keys). */
export const FACTORS = TECHNIQUES;
/** One ablation factor. */
export type Factor = TechniqueKey;

/** Cache modes: use (read and write), replay (read only, a miss fails), off (bypass). */
export const CACHE_MODES = ['use', 'replay', 'off'] as const;
/** One cache mode. */
export type CacheMode = (typeof CACHE_MODES)[number];

/** The default model: the offline reference generator (not an LLM). */
export const DEFAULT_MODEL = 'offline:reference';
/** Where run folders go unless told otherwise. */
export const DEFAULT_OUT = 'reports';
/** The model-call cache folder, relative to the working directory. */
export const DEFAULT_CACHE_DIR = '.cache/gherkin-bench/calls';
/** Highest `concurrency` accepted. */
export const MAX_CONCURRENCY = 64;

const positiveInt = z.number().int().min(1);

/** An inline variant: a variant file's fields with a required name (unset knobs: all-off defaults). */
export const VariantSpecSchema = variantFileSchema.extend({ name: variantFileSchema.shape.name.unwrap() });
/** An inline variant as written in an experiment file. */
export type VariantSpec = z.infer<typeof VariantSpecSchema>;

const PriceSchema = z
  .object({
    input: z.number().min(0),
    output: z.number().min(0),
    cacheRead: z.number().min(0).optional(),
    cacheWrite: z.number().min(0).optional(),
  })
  .strict();

/**
 * A model with its provider configuration: `id` is a provider id (`http`, `openai:chat:<model>`,
 * `file://provider.js`, …), `config` goes to the provider as it is, `label` is what reports show.
 */
export const ModelObjectSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
/** A model as an experiment names it: a provider id, or an object with its config. */
export const ModelEntrySchema = z.union([z.string().min(1), ModelObjectSchema]);
/** One entry of `models:` (or `judge.model`). */
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

/** Default least number of records for a batch job (AWS's per-model minimum is commonly 100; check Service Quotas). */
export const DEFAULT_BATCH_MIN_RECORDS = 100;
/** Default most records in one batch job (AWS's per-job quota is commonly 50,000; check Service Quotas). */
export const DEFAULT_BATCH_MAX_RECORDS = 50_000;

/**
 * Amazon Bedrock batch inference (`run --batch`): where the records go and the role the jobs run
 * as. Endpoints default to AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_BEDROCK, then the SDK's own.
 */
export const BatchSchema = z
  .object({
    /** S3 folder for input records and job output, e.g. `s3://my-bucket/gherkin-bench/`. */
    s3Uri: z
      .string()
      .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 'an S3 folder such as s3://my-bucket/gherkin-bench/'),
    /** The service role Bedrock assumes to read and write that folder. */
    roleArn: z
      .string()
      .regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/, 'an IAM role ARN (arn:aws:iam::<account>:role/<name>)'),
    /** Groups of fewer records than this run on demand instead (the model's per-job minimum). */
    minRecords: positiveInt.default(DEFAULT_BATCH_MIN_RECORDS),
    /** Larger groups are split into jobs of at most this many records (the per-job maximum). */
    maxRecords: positiveInt.default(DEFAULT_BATCH_MAX_RECORDS),
    /** First wait between status polls, in seconds (then ×1.5 each poll, up to 300). */
    pollSeconds: z.number().positive().default(60),
    /** Hours after which Bedrock times a job out (`timeoutDurationInHours`, 24–168). */
    timeoutHours: z.number().int().min(24).max(168).optional(),
    /** Endpoint overrides (e.g. a local S3); default: the environment, then AWS's. */
    s3Endpoint: z.url().optional(),
    bedrockEndpoint: z.url().optional(),
  })
  .strict()
  .refine((batch) => batch.minRecords <= batch.maxRecords, {
    message: 'minRecords must not exceed maxRecords',
    path: ['minRecords'],
  });
/** The `batch:` block after defaults. */
export type BatchConfig = z.output<typeof BatchSchema>;

/** The experiment file. Every field is optional; defaults make the default experiment. */
export const ExperimentSchema = z
  .object({
    /** A label for the experiment (shown in reports). */
    name: z.string().min(1).default('default'),
    description: z.string().optional(),
    dataset: z
      .object({
        /** Dataset folder, relative to the experiment file (or the package's `datasets/` by name). */
        path: z.string().min(1).optional(),
        /** Instead of `path`: shipped dataset(s) by name (`aws-config-rules`); several are scored as one. */
        name: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
        split: z.enum(SPLITS).default('eval'),
        /** Score only the first N items of the split (in dataset order). */
        limit: positiveInt.optional(),
        /** Score only these item ids. */
        items: z.array(z.string().min(1)).min(1).optional(),
      })
      .strict()
      .default({ split: 'eval' }),
    /** Named variants (from prompt-variants/variants/ or the ablation's names) or inline ones. */
    variants: z
      .array(z.union([z.string().min(1), VariantSpecSchema]))
      .min(1)
      .optional(),
    /** Run the full factorial of these techniques (2^n variants). Default: all five when no variants. */
    ablate: z.array(z.enum(FACTORS)).min(1).optional(),
    /**
     * The ablation's design: `full` (2^n) or `half`, a seeded half fraction 2^(n−1) with defining
     * relation I = ±(all n techniques): resolution n, so at least 4 techniques (IV; V from 5).
     */
    design: z.enum(['full', 'half']).default('full'),
    /** Knobs the ablation's "on" levels use (topK, k, strategy, params). */
    base: variantFileSchema.omit({ name: true }).optional(),
    models: z.array(ModelEntrySchema).min(1).default([DEFAULT_MODEL]),
    repeats: positiveInt.default(1),
    seed: z.number().int().min(0).default(1),
    concurrency: positiveInt.max(MAX_CONCURRENCY).default(4),
    judge: z
      .object({
        enabled: z.boolean().default(true),
        model: ModelEntrySchema.optional(),
        /** A rubric name under judges/ (`default`) or a path relative to the experiment file. */
        rubric: z.string().min(1).default('default'),
        mode: z.enum(JUDGE_MODES).default('reference-guided'),
        samples: positiveInt.default(1),
      })
      .strict()
      .optional(),
    /** The folder that holds run folders. */
    out: z.string().min(1).default(DEFAULT_OUT),
    cache: z
      .object({ mode: z.enum(CACHE_MODES).default('use'), dir: z.string().min(1).default(DEFAULT_CACHE_DIR) })
      .strict()
      .default({ mode: 'use', dir: DEFAULT_CACHE_DIR }),
    /** Price table overrides, USD per 1k tokens, by model id. */
    prices: z.record(z.string(), PriceSchema).optional(),
    /** Also write the run into promptfoo's local database (`npx promptfoo view`). */
    promptfooDb: z.boolean().default(false),
    /** Amazon Bedrock batch inference settings, used by `run --batch`. */
    batch: BatchSchema.optional(),
  })
  .strict();

/** An experiment as written (before defaults). */
export type ExperimentInput = z.input<typeof ExperimentSchema>;
/** An experiment after schema defaults: what the flag table and the plan work on. */
export type ExperimentConfig = z.output<typeof ExperimentSchema>;
