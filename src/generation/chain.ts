/**
 * The chain: one case's generation as steps over a gold-free {@link CaseState}. The variant's
 * techniques (the technique table) bring their steps — few-shot selection and retrieval
 * (`gather`), CoT's analysis (`plan`) — and the chain runs them by stage, then the writer (the
 * default `single` / `gherkin` call unless a technique brings a `write` step), then any `revise`
 * steps. Every prompt, response and intermediate result is kept in the trace.
 * A provider failure never rejects: it is recorded as the outcome's `error` (`<call>: <message>`),
 * with the calls done so far kept in the trace. CoT's analysis call keeps as `parsed` the validated
 * analysis, or `{ invalid: <reason>, json: <structured reply or null> }` when it did not validate
 * (the writer then gets the raw reply text as its analysis). Usage sums the calls as the provider
 * reported them (a cached reply keeps its original tokens).
 */
import type { Item } from '../dataset/types.js';
import type { Retriever } from '../knowledge/retrieval.js';
import type { ModelProvider, ModelRequest, Usage } from './providers/types.js';
import { rememberingRetriever } from './retrieval-memo.js';
import { CallFailure, type CaseState, STAGES, type StagedStep, type Step, type StepContext, taskView } from './step.js';
import { techniqueSteps } from './techniques.js';
import { defaultTemplates, type PromptTemplates } from './templates.js';
import type { CaseUsage, ChainStep, Trace, Variant } from './types.js';
import { writeStep } from './write.js';

/** Everything one case's generation needs. */
export interface GenerateArgs {
  item: Item;
  variant: Variant;
  provider: ModelProvider;
  /** Required when the variant has RAG on. */
  retriever?: Retriever;
  /** The few-shot pool (the item itself is never chosen). */
  pool: readonly Item[];
  seed: number;
  repeat: number;
  /** Default: the shipped templates. */
  templates?: PromptTemplates;
  /** Price of one call (e.g. pricing.ts's `costOf` bound to a price table); without it costUsd is null. */
  costOf?: (usage: Usage, modelId: string) => number | null;
  signal?: AbortSignal;
  /** Names the case in provider errors (e.g. a replay cache miss). */
  caseId?: string;
}

/** What one case's generation produced. */
export interface GenerationOutcome {
  /** The extracted gherkin ('' when the reply held none); null when a call failed. */
  gherkin: string | null;
  trace: Trace;
  usage: CaseUsage;
  /** The provider failure, `<step>: <message>`; null on success. */
  error: string | null;
}

/** Sum the steps' usage; cost is null unless `costOf` prices every step. */
export function caseUsage(steps: readonly ChainStep[], costOf?: GenerateArgs['costOf']): CaseUsage {
  const usage: CaseUsage = {
    calls: steps.length,
    tokensIn: 0,
    tokensOut: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    latencyMs: 0,
    costUsd: costOf ? 0 : null,
  };
  for (const step of steps) {
    usage.tokensIn += step.usage.inputTokens;
    usage.tokensOut += step.usage.outputTokens;
    usage.cacheReadTokens += step.usage.cacheReadTokens;
    usage.cacheWriteTokens += step.usage.cacheWriteTokens;
    usage.latencyMs += step.latencyMs;
    if (usage.costUsd !== null && costOf) {
      const cost = costOf(step.usage, step.modelId);
      usage.costUsd = cost === null ? null : usage.costUsd + cost;
    }
  }
  return usage;
}

/** The variant's steps in chain order: by stage, table order within a stage; the default writer when none writes. */
export function chainSteps(variant: Variant): Step[] {
  const staged: StagedStep[] = techniqueSteps(variant);
  if (!staged.some((s) => s.stage === 'write')) staged.push({ stage: 'write', step: writeStep });
  return STAGES.flatMap((stage) => staged.filter((s) => s.stage === stage).map((s) => s.step));
}

function stepContext(args: GenerateArgs): StepContext {
  return {
    templates: args.templates ?? defaultTemplates(),
    params: args.variant.params,
    seed: args.seed,
    repeat: args.repeat,
    pool: args.pool,
    ...(args.retriever ? { retriever: rememberingRetriever(args.retriever) } : {}),
    provider: args.provider,
    async call(state, { name, rendered, jsonSchema, messages, tools }) {
      const request: ModelRequest = {
        system: rendered.system,
        messages: messages ?? [{ role: 'user', content: rendered.prompt }],
        params: { ...args.variant.params },
        cacheSystemPrompt: true,
        context: rendered.context,
      };
      if (jsonSchema) request.jsonSchema = jsonSchema;
      if (tools?.length) request.tools = tools;
      let response: Awaited<ReturnType<ModelProvider['call']>>;
      try {
        response = await args.provider.call(request, { signal: args.signal, repeat: args.repeat, caseId: args.caseId });
      } catch (error) {
        throw new CallFailure(name, error);
      }
      const step: ChainStep = {
        name,
        system: rendered.system,
        prompt: rendered.prompt,
        response: response.text,
        usage: response.usage,
        latencyMs: response.latencyMs,
        cached: response.cached ?? false,
        modelId: response.modelId,
      };
      if (response.stopReason !== undefined) step.stopReason = response.stopReason;
      state.calls.push(step);
      return { step, response };
    },
  };
}

/**
 * Generate one case's candidate. Never rejects for provider failures (they are recorded in
 * `error`); throws only for programming errors such as RAG on without a retriever.
 */
export async function generateCandidate(args: GenerateArgs): Promise<GenerationOutcome> {
  const state: CaseState = { task: taskView(args.item), exemplars: [], calls: [] };
  const context = stepContext(args);
  let error: string | null = null;
  try {
    for (const step of chainSteps(args.variant)) await step.run(state, context);
  } catch (caught) {
    if (!(caught instanceof CallFailure)) throw caught;
    error = `${caught.call}: ${caught.message}`;
  }
  return {
    gherkin: error === null ? (state.gherkin ?? '') : null,
    trace: {
      steps: state.calls,
      retrieved: state.passages ?? [],
      fewShotIds: state.exemplars.map((e) => e.id),
      ...(state.repair ? { repair: state.repair } : {}),
      ...(state.agent ? { agent: state.agent } : {}),
    },
    usage: caseUsage(state.calls, args.costOf),
    error,
  };
}
