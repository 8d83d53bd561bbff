/** The provider contract: every model (Bedrock, promptfoo ids, the offline generator) is called this way. */
import type { RetrievedPassage } from '../../knowledge/passages.js';
import type { DraftProblem } from '../draft-check.js';

/** Token usage of one call. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/** One block of a message: text, a model's tool call, or the result of one. */
export type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'toolUse'; toolUseId: string; name: string; input: unknown }
  | { type: 'toolResult'; toolUseId: string; content: string; status?: 'success' | 'error' };

/** One chat message; a string is shorthand for one text block (and is keyed and sent as before). */
export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string | ContentBlock[];
}

/** A tool the model may call (sent as a Converse `toolSpec` or an OpenAI function). */
export interface ToolSpec {
  name: string;
  description?: string;
  /** The JSON schema of the tool's input. */
  inputSchema: Record<string, unknown>;
}

/** A tool call in a model's reply. */
export interface ToolCall {
  toolUseId: string;
  name: string;
  input: unknown;
}

/** Sampling parameters. */
export interface ModelParams {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
}

/**
 * The structured inputs a prompt was rendered from. Only the offline reference generator reads
 * them (an LLM reads the rendered prompt); they hold exactly what the variant put in the prompt.
 */
export interface GenerationContext {
  /** Which call of the chain this is (`single`, `analysis`, `gherkin`, or a new step's call name). */
  step: string;
  requirement: string;
  /** Service and resource type, when the variant tells the model. */
  service?: string;
  resourceType?: string;
  /** Retrieved API passages (RAG on), else absent. */
  passages?: RetrievedPassage[];
  /** Few-shot exemplars (k > 0), else absent. */
  exemplars?: { id: string; requirement: string; gherkin: string }[];
  /** Step 1's analysis (CoT step 2 only). */
  analysis?: unknown;
  /** The draft being revised (repair rounds only). */
  draft?: string;
  /** The checker's problems of that draft (repair rounds only). */
  problems?: DraftProblem[];
  /** The agent's tool results so far, in order (agent turns only). */
  toolResults?: { name: string; input: unknown; isError: boolean; value?: unknown }[];
}

/** One retrieved operation, as the knowledge base returns it and a prompt shows it (defined in knowledge). */
export type { RetrievedPassage } from '../../knowledge/passages.js';

/** A request to a model. */
export interface ModelRequest {
  system?: string;
  messages: ModelMessage[];
  params: ModelParams;
  /**
   * Ask for structured output following this JSON schema (tool use on Bedrock, JSON mode
   * elsewhere). The reply's parsed object is in `ModelResponse.json`.
   */
  jsonSchema?: { name: string; description?: string; schema: Record<string, unknown> };
  /** Tools the model may call (its replies then carry `toolCalls`). */
  tools?: ToolSpec[];
  /** The system prompt is a static prefix worth a prompt-cache point where the model supports it. */
  cacheSystemPrompt?: boolean;
  context?: GenerationContext;
}

/** A model's reply. */
export interface ModelResponse {
  text: string;
  /** The structured reply when `jsonSchema` was asked for and the model gave one. */
  json?: unknown;
  usage: Usage;
  latencyMs: number;
  /** Why the model stopped, as the provider says it (`end_turn`, `tool_use`, `max_tokens`, `stop`, …). */
  stopReason?: string;
  /** The tool calls of the reply, in order (absent when none). */
  toolCalls?: ToolCall[];
  /** The model that answered, as the provider names it. */
  modelId: string;
  /** True when this reply came from gherkin-bench's cache. */
  cached?: boolean;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  /** The case's repeat index: part of the cache key, so repeats are distinct samples. */
  repeat?: number;
  /** The case's key (or any label of the case), named in errors such as a replay cache miss; not part of the cache key. */
  caseId?: string;
}

/**
 * A model. `call` rejects with a {@link ProviderError} on failure (after the provider's own retries);
 * the chain records that error on the case and the run goes on.
 */
export interface ModelProvider {
  /** The model id as the experiment names it, e.g. `bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0`. */
  readonly id: string;
  /** A fingerprint of the provider's own behaviour (e.g. the offline generator's code); part of the cache key when set. */
  readonly version?: string;
  call(request: ModelRequest, options?: CallOptions): Promise<ModelResponse>;
}

/** A provider failure, recorded on the case. */
export class ProviderError extends Error {
  readonly retryable: boolean;
  readonly status?: number;
  constructor(message: string, options: { retryable: boolean; status?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.retryable = options.retryable;
    this.status = options.status;
  }
}
