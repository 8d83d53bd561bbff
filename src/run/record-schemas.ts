/**
 * The run store's record schemas (zod), one per stored version: what a reader accepts of
 * manifest.json and of each results.jsonl line. Objects are loose (a field this version does not
 * name is kept, never dropped), so reading and writing a record back loses nothing. Older versions
 * become the current one through the upgrade functions in `upgrades.ts`, never a cast.
 */
import { z } from 'zod';
import { STORED_TECHNIQUES, withLaterTechniquesOff } from '../generation/techniques.js';
import type { Variant } from '../generation/types.js';
import { CHECK_METRICS, COST_METRICS } from '../scoring/types.js';

/** Token usage of one model call (the trace's steps). */
export const callUsageSchema = z.looseObject({
  inputTokens: z.number(),
  outputTokens: z.number(),
  cacheReadTokens: z.number(),
  cacheWriteTokens: z.number(),
});

/** Calls, tokens, latency and money of one case's generation or judge. */
export const caseUsageSchema = z.looseObject({
  calls: z.number(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  cacheReadTokens: z.number(),
  cacheWriteTokens: z.number(),
  latencyMs: z.number(),
  costUsd: z.number().nullable(),
});

/** One model call of the chain, kept whole. */
export const chainStepSchema = z.looseObject({
  name: z.string(),
  system: z.string(),
  prompt: z.string(),
  response: z.string(),
  parsed: z.unknown().optional(),
  usage: callUsageSchema,
  latencyMs: z.number(),
  cached: z.boolean(),
  stopReason: z.string().optional(),
  modelId: z.string(),
});

/** One retrieved operation as the prompt showed it. */
export const retrievedPassageSchema = z.looseObject({
  service: z.string(),
  operation: z.string(),
  method: z.string(),
  score: z.number(),
  members: z.array(z.string()),
  text: z.string(),
});

/** Everything that led to a candidate. */
export const traceSchema = z.looseObject({
  steps: z.array(chainStepSchema),
  retrieved: z.array(retrievedPassageSchema),
  fewShotIds: z.array(z.string()),
});

/** A metric id: a check, a cost, or `judge.<criterion>`. */
export const metricIdSchema = z.union([
  z.enum(CHECK_METRICS),
  z.enum(COST_METRICS),
  z.templateLiteral(['judge.', z.string()]),
]);

/** One metric's value for one case. */
export const scoreSchema = z.looseObject({
  metric: metricIdSchema,
  value: z.number().nullable(),
  pass: z.boolean().optional(),
  reason: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Schema id of version 1 of a results.jsonl line (the current one). */
export const CASE_RECORD_V1 = 'gherkin-bench/case@1';

/** Version 1 of a results.jsonl line. */
export const caseRecordV1Schema = z.looseObject({
  schema: z.literal(CASE_RECORD_V1),
  key: z.string(),
  itemId: z.string(),
  variant: z.string(),
  model: z.string(),
  repeat: z.number().int().nonnegative(),
  candidate: z.string().nullable(),
  trace: traceSchema,
  scores: z.array(scoreSchema),
  usage: z.looseObject({ generation: caseUsageSchema, judge: caseUsageSchema.nullable() }),
  error: z.object({ stage: z.enum(['generation', 'scoring', 'judge']), message: z.string() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
});

const modelParamsSchema = z.looseObject({
  temperature: z.number().optional(),
  topP: z.number().optional(),
  maxTokens: z.number().optional(),
});

/** A variant as manifest@1 stored it: the three techniques of that time, written out. */
export const variantV1Schema = z.looseObject({
  name: z.string(),
  cot: z.boolean(),
  rag: z.looseObject({ enabled: z.boolean(), topK: z.number(), tokenBudget: z.number() }),
  fewShot: z.looseObject({
    k: z.number(),
    strategy: z.enum(['similar', 'random']),
    resample: z.boolean(),
    otherServicesOnly: z.boolean(),
  }),
  params: modelParamsSchema,
});

/**
 * True when `value` is a stored variant of today's technique table: a name, model parameters,
 * every technique's settings under its key (each technique's own module owns their shape; resume
 * compares them with the plan's; one added to the table later may be missing) and, when present,
 * on/off flags.
 */
function isVariant(value: unknown): value is Variant {
  if (!value || typeof value !== 'object') return false;
  const fields = value as Record<string, unknown>;
  const flags = fields.techniques;
  return (
    typeof fields.name === 'string' &&
    modelParamsSchema.safeParse(fields.params).success &&
    STORED_TECHNIQUES.every((key) => fields[key] !== undefined && fields[key] !== null) &&
    (flags === undefined || z.record(z.string(), z.boolean()).safeParse(flags).success)
  );
}

/**
 * A variant as manifest@2 stores it (see {@link isVariant}); a technique added to the table later
 * that it lacks is read as off.
 */
export const variantSchema = z
  .custom<Variant>(isVariant, {
    message: `expected a variant: name, params and the settings of ${STORED_TECHNIQUES.join(', ')}`,
  })
  .transform((variant): Variant => withLaterTechniquesOff(variant));

/** One scored item as a manifest keeps it (version 1: without its Boto3 methods). */
export const runItemV1Schema = z.looseObject({
  id: z.string(),
  controlId: z.string().nullable(),
  service: z.string(),
  resourceType: z.string(),
  category: z.string(),
  severity: z.string(),
  requirement: z.string(),
  goldText: z.string(),
});

/** The fields every manifest version shares (variants and items differ by version). */
const manifestCommon = {
  runId: z.string().min(1),
  config: z.record(z.string(), z.unknown()),
  models: z.array(z.string()),
  repeats: z.number().int().positive(),
  seed: z.number(),
  dataset: z.looseObject({ name: z.string(), split: z.string(), items: z.number(), hash: z.string() }),
  hashes: z.looseObject({ prompts: z.string(), rubric: z.string().nullable(), judgePrompt: z.string().nullable() }),
  versions: z
    .looseObject({
      gherkinBench: z.string(),
      node: z.string(),
      promptfoo: z.string(),
      botocoreModels: z.string(),
    })
    .catchall(z.string()),
  git: z.looseObject({ commit: z.string().nullable(), dirty: z.boolean().nullable() }),
  judge: z.looseObject({ model: z.string(), rubric: z.string() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  cases: z.number().int().nonnegative(),
  source: z.string().nullable().optional(),
  env: z.record(z.string(), z.unknown()).optional(),
  counts: z.looseObject({ ok: z.number(), failed: z.number(), remaining: z.number() }).optional(),
  shard: z
    .looseObject({
      index: z.number().int().min(1),
      count: z.number().int().min(1),
      gridCases: z.number().int().nonnegative(),
    })
    .optional(),
  mergedFrom: z.array(z.looseObject({ runId: z.string(), shard: z.string() })).optional(),
};

/** Schema id of manifest version 1 (written until issue 13). */
export const MANIFEST_V1 = 'gherkin-bench/manifest@1';
/** Schema id of manifest version 2 (the current one). */
export const MANIFEST_V2 = 'gherkin-bench/manifest@2';

/** manifest.json, version 1. */
export const manifestV1Schema = z.looseObject({
  schema: z.literal(MANIFEST_V1),
  ...manifestCommon,
  variants: z.array(variantV1Schema),
  items: z.array(runItemV1Schema),
});

/** One scorer that scored a run: its id, version and options. */
export const scorerRecordSchema = z.looseObject({
  id: z.string(),
  version: z.string(),
  options: z.record(z.string(), z.unknown()),
});

/** One re-score of a stored run. */
export const rescoreRecordSchema = z.looseObject({
  at: z.string(),
  scorers: z.array(z.string()),
  previous: z.string(),
});

/**
 * manifest.json, version 2: variants carry the technique table's settings (and on/off flags),
 * items their Boto3 methods, and the manifest the scorers that ran and each re-score. The new
 * fields are optional: a run upgraded from version 1 honestly lacks them.
 */
export const manifestV2Schema = z.looseObject({
  schema: z.literal(MANIFEST_V2),
  ...manifestCommon,
  variants: z.array(variantSchema),
  items: z.array(runItemV1Schema.extend({ methods: z.array(z.string()).optional() })),
  scorers: z.array(scorerRecordSchema).optional(),
  rescores: z.array(rescoreRecordSchema).optional(),
});

/** A version 1 manifest as parsed. */
export type ManifestV1 = z.infer<typeof manifestV1Schema>;
