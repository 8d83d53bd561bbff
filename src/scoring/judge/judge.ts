/**
 * The LLM judge: one candidate, one rubric, n samples at temperature 0, structured output
 * (request.jsonSchema), every reply validated with zod, ONE repair retry that sends the error
 * back, then a recorded failure. Never throws for a model's misbehaviour or a provider error.
 */
import type { Item } from '../../dataset/types.js';
import type { ModelProvider, Usage } from '../../generation/providers/types.js';
import type { CaseUsage } from '../../generation/types.js';
import { emptyUsage } from '../../generation/usage.js';
import type { MetricId, Score } from '../types.js';
import {
  type JudgeMode,
  type JudgeReply,
  judgeJsonSchema,
  judgeReplySchema,
  renderJudgePrompt,
  renderRepair,
} from './prompt.js';
import type { Rubric } from './rubric.js';
import { summariseSamples } from './samples.js';
import { type Structured, structuredCall } from './structured-call.js';

/** What {@link judgeCandidate} needs. */
export interface JudgeInput {
  candidate: string;
  item: Item;
  rubric: Rubric;
  provider: ModelProvider;
  /** Default `reference-guided`. */
  mode?: JudgeMode;
  /** Independent judge samples per case (default 1); each is its own cached call. */
  samples?: number;
  /** The case's repeat index (default 0): with the sample index it keys the call cache. */
  repeat?: number;
  /** Reply token budget (default 2048). */
  maxTokens?: number;
  /** Price of one call, when the caller has a price table; else cost is null. */
  costOf?: (usage: Usage, modelId: string) => number | null;
  signal?: AbortSignal;
}

/** What the judge made of one candidate. */
export interface JudgeResult {
  /** `judge.<criterion>` for every rubric criterion, then `judge.overall`; null values when the judge failed. */
  scores: Score[];
  usage: CaseUsage;
  /** The judge's own words (per sample when n > 1); '' when it failed. */
  rationale: string;
  /** Why the judge failed on this case (every sample failed), else null. */
  error: string | null;
}

async function judgeSample(input: JudgeInput, sample: number, usage: CaseUsage): Promise<Structured<JudgeReply>> {
  const { rubric } = input;
  const prompt = renderJudgePrompt(rubric, input.mode ?? 'reference-guided', input.item, input.candidate);
  return structuredCall(
    {
      provider: input.provider,
      system: prompt.system,
      user: prompt.user,
      jsonSchema: judgeJsonSchema(rubric),
      schema: judgeReplySchema(rubric),
      repair: (error) => renderRepair(rubric, error),
      ...(input.maxTokens === undefined ? {} : { maxTokens: input.maxTokens }),
      repeat: (input.repeat ?? 0) * (input.samples ?? 1) + sample,
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.costOf ? { costOf: input.costOf } : {}),
    },
    usage,
  );
}

/**
 * Judge one candidate. Scores `judge.<criterion>` = (mean 1–5 score − 1) / 4 over the successful
 * samples (mean, sd, min, max and the raw scores in details) and `judge.overall` = the
 * weight-averaged criteria, with the judge's rationale in its `details.rationale`. When every sample fails, every score is null with the reason and
 * `error` says why.
 */
export async function judgeCandidate(input: JudgeInput): Promise<JudgeResult> {
  const samples = Math.max(1, Math.floor(input.samples ?? 1));
  const usage = emptyUsage();
  const outcomes: Structured<JudgeReply>[] = [];
  for (let s = 0; s < samples; s++) outcomes.push(await judgeSample(input, s, usage));
  if (!input.costOf) usage.costUsd = null;
  const replies = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
  const failures = outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
  const metricIds: MetricId[] = [...input.rubric.criteria.map((c) => `judge.${c.id}` as const), 'judge.overall'];

  if (replies.length === 0) {
    const error = failures[failures.length - 1] ?? 'judge produced no reply';
    return {
      scores: metricIds.map((metric) => ({
        metric,
        value: null,
        reason: `judge failed: ${error}`,
        details: { failures },
      })),
      usage,
      rationale: '',
      error,
    };
  }
  const rationale =
    replies.length === 1
      ? (replies[0]?.rationale ?? '')
      : replies.map((r, i) => `sample ${i + 1}: ${r.rationale}`).join('\n');
  // The rationale travels on `judge.overall` (details.rationale): the one place results.jsonl and
  // the report's "Judge rationale" panel read it from.
  const scores = summariseSamples(input.rubric, replies, failures).map((score) =>
    score.metric === 'judge.overall' && rationale !== ''
      ? { ...score, details: { ...score.details, rationale } }
      : score,
  );
  return { scores, usage, rationale, error: null };
}
