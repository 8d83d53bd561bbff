/**
 * Preflight: before any case runs (and before the run folder exists), check that every model of
 * the plan and its judge can answer. For each model: its id resolves to a provider, a `bedrock:`
 * id has the form of a Bedrock model id or inference profile (with "did you mean" against the
 * known ids), and one minimal call (at most {@link PREFLIGHT_MAX_TOKENS} tokens) succeeds through
 * the same provider code the cases use, so credentials, region, endpoint and model access are
 * proven. The call is neither cached nor stored. The offline generator needs no call; in replay
 * mode no call is made (a replayed run needs no model).
 */
import type { PlannedModel } from '../config/models.js';
import type { RunPlan } from '../config/plan.js';
import { loadPromptfoo } from '../generation/providers/promptfoo-loader.js';
import {
  bedrockDidYouMean,
  bedrockIdProblem,
  KNOWN_BEDROCK_MODELS,
  type ProviderKind,
  providerKind,
  providerPrefixHint,
  type ResolveProviderOptions,
  resolveProvider,
} from '../generation/providers/registry.js';
import type { ModelRequest } from '../generation/providers/types.js';
import { promptfooSetupFor } from './promptfoo.js';

/** The most tokens the minimal call asks for. */
export const PREFLIGHT_MAX_TOKENS = 8;
/** Timeout of the minimal call (ms), per attempt. */
export const PREFLIGHT_TIMEOUT_MS = 30_000;
/** Attempts of the minimal call on Bedrock (the first and one retry). */
export const PREFLIGHT_MAX_ATTEMPTS = 2;

/** The minimal call: a few tokens, no tools, no structured output. */
export const PREFLIGHT_REQUEST: ModelRequest = {
  messages: [{ role: 'user', content: 'Reply with the word OK.' }],
  params: { maxTokens: PREFLIGHT_MAX_TOKENS, temperature: 0 },
};

/** What preflight reads of a plan. */
export type PreflightPlan = Pick<RunPlan, 'modelSpecs' | 'judge' | 'cache' | 'env' | 'promptfooDb'>;

/** Options of {@link preflight}. */
export interface PreflightOptions {
  /** Provider options beyond the plan's environment (tests: credentials). */
  providerOptions?: Omit<ResolveProviderOptions, 'env' | 'promptfooConfig'>;
  signal?: AbortSignal;
}

/**
 * Check every model of `plan` (generation models, then the judge). Returns one line per problem
 * (`model "<name>" (<role>): <why>`), [] when every model answered.
 */
export async function preflight(plan: PreflightPlan, options: PreflightOptions = {}): Promise<string[]> {
  const roles = new Map<string, { model: PlannedModel; roles: string[] }>();
  const add = (model: PlannedModel, role: string) => {
    const entry = roles.get(model.name) ?? { model, roles: [] };
    entry.roles.push(role);
    roles.set(model.name, entry);
  };
  for (const model of plan.modelSpecs) add(model, 'generation');
  if (plan.judge) add(plan.judge.spec, 'judge');
  // promptfoo's folders are set before anything imports it (a promptfoo id does); a run of
  // Bedrock or offline models does not wait for promptfoo's import (seconds) to learn of a problem.
  const needsPromptfoo = ({ model }: { model: PlannedModel }) =>
    kindOf(model.id) === 'promptfoo' && bedrockIdProblem(model.id) === null;
  if ([...roles.values()].some(needsPromptfoo)) await loadPromptfoo(promptfooSetupFor(plan));
  const checks = [...roles.values()].map(async ({ model, roles }) => {
    const why = await checkModel(model, plan, options);
    return why === null ? null : `model "${model.name}" (${roles.join(' and ')}): ${why}`;
  });
  return (await Promise.all(checks)).filter((line): line is string => line !== null);
}

/** Why one model cannot run, or null when it answered (or needs no call). */
async function checkModel(model: PlannedModel, plan: PreflightPlan, options: PreflightOptions): Promise<string | null> {
  let kind: ProviderKind;
  try {
    kind = providerKind(model.id);
  } catch (error) {
    return reason(error, model.id);
  }
  const badForm = bedrockIdProblem(model.id);
  if (badForm) return badForm.replace(`model "${model.id}": `, '');
  let provider: Awaited<ReturnType<typeof resolveProvider>>;
  try {
    provider = await resolveProvider(model.id, {
      timeoutMs: PREFLIGHT_TIMEOUT_MS,
      maxAttempts: PREFLIGHT_MAX_ATTEMPTS,
      ...options.providerOptions,
      env: plan.env.vars,
      ...(model.config ? { promptfooConfig: model.config } : {}),
    });
  } catch (error) {
    return `${reason(error, model.id)}${kind === 'promptfoo' ? providerPrefixHint(model.id) : ''}`;
  }
  if (kind === 'offline' || plan.cache.mode === 'replay') return null;
  try {
    await provider.call(PREFLIGHT_REQUEST, options.signal ? { signal: options.signal } : {});
    return null;
  } catch (error) {
    const bedrockId = model.id.slice('bedrock:'.length);
    const unknownBedrock = kind === 'bedrock' && !KNOWN_BEDROCK_MODELS.some((id) => bedrockId.endsWith(id));
    const hint = unknownBedrock ? bedrockDidYouMean(bedrockId) : '';
    return `the test call failed: ${reason(error, provider.id)}${hint}`;
  }
}

/** A model id's provider kind, or null when the id is malformed (checkModel reports that). */
function kindOf(id: string): ProviderKind | null {
  try {
    return providerKind(id);
  } catch {
    return null;
  }
}

/** An error's first line without the `model "<id>": ` or `<id>: ` prefix the line already names. */
function reason(error: unknown, id: string): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  for (const prefix of [`model "${id}": `, `${id}: `])
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  return message || 'unknown error';
}
