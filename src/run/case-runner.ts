/**
 * One case, start to finish: generate the candidate (the chain, through the cached provider),
 * score it with the run's scorers (scoring/scorers.ts: every deterministic check, on the score
 * pool's worker threads unless told otherwise, then the judge when the plan has one), and return
 * the case record. Failures are data: a provider error is
 * recorded on the case with its stage.
 */
import { configHash, type ModelSpec } from '../config/models.js';
import type { RunPlan } from '../config/plan.js';
import { fewShotPool } from '../dataset/splits.js';
import type { Item } from '../dataset/types.js';
import { isUserError } from '../errors.js';
import { generateCandidate } from '../generation/chain.js';
import { openCallCache, withCache } from '../generation/providers/cache.js';
import { costOf, type PriceTable, priceTable } from '../generation/providers/pricing.js';
import { loadPromptfoo } from '../generation/providers/promptfoo-loader.js';
import { OFFLINE_SPECS, type ResolveProviderOptions, resolveProvider } from '../generation/providers/registry.js';
import type { ModelProvider, Usage } from '../generation/providers/types.js';
import { needsRetriever } from '../generation/techniques.js';
import type { CaseUsage, Trace, Variant } from '../generation/types.js';
import { emptyUsage } from '../generation/usage.js';
import { defaultCatalog } from '../knowledge/catalog.js';
import { createRetriever, type Retriever } from '../knowledge/retrieval.js';
import { createScoringMemo } from '../scoring/memo.js';
import type { ScoringContext } from '../scoring/scorer.js';
import { type CaseScorer, type CaseScoring, createCaseScorer, scoringSettings } from '../scoring/scorers.js';
import { promptfooSetupFor } from './promptfoo.js';
import { createScorePool, defaultScoreThreads, type ScorePool } from './score-pool.js';
import { CASE_RECORD_SCHEMA, type CaseRecord } from './types.js';

/** One case to run. */
export interface CaseTask {
  key: string;
  item: Item;
  variant: Variant;
  model: string;
  repeat: number;
  signal?: AbortSignal;
  /**
   * Called, when given, once the case will make no more model calls while the rest of it (its
   * checks on the score workers) still runs. The engine then gives the case's concurrency slot
   * to the next model call.
   */
  modelsDone?: () => void;
}

/** Runs cases. */
export interface CaseRunner {
  run(task: CaseTask): Promise<CaseRecord>;
  /** Release what the runner holds (its score workers); the engine calls it on runners it made. */
  close?(): Promise<void>;
}

/** Options of {@link createCaseRunner}. */
export interface CaseRunnerOptions {
  /**
   * Wrap each model's provider before the cache (tests count real model calls this way, or make
   * one case fail). `role` says whether it generates or judges.
   */
  wrapProvider?: (provider: ModelProvider, role: 'generation' | 'judge') => ModelProvider;
  /** Provider options beyond the plan's environment (credentials, timeouts, attempts). */
  providerOptions?: Omit<ResolveProviderOptions, 'env'>;
  /** Clock (tests). */
  now?: () => Date;
  /**
   * Worker threads for the deterministic checks (default {@link defaultScoreThreads}: some when
   * the plan calls a model, none for the offline generator alone); 0 scores on the calling thread.
   */
  scoreThreads?: number;
}

/** What connecting a model needs of a plan: the call cache, the environment and promptfoo's settings. */
export type ConnectPlan = Pick<RunPlan, 'cache' | 'env' | 'promptfooDb'>;

/** True when a plan calls a model other than the offline generator (to generate or to judge). */
function callsModels(plan: Pick<RunPlan, 'modelSpecs' | 'judge'>): boolean {
  return [...plan.modelSpecs, ...(plan.judge ? [plan.judge.spec] : [])].some(
    (model) => !OFFLINE_SPECS.includes(model.id),
  );
}

/** A function that resolves a model (an id, or an id with its provider config) into its provider, wrapped in the call cache. */
export type ModelConnector = (model: string | ModelSpec, role: 'generation' | 'judge') => Promise<ModelProvider>;

/**
 * Set promptfoo up (before a promptfoo provider id imports it), open the call cache, and return
 * the connector of models: each provider wrapped (tests) and then cached in the plan's mode.
 * The case runner and `rescore` connect models this one way.
 */
export async function modelConnector(
  plan: ConnectPlan,
  options: Pick<CaseRunnerOptions, 'wrapProvider' | 'providerOptions'> = {},
): Promise<ModelConnector> {
  await loadPromptfoo(promptfooSetupFor(plan));
  const cache = openCallCache(plan.cache.dir);
  const wrap = options.wrapProvider ?? ((p: ModelProvider) => p);
  return async (model, role) => {
    const spec = typeof model === 'string' ? { id: model } : model;
    const provider = await resolveProvider(spec.id, {
      ...options.providerOptions,
      env: plan.env.vars,
      ...(spec.config ? { promptfooConfig: spec.config } : {}),
    });
    return withCache(
      wrap(spec.config ? withConfigVersion(provider, spec.config) : provider, role),
      cache,
      plan.cache.mode,
    );
  };
}

/** The provider with its config's hash in its version, so two configs of one id never share cached replies. */
function withConfigVersion(provider: ModelProvider, config: Record<string, unknown>): ModelProvider {
  const version = [provider.version, `config-${configHash(config)}`].filter(Boolean).join('+');
  return { id: provider.id, version, call: (request, callOptions) => provider.call(request, callOptions) };
}

/**
 * A case runner for a plan: one provider per model (resolved once, wrapped in the call cache in
 * the plan's mode), the retriever built on first RAG use, the judge when the plan has one.
 * Unknown models fail here, before any case runs.
 */
export async function createCaseRunner(plan: RunPlan, options: CaseRunnerOptions = {}): Promise<CaseRunner> {
  const now = options.now ?? (() => new Date());
  const connect = await modelConnector(plan, options);
  const prices = priceTable(plan.config.prices ?? {});
  const providers = new Map<string, ModelProvider>();
  for (const model of plan.modelSpecs) providers.set(model.name, await connect(model, 'generation'));
  const judgeProvider = plan.judge ? await connect(plan.judge.spec, 'judge') : null;
  let retriever: Retriever | undefined;
  const retrieverFor = (variant: Variant) => {
    if (!needsRetriever(variant)) return undefined;
    retriever ??= createRetriever(defaultCatalog());
    return retriever;
  };
  const pricing = (table: PriceTable) => (usage: Usage, modelId: string) => costOf(usage, modelId, table);
  const settings = scoringSettings(plan);
  const threads = options.scoreThreads ?? defaultScoreThreads(callsModels(plan));
  const pool = threads > 0 ? createScorePool({ items: plan.items, settings, threads }) : null;
  // Without a pool every scorer runs here; with one, only the judge does (after the checks).
  const scorer = pool ? (plan.judge ? createCaseScorer(settings, ['judge']) : null) : createCaseScorer(settings);
  const scoring: ScoringContext = { memo: createScoringMemo(), judgeProvider, costOf: pricing(prices) };

  return {
    async run(task) {
      const startedAt = now().toISOString();
      const provider = providers.get(task.model) as ModelProvider;
      const base = {
        schema: CASE_RECORD_SCHEMA as typeof CASE_RECORD_SCHEMA,
        key: task.key,
        itemId: task.item.id,
        variant: task.variant.name,
        model: task.model,
        repeat: task.repeat,
      };
      const finish = (rest: Omit<CaseRecord, keyof typeof base | 'startedAt' | 'finishedAt'>): CaseRecord => ({
        ...base,
        ...rest,
        startedAt,
        finishedAt: now().toISOString(),
      });

      // A user error from a provider (a replay cache miss) stops the run instead of failing one case.
      const guard = userErrorGuard();
      const generated = await generate(plan, task, guard.wrap(provider), retrieverFor(task.variant), pricing(prices));
      guard.rethrow();
      if (generated.gherkin === null || generated.error !== null)
        return finish({
          candidate: generated.gherkin,
          trace: generated.trace,
          scores: [],
          usage: { generation: generated.usage, judge: null },
          error: { stage: 'generation', message: generated.error ?? 'no candidate was generated' },
        });
      const candidate = generated.gherkin;
      // With the checks on the pool and no judge to call, the rest of the case calls no model.
      if (pool && !judgeProvider) task.modelsDone?.();

      const scored = await scoreCase(
        pool,
        scorer,
        { candidate, item: task.item, repeat: task.repeat, ...(task.signal ? { signal: task.signal } : {}) },
        { ...scoring, judgeProvider: judgeProvider && guard.wrap(judgeProvider) },
      );
      guard.rethrow();
      return finish({
        candidate,
        trace: generated.trace,
        scores: scored.scores,
        usage: { generation: generated.usage, judge: scored.usage },
        error: scored.error,
      });
    },
    close: async () => {
      await pool?.close();
    },
  };
}

/**
 * Score one case: the checks on the pool (when there is one), then the judge here, as one
 * in-process {@link CaseScorer} would (checks first; a check that threw ends scoring without the
 * judge; the first error wins).
 */
async function scoreCase(
  pool: ScorePool | null,
  scorer: CaseScorer | null,
  input: Parameters<CaseScorer['score']>[0],
  context: ScoringContext,
): Promise<CaseScoring> {
  if (!pool) return (scorer as CaseScorer).score(input, context);
  const checks = await pool.score(input);
  if (!scorer || checks.error) return checks;
  const judged = await scorer.score(input, context);
  return { scores: [...checks.scores, ...judged.scores], usage: judged.usage, error: judged.error };
}

/** Remembers the first {@link UserError} a wrapped provider throws, so the case can rethrow it. */
export function userErrorGuard(): { wrap(provider: ModelProvider): ModelProvider; rethrow(): void } {
  let first: unknown;
  return {
    wrap: (provider) => ({
      id: provider.id,
      call: (request, callOptions) =>
        provider.call(request, callOptions).catch((error: unknown) => {
          if (isUserError(error)) first ??= error;
          throw error;
        }),
    }),
    rethrow: () => {
      if (first !== undefined) throw first;
    },
  };
}

/**
 * Run the chain; a thrown error (not a provider error, which the chain returns) is recorded too,
 * except a user error (e.g. a replay cache miss), which stops the run.
 */
async function generate(
  plan: RunPlan,
  task: CaseTask,
  provider: ModelProvider,
  retriever: Retriever | undefined,
  price: (usage: Usage, modelId: string) => number | null,
): Promise<{ gherkin: string | null; trace: Trace; usage: CaseUsage; error: string | null }> {
  try {
    return await generateCandidate({
      item: task.item,
      variant: task.variant,
      provider,
      ...(retriever ? { retriever } : {}),
      pool: fewShotPool(plan.dataset, task.item, { otherServicesOnly: task.variant.fewShot.otherServicesOnly }),
      seed: plan.seed,
      repeat: task.repeat,
      costOf: price,
      caseId: task.key,
      ...(task.signal ? { signal: task.signal } : {}),
    });
  } catch (error) {
    if (isUserError(error)) throw error;
    return {
      gherkin: null,
      trace: { steps: [], retrieved: [], fewShotIds: [] },
      usage: { ...emptyUsage(), costUsd: null },
      error: (error as Error).message,
    };
  }
}
