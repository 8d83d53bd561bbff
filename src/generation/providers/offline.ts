/**
 * The offline reference generator (`offline:reference`): a deterministic pipeline smoke test,
 * not an LLM and not a baseline for the techniques.
 *
 * It reads ONLY `request.context` (the structured inputs the prompt was rendered from: the
 * requirement, service, resource type, and — when the variant put them in the prompt — retrieved
 * passages, few-shot exemplars and the step-1 analysis). It never sees the item's gold gherkin or
 * the dataset, and it has no API knowledge of its own: every real Boto3 name it writes came from
 * a retrieved passage or an exemplar. What it is for: running every stage of the pipeline
 * (rendering, the chain, extraction, every check, the analysis, the reports, the gate) end to end
 * with no model. What its scores are not: evidence about chain-of-thought, RAG or few-shot. Its
 * variant differences hold by construction — the code below writes one thing with passages and
 * another without, adds an absent-field case under CoT — so they say nothing about how a model
 * would use those techniques, and are no lower bound on one.
 *
 * Algorithm:
 * 1. Read the requirement (offline-terms.ts): first sentence; content-word stems; security concepts
 *    from a fixed lexicon (encryption, transit, logging, network exposure, access, resilience,
 *    monitoring), which also give the category; negation ("must not", "no", "without" within four
 *    words of the modal); the subject (words before the modal, minus the service name, singular;
 *    else the resource type's last segment); key phrases (content words after the modal, split on
 *    "and"/"or"); a threshold ("at least 7 days") that becomes a rule parameter.
 * 2. Plan the checks (offline-plan.ts), in the CoT analysis shape:
 *    - RAG on (passages): the enumerating call is the passage with the best score for list_ (2) or
 *      describe_ (1), a list member (+1) and subject stems in its method name (+1 each). Every
 *      member path of every passage is scored (leaf-name tokens matching the requirement's security
 *      stems count 1, parent segments 0.5; ids, names, timestamps count 0); the best path (direct)
 *      or the best three with distinct leaves (CoT analysis) become checks on their operation.
 *      Values: enum values read from the passage text (`'Enabled'|'Disabled'`, `enum: A | B`):
 *      the "on" value is insecure when the requirement forbids, the "off" value when it demands
 *      (then the compliant value is the enum value matching a security stem, e.g. `aws:kms`);
 *      boolean-looking fields get `is true` / `is false`; others `is not set` / `is set`. Ranking
 *      priors (offline-fields.ts `rankFields`): setting-like members, the retriever's passage and
 *      member order, methods naming the subject, shallow paths. When no member matches, the
 *      word-formed fields (below) are put on the best describe_/get_ call retrieved. The
 *      NOT_APPLICABLE step names the list member of the enumerating call (`"NotebookInstances[]"`).
 *    - RAG off: names are formed from words: `<service>.list_<subject plural>` and
 *      `<service>.describe_<subject>`, unless a few-shot exemplar quotes a list_/describe_/get_ call
 *      of the same service (then that real call is borrowed; with RAG too when no list_ operation
 *      was retrieved); fields are the PascalCase of the key
 *      phrases (`direct internet access` → `DirectInternetAccess`), booleans. Often wrong: that is
 *      the point of the smoke test.
 *    - CoT analysis also spells out the absent-field case (`is not set` → NON_COMPLIANT) of the
 *      first field when the requirement demands something.
 *    - Checks: one NOT_APPLICABLE (the enumerating call returns nothing), one NON_COMPLIANT per
 *      field, one COMPLIANT per field (secure value), one ERROR when there is a rule parameter.
 * 3. Step `analysis` (CoT step 1): reply with that plan as JSON (`json` and a ```json block).
 *    Step `gherkin` (CoT step 2): write from `context.analysis` (validated; if it is not a valid
 *    analysis, from a direct plan); with exemplars and no passages, calls of the analysis that no
 *    exemplar quotes are swapped for the same-service list_/describe_ calls the exemplars quote
 *    (with passages: only a non-list enumerating call, for an exemplar's list_ call).
 *    Step `single` (no CoT): plan directly, then write.
 *    Step `agent` (the agent technique's turns): offline-agent.ts's tool policy — search, write
 *    a draft from the hits, check it, answer with the suggested names swapped in.
 *    Step `repair` (the repair technique's rounds): offline-repair.ts replaces each quoted unknown
 *    reference the checker could suggest a real name for; nothing else changes.
 * 4. Write (offline-write.ts): the canonical header (tags with `@control:none`, severity high for
 *    network-exposure/access-control else medium, `Feature:` UPPER_SNAKE of service, subject, `NO`
 *    when negated and the first key phrase, at most 8 words; Description = the requirement's first
 *    sentence; Trigger `Configuration changes`; Rule Parameters), then scenarios: NOT_APPLICABLE,
 *    each NON_COMPLIANT, one COMPLIANT combining every secure condition, ERROR. With exemplars, the
 *    nearest one (Jaccard over requirement word stems) gives the skeleton: its scenario outcome
 *    order and Trigger are followed, and when it has more NON_COMPLIANT scenarios than the plan,
 *    absent-field cases are added up to its count (never for forbidding requirements).
 * 5. Reply: one preamble sentence and the gherkin in a ```gherkin fence (so extraction is
 *    exercised). Usage: ceil(chars / 4) tokens in (system + messages) and out (reply text);
 *    latency measured; no cache tokens. Its price (pricing.ts) is 0: it calls no model.
 */
import { performance } from 'node:perf_hooks';
import { analysisSchema } from '../analysis.js';
import { messageBlocks } from './messages.js';
import { offlineAgentTurn } from './offline-agent.js';
import { planFromContext, withExemplarCalls } from './offline-plan.js';
import { repairDraft } from './offline-repair.js';
import { nearestExemplar, skeletonOf, writeGherkin } from './offline-write.js';
import {
  type CallOptions,
  type GenerationContext,
  type ModelMessage,
  type ModelProvider,
  type ModelRequest,
  type ModelResponse,
  ProviderError,
  type ToolCall,
} from './types.js';

/** The offline reference generator's provider id. */
export const OFFLINE_PROVIDER_ID = 'offline:reference';

/** Tokens of a text as the offline generator counts them: ceil(chars / 4). */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The input text of a message as the offline generator counts it: its text, tool calls and tool results. */
function inputText(message: ModelMessage): string {
  return messageBlocks(message)
    .map((block) => {
      if (block.type === 'text') return block.text;
      if (block.type === 'toolResult') return block.content;
      return `${block.name} ${JSON.stringify(block.input)}`;
    })
    .join('');
}

/** The gherkin the direct writer writes for a context (from its analysis when a valid one is given). */
function writeDirect(ctx: GenerationContext): string {
  const given = ctx.step === 'gherkin' ? analysisSchema.safeParse(ctx.analysis) : undefined;
  const analysis = given?.success ? withExemplarCalls(given.data, ctx) : planFromContext(ctx, 'direct').analysis;
  const nearest = ctx.exemplars?.length ? nearestExemplar(ctx.requirement, ctx.exemplars) : undefined;
  const skeleton = nearest ? skeletonOf(nearest) : undefined;
  return writeGherkin(ctx, analysis, skeleton);
}

/** The reply text, structured output and tool calls of one offline step (no usage). */
export function offlineReply(ctx: GenerationContext): { text: string; json?: unknown; toolCalls?: ToolCall[] } {
  if (ctx.step === 'analysis') {
    const { analysis } = planFromContext(ctx, 'analysis');
    return {
      text: `Here is my step-by-step analysis of the requirement.\n\n\`\`\`json\n${JSON.stringify(analysis, null, 2)}\n\`\`\`\n`,
      json: analysis,
    };
  }
  if (ctx.step === 'repair') {
    const revised = repairDraft(ctx.draft ?? '', ctx.problems ?? []);
    return { text: `Here is the control with the checker's problems fixed.\n\n\`\`\`gherkin\n${revised}\n\`\`\`\n` };
  }
  if (ctx.step === 'agent') return offlineAgentTurn(ctx, writeDirect);
  return { text: `Here is the security control for the requirement.\n\n\`\`\`gherkin\n${writeDirect(ctx)}\n\`\`\`\n` };
}

/** Create the offline reference generator (see the module documentation for its algorithm). */
export function createOfflineProvider(): ModelProvider {
  return {
    id: OFFLINE_PROVIDER_ID,
    async call(request: ModelRequest, options?: CallOptions): Promise<ModelResponse> {
      const started = performance.now();
      if (options?.signal?.aborted) throw new ProviderError('offline:reference: call aborted', { retryable: false });
      const ctx = request.context;
      if (!ctx) {
        throw new ProviderError('offline:reference needs request.context (it reads no free text)', {
          retryable: false,
        });
      }
      const reply = offlineReply(ctx);
      const input = (request.system ?? '') + request.messages.map(inputText).join('');
      return {
        text: reply.text,
        ...(reply.json === undefined ? {} : { json: reply.json }),
        ...(reply.toolCalls ? { toolCalls: reply.toolCalls } : {}),
        usage: {
          inputTokens: approxTokens(input),
          outputTokens: approxTokens(reply.text),
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
        },
        latencyMs: performance.now() - started,
        stopReason: reply.toolCalls ? 'tool_use' : 'end_turn',
        modelId: OFFLINE_PROVIDER_ID,
      };
    },
  };
}
