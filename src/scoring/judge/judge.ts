/**
 * The LLM judge: one candidate, one rubric, n samples at temperature 0, structured output
 * (request.jsonSchema), every reply validated with zod, ONE repair retry that sends the error
 * back, then a recorded failure. Never throws for a model's misbehaviour or a provider error.
 */
import type { Item } from '../../dataset/types.js';
import { isUserError } from '../../errors.js';
import type { ModelMessage, ModelProvider, ModelResponse, Usage } from '../../generation/providers/types.js';
import type { CaseUsage } from '../../generation/types.js';
import type { MetricId, Score } from '../types.js';
import {
  type JudgeMode,
  type JudgeReply,
  jsonInText,
  judgeJsonSchema,
  judgeReplySchema,
  renderJudgePrompt,
  renderRepair,
} from './prompt.js';
import type { Rubric } from './rubric.js';
import { summariseSamples } from './samples.js';

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

type SampleOutcome = { ok: true; reply: JudgeReply } | { ok: false; error: string };

function emptyUsage(): CaseUsage {
  return { calls: 0, tokensIn: 0, tokensOut: 0, cacheReadTokens: 0, cacheWriteTokens: 0, latencyMs: 0, costUsd: 0 };
}

function addUsage(total: CaseUsage, response: ModelResponse, cost: number | null): void {
  total.calls += 1;
  total.tokensIn += response.usage.inputTokens;
  total.tokensOut += response.usage.outputTokens;
  total.cacheReadTokens += response.usage.cacheReadTokens;
  total.cacheWriteTokens += response.usage.cacheWriteTokens;
  total.latencyMs += response.latencyMs;
  total.costUsd = total.costUsd === null || cost === null ? null : total.costUsd + cost;
}

/** Validate one reply: the structured output, else a JSON object in the text. */
function validate(rubric: Rubric, response: ModelResponse): SampleOutcome {
  const raw = response.json ?? jsonInText(response.text);
  if (raw === undefined) return { ok: false, error: 'the reply holds no JSON object' };
  const result = judgeReplySchema(rubric).safeParse(raw);
  if (result.success) return { ok: true, reply: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || 'reply'}: ${issue?.message ?? 'invalid'}` };
}

async function judgeSample(input: JudgeInput, sample: number, usage: CaseUsage): Promise<SampleOutcome> {
  const { rubric, provider } = input;
  const prompt = renderJudgePrompt(rubric, input.mode ?? 'reference-guided', input.item, input.candidate);
  const request = {
    system: prompt.system,
    params: { temperature: 0, maxTokens: input.maxTokens ?? 2048 },
    jsonSchema: judgeJsonSchema(rubric),
    cacheSystemPrompt: true,
  };
  const options = { repeat: (input.repeat ?? 0) * (input.samples ?? 1) + sample, signal: input.signal };
  const messages: ModelMessage[] = [{ role: 'user', content: prompt.user }];
  const call = async (): Promise<ModelResponse> => {
    const response = await provider.call({ ...request, messages }, options);
    addUsage(usage, response, input.costOf ? input.costOf(response.usage, response.modelId) : null);
    return response;
  };
  try {
    const first = await call();
    const checked = validate(rubric, first);
    if (checked.ok) return checked;
    const said = first.text.trim() || (first.json === undefined ? '' : JSON.stringify(first.json));
    messages.push({ role: 'assistant', content: said || '(no reply)' });
    messages.push({ role: 'user', content: renderRepair(rubric, checked.error) });
    const second = await call();
    const repaired = validate(rubric, second);
    return repaired.ok ? repaired : { ok: false, error: `invalid reply after one repair retry: ${repaired.error}` };
  } catch (error) {
    if (isUserError(error)) throw error; // a setup problem (e.g. a replay cache miss), not the model's fault
    return { ok: false, error: `judge call failed: ${(error as Error).message ?? String(error)}` };
  }
}

/**
 * Judge one candidate. Scores `judge.<criterion>` = (mean 1–5 score − 1) / 4 over the successful
 * samples (mean, sd, min, max and the raw scores in details) and `judge.overall` = the
 * weight-averaged criteria. When every sample fails, every score is null with the reason and
 * `error` says why.
 */
export async function judgeCandidate(input: JudgeInput): Promise<JudgeResult> {
  const samples = Math.max(1, Math.floor(input.samples ?? 1));
  const usage = emptyUsage();
  const outcomes: SampleOutcome[] = [];
  for (let s = 0; s < samples; s++) outcomes.push(await judgeSample(input, s, usage));
  if (!input.costOf) usage.costUsd = null;
  const replies = outcomes.flatMap((o) => (o.ok ? [o.reply] : []));
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
  const scores = summariseSamples(input.rubric, replies, failures);
  const rationale =
    replies.length === 1
      ? (replies[0]?.rationale ?? '')
      : replies.map((r, i) => `sample ${i + 1}: ${r.rationale}`).join('\n');
  return { scores, usage, rationale, error: null };
}
