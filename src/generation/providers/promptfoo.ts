/**
 * Any promptfoo provider id (`openai:chat:gpt-4o-mini`, `anthropic:messages:…`, `ollama:chat:…`,
 * `bedrock:converse:…`, `http`, `echo`, …) through promptfoo's own provider loader.
 *
 * A request becomes promptfoo's JSON chat prompt (`[{role, content}, …]`, system first). Sampling
 * parameters go in the provider config as `temperature`, `max_tokens`, `top_p` (the names
 * promptfoo's providers read). Structured output: OpenAI-compatible providers get
 * `response_format: json_schema`; every other provider is asked in the system prompt for a JSON
 * object matching the schema, and the JSON is parsed from its text. Tools go as OpenAI `tools`;
 * content blocks as OpenAI chat messages (`tool_calls`, `tool`); a reply's tool calls are read back. promptfoo's own response
 * cache is bypassed (`bustCache`): gherkin-bench's cache decides what is re-used, per repeat.
 * promptfoo is imported lazily, so runs that never use it do not load it.
 */
import type { ApiProvider, ProviderResponse } from 'promptfoo';
import { UserError } from '../../errors.js';
import { messageText } from './messages.js';
import { defaultPromptfooSetup, loadPromptfoo } from './promptfoo-loader.js';
import { parseJsonFromText, withJsonInstruction } from './structured.js';
import {
  type CallOptions,
  type ModelMessage,
  type ModelProvider,
  type ModelRequest,
  type ModelResponse,
  ProviderError,
  type ToolCall,
} from './types.js';

/** Options of {@link createPromptfooProvider}. */
export interface PromptfooProviderOptions {
  /** The promptfoo provider id, exactly as promptfoo names it. */
  providerId: string;
  /** Extra provider config (e.g. `apiBaseUrl`, `url`/`body` for `http`); request parameters override it. */
  config?: Record<string, unknown>;
  /** Environment overrides promptfoo's providers read (API keys, base URLs). */
  env?: Record<string, string | undefined>;
  /** Per-call timeout in ms (an AbortSignal given to the provider); default none. */
  timeoutMs?: number;
}

/** Provider id prefixes whose promptfoo provider speaks OpenAI's chat API (`response_format` works). */
export const OPENAI_COMPATIBLE_PREFIXES: readonly string[] = ['openai:', 'azure:', 'openrouter:', 'deepseek:', 'groq:'];

/** True when the provider takes OpenAI's `response_format: json_schema`. */
export function supportsResponseFormat(providerId: string): boolean {
  return OPENAI_COMPATIBLE_PREFIXES.some((prefix) => providerId.startsWith(prefix));
}

/** The promptfoo prompt (JSON chat messages) for a request. */
export function toPromptfooPrompt(providerId: string, request: ModelRequest): string {
  let system = request.system;
  if (request.jsonSchema && !supportsResponseFormat(providerId)) {
    system = withJsonInstruction(system, request.jsonSchema);
  }
  const messages = [
    ...(system ? [{ role: 'system', content: system }] : []),
    ...request.messages.flatMap(toChatMessages),
  ];
  return JSON.stringify(messages);
}

/**
 * One message in OpenAI's chat form, which promptfoo's chat providers take: a string or text-only
 * content stays a string; tool calls become an assistant's `tool_calls`, tool results `tool` messages.
 */
function toChatMessages(message: ModelMessage): Record<string, unknown>[] {
  if (typeof message.content === 'string') return [{ role: message.role, content: message.content }];
  const text = messageText(message);
  const calls = message.content.flatMap((b) => (b.type === 'toolUse' ? [b] : []));
  const results = message.content.flatMap((b) => (b.type === 'toolResult' ? [b] : []));
  const out: Record<string, unknown>[] = results.map((r) => ({
    role: 'tool',
    tool_call_id: r.toolUseId,
    content: r.content,
  }));
  if (calls.length)
    out.push({
      role: message.role,
      content: text || null,
      tool_calls: calls.map((c) => ({
        id: c.toolUseId,
        type: 'function',
        function: { name: c.name, arguments: JSON.stringify(c.input) },
      })),
    });
  else if (text || results.length === 0) out.push({ role: message.role, content: text });
  return out;
}

/** Tool calls in a promptfoo output (OpenAI-style `tool_calls` items, alone or under `tool_calls`). */
function toolCallsOf(output: unknown): ToolCall[] {
  const list = Array.isArray(output)
    ? output
    : typeof output === 'object' && output !== null && Array.isArray((output as { tool_calls?: unknown }).tool_calls)
      ? (output as { tool_calls: unknown[] }).tool_calls
      : [];
  return list.flatMap((item) => {
    const call = item as { id?: unknown; function?: { name?: unknown; arguments?: unknown } };
    if (typeof call.function?.name !== 'string') return [];
    const args = call.function.arguments;
    return [
      {
        toolUseId: typeof call.id === 'string' ? call.id : '',
        name: call.function.name,
        input: typeof args === 'string' ? (parseJsonFromText(args) ?? args) : args,
      },
    ];
  });
}

/** The promptfoo provider config for a request. */
export function toPromptfooConfig(
  providerId: string,
  request: ModelRequest,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  const { temperature, topP, maxTokens } = request.params;
  const config: Record<string, unknown> = { ...base };
  if (temperature !== undefined) config.temperature = temperature;
  if (topP !== undefined) config.top_p = topP;
  if (maxTokens !== undefined) config.max_tokens = maxTokens;
  if (request.tools?.length)
    config.tools = request.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, ...(t.description ? { description: t.description } : {}), parameters: t.inputSchema },
    }));
  if (request.jsonSchema && supportsResponseFormat(providerId)) {
    const { name, description, schema } = request.jsonSchema;
    config.response_format = {
      type: 'json_schema',
      json_schema: { name, ...(description ? { description } : {}), schema, strict: false },
    };
  }
  return config;
}

/** Read a promptfoo response into a {@link ModelResponse}; a `{ error }` reply throws. */
export function fromPromptfooResponse(
  providerId: string,
  modelId: string,
  request: ModelRequest,
  response: ProviderResponse,
  latencyMs: number,
): ModelResponse {
  if (response.error) {
    const status = response.metadata?.http?.status;
    const retryable =
      (status !== undefined && (status === 408 || status === 429 || status >= 500)) ||
      /\b(429|rate.?limit|timed? ?out|timeout|ECONNRESET|ECONNREFUSED|overloaded|5\d\d)\b/i.test(response.error);
    throw new ProviderError(`${providerId}: ${response.error.split('\n')[0]}`, {
      retryable,
      ...(status === undefined ? {} : { status }),
    });
  }
  const output: unknown = response.output;
  const text =
    typeof output === 'string' ? output : output === undefined || output === null ? '' : JSON.stringify(output);
  let json: unknown;
  if (request.jsonSchema) json = typeof output === 'object' && output !== null ? output : parseJsonFromText(text);
  const toolCalls = toolCallsOf(output);
  const usage = response.tokenUsage;
  return {
    text,
    ...(json === undefined ? {} : { json }),
    usage: {
      inputTokens: usage?.prompt ?? 0,
      outputTokens: usage?.completion ?? 0,
      cacheReadTokens: usage?.completionDetails?.cacheReadInputTokens ?? 0,
      cacheWriteTokens: usage?.completionDetails?.cacheCreationInputTokens ?? 0,
    },
    latencyMs,
    ...(response.finishReason ? { stopReason: response.finishReason } : {}),
    ...(toolCalls.length ? { toolCalls } : {}),
    modelId,
  };
}

type LoadApiProvider = (
  id: string,
  context?: { options?: Record<string, unknown>; env?: Record<string, unknown> },
) => Promise<ApiProvider>;

let loader: Promise<LoadApiProvider> | undefined;

/**
 * promptfoo's `loadApiProvider`, imported once on first use — through {@link loadPromptfoo}, so
 * telemetry and update checks are off and its folders are ours even outside a run.
 */
async function loadApiProviderLazily(env?: Record<string, string | undefined>): Promise<LoadApiProvider> {
  loader ??= loadPromptfoo(defaultPromptfooSetup(env)).then(
    ({ promptfoo }) => promptfoo.loadApiProvider as unknown as LoadApiProvider,
  );
  return loader;
}

/** Load a promptfoo provider; an unknown id becomes a {@link UserError} naming it. */
export async function loadPromptfooProvider(
  providerId: string,
  config: Record<string, unknown>,
  env?: Record<string, string | undefined>,
): Promise<ApiProvider> {
  const loadApiProvider = await loadApiProviderLazily(env);
  try {
    return await loadApiProvider(providerId, { options: { id: providerId, config }, ...(env ? { env } : {}) });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError('BAD_INPUT', `model "${providerId}": promptfoo cannot load this provider id (${reason})`, {
      cause: error,
    });
  }
}

/**
 * A provider backed by a promptfoo provider id. Rejects up front (a {@link UserError}) when
 * promptfoo does not know the id; one promptfoo provider is loaded per distinct parameter set.
 */
export async function createPromptfooProvider(options: PromptfooProviderOptions): Promise<ModelProvider> {
  const { providerId, env, timeoutMs } = options;
  const base = options.config ?? {};
  const loaded = new Map<string, Promise<ApiProvider>>();
  const providerFor = (config: Record<string, unknown>) => {
    const key = JSON.stringify(config);
    let provider = loaded.get(key);
    if (!provider) {
      provider = loadPromptfooProvider(providerId, config, env);
      loaded.set(key, provider);
    }
    return provider;
  };
  // Fail fast on an unknown id, before any case runs.
  await providerFor(base);

  return {
    id: providerId,
    async call(request: ModelRequest, callOptions?: CallOptions): Promise<ModelResponse> {
      const api = await providerFor(toPromptfooConfig(providerId, request, base));
      const prompt = toPromptfooPrompt(providerId, request);
      const signals = [callOptions?.signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter(
        (s): s is AbortSignal => s !== undefined,
      );
      const abortSignal =
        signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
      const started = performance.now();
      let response: ProviderResponse;
      try {
        response = await api.callApi(
          prompt,
          {
            prompt: { raw: prompt, label: 'gherkin-bench' },
            vars: {},
            bustCache: true,
            ...(callOptions?.repeat === undefined ? {} : { repeatIndex: callOptions.repeat }),
          },
          abortSignal ? { abortSignal } : undefined,
        );
      } catch (error) {
        const name = error instanceof Error ? error.name : 'Error';
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new ProviderError(`${providerId}: ${name}: ${message}`, { retryable: true, cause: error });
      }
      const modelId = typeof api.id === 'function' ? api.id() : providerId;
      return fromPromptfooResponse(providerId, modelId, request, response, Math.round(performance.now() - started));
    },
  };
}
