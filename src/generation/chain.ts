/**
 * The chain: one case's generation. Picks few-shot exemplars, retrieves API passages (RAG), then
 * calls the model once (no CoT) or twice (CoT: step 1 analysis as JSON, step 2 gherkin from it),
 * extracts the gherkin and keeps every prompt, response and intermediate result in the trace.
 * A provider failure never rejects: it is recorded as the outcome's `error`, with the steps done
 * so far kept in the trace. Step 1's `parsed` is the validated analysis, or
 * `{ invalid: <reason>, json: <structured reply or null> }` when it did not validate (step 2 then
 * gets the raw reply text as its analysis). Usage sums the steps as the provider reported them
 * (a cached reply keeps its original tokens).
 */
import type { Item } from '../dataset/types.js';
import type { Retriever } from '../knowledge/retrieval.js';
import { ANALYSIS_JSON_SCHEMA, parseAnalysis } from './analysis.js';
import { extractGherkin } from './extract.js';
import { selectExemplars } from './fewshot.js';
import { type PromptInputs, type RenderedStep, renderAnalysis, renderGherkinStep, renderSingle } from './prompts.js';
import type { ModelProvider, ModelRequest, RetrievedPassage, Usage } from './providers/types.js';
import { defaultTemplates, type PromptTemplates } from './templates.js';
import type { CaseUsage, ChainStep, Trace, Variant } from './types.js';

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

/** The retrieved passages of an item under a variant ([] when RAG is on but nothing matched). */
export function retrievePassages(item: Item, variant: Variant, retriever: Retriever): RetrievedPassage[] {
  const hits = retriever.retrieve(item.requirement, {
    service: item.service,
    resourceType: item.resourceType,
    k: variant.rag.topK,
  });
  return retriever.renderPassages(hits, variant.rag.tokenBudget);
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Generate one case's candidate. Never rejects for provider failures (they are recorded in
 * `error`); throws only for programming errors such as RAG on without a retriever.
 */
export async function generateCandidate(args: GenerateArgs): Promise<GenerationOutcome> {
  const { item, variant, provider } = args;
  const templates = args.templates ?? defaultTemplates();
  const exemplars = selectExemplars(item, args.pool, variant.fewShot, { seed: args.seed, repeat: args.repeat });
  let passages: RetrievedPassage[] | undefined;
  if (variant.rag.enabled) {
    if (!args.retriever) throw new Error(`variant "${variant.name}" has RAG on but generateCandidate got no retriever`);
    passages = retrievePassages(item, variant, args.retriever);
  }
  const inputs: PromptInputs = { item, passages, exemplars: exemplars.length ? exemplars : undefined };
  const trace: Trace = { steps: [], retrieved: passages ?? [], fewShotIds: exemplars.map((e) => e.id) };

  let analysisResult: ReturnType<typeof parseAnalysis> | undefined;
  const call = async (name: ChainStep['name'], rendered: RenderedStep, structured: boolean): Promise<ChainStep> => {
    const request: ModelRequest = {
      system: rendered.system,
      messages: [{ role: 'user', content: rendered.prompt }],
      params: { ...variant.params },
      cacheSystemPrompt: true,
      context: rendered.context,
    };
    if (structured) request.jsonSchema = ANALYSIS_JSON_SCHEMA;
    const response = await provider.call(request, { signal: args.signal, repeat: args.repeat, caseId: args.caseId });
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
    if (structured) {
      analysisResult = parseAnalysis(response);
      step.parsed = analysisResult.ok
        ? analysisResult.analysis
        : { invalid: analysisResult.error, json: response.json ?? null };
    }
    trace.steps.push(step);
    return step;
  };

  const finish = (gherkin: string | null, error: string | null): GenerationOutcome => ({
    gherkin,
    trace,
    usage: caseUsage(trace.steps, args.costOf),
    error,
  });

  let stepName: ChainStep['name'] = variant.cot ? 'analysis' : 'single';
  try {
    if (!variant.cot) {
      const single = await call('single', renderSingle(templates, inputs), false);
      return finish(extractGherkin(single.response), null);
    }
    const analysisStep = await call('analysis', renderAnalysis(templates, inputs), true);
    const analysis = analysisResult?.ok ? analysisResult.analysis : analysisStep.response;
    stepName = 'gherkin';
    const gherkinStep = await call('gherkin', renderGherkinStep(templates, inputs, analysis), false);
    return finish(extractGherkin(gherkinStep.response), null);
  } catch (error) {
    return finish(null, `${stepName}: ${messageOf(error)}`);
  }
}
