/**
 * Amazon Bedrock, directly on the Converse API of `@aws-sdk/client-bedrock-runtime`.
 *
 * The client is the SDK's own: SigV4 signing with the default credential chain unless credentials
 * are given, adaptive retries on throttling and 5xx, a per-attempt timeout, and an endpoint
 * override (tests point it at a fake server). Its transport is the SDK's HTTP/1.1 handler with
 * keep-alive connections, not the Bedrock Runtime client's default HTTP/2 one: Node writes an
 * HTTP/2 request out only once the event-loop turn that made it ends, so when a burst of replies
 * frees many cases at once every next request waited for the whole burst (see
 * {@link bedrockRequestHandler}).
 * Nothing here reads the environment: the registry passes region and endpoint in.
 */
import {
  BedrockRuntimeClient,
  type BedrockRuntimeClientConfig,
  type ContentBlock as ConverseBlock,
  ConverseCommand,
  type ConverseCommandInput,
  type ConverseCommandOutput,
  type Tool,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { messageBlocks } from './messages.js';
import { parseJsonFromText, withJsonInstruction } from './structured.js';
import {
  type CallOptions,
  type ContentBlock,
  type ModelProvider,
  type ModelRequest,
  type ModelResponse,
  ProviderError,
  type ToolCall,
  type ToolSpec,
} from './types.js';

/** Options of {@link createBedrockProvider}. */
export interface BedrockProviderOptions {
  /** A model id (`anthropic.claude-3-5-haiku-20241022-v1:0`), inference profile id (`us.…`) or ARN. */
  modelId: string;
  /** AWS region; default: from an ARN model id, else the SDK's chain (AWS_REGION, profile). */
  region?: string;
  /** Endpoint override (e.g. `http://127.0.0.1:4566`); default: the regional Bedrock Runtime. */
  endpoint?: string;
  /** Timeout of one attempt in ms (no reply within it → TimeoutError, retried); default 180 000. */
  timeoutMs?: number;
  /** Attempts including the first, with the SDK's adaptive retry; default 6. */
  maxAttempts?: number;
  /** Named profile of the shared AWS config files (AWS_PROFILE); default: the SDK's choice. */
  profile?: string;
  /** Explicit credentials or provider; default: the SDK's default credential chain. Never logged. */
  credentials?: BedrockRuntimeClientConfig['credentials'];
}

/** Default per-attempt timeout (ms). */
export const DEFAULT_BEDROCK_TIMEOUT_MS = 180_000;
/** Default attempts (first try + retries). */
export const DEFAULT_BEDROCK_MAX_ATTEMPTS = 6;

/**
 * The Bedrock client's transport: HTTP/1.1 over keep-alive connections (one per call in flight,
 * re-used by later calls; no cap, since the run's concurrency bounds the calls), and the
 * per-attempt timeout as an error the SDK retries. The Bedrock Runtime client's default is
 * HTTP/2, where every call of a session shares one connection and Node sends a request's frames
 * only when the JavaScript turn that made it ends: the replies of a burst are all read in one
 * turn, and the requests the freed cases make wait for all of them, wave after wave. Over HTTP/1.1
 * each request is written to its own socket as soon as it is made. Measured against a local fake
 * answering after 200 ms, the bare SDK at 32 calls in flight: 0.93–0.96 of the ideal C / L over
 * HTTP/2, 0.95–0.97 over HTTP/1.1 (README, Performance). Converse needs no HTTP/2: only the
 * bidirectional event streams do, which gherkin-bench does not use.
 */
export function bedrockRequestHandler(timeoutMs: number): NodeHttpHandler {
  const agent = { keepAlive: true, maxSockets: Number.POSITIVE_INFINITY };
  return new NodeHttpHandler({
    requestTimeout: timeoutMs,
    throwOnRequestTimeout: true,
    httpAgent: agent,
    httpsAgent: agent,
  });
}

/**
 * Model-id patterns of the Bedrock models that accept a Converse `cachePoint` after the system
 * prompt (Bedrock prompt caching, as documented by AWS for Claude 3.5 Haiku, 3.7 Sonnet and the
 * Claude 4 / 4.5 family, and Amazon Nova). Matched anywhere in the id, so inference profiles
 * (`us.anthropic.…`) and ARNs match too. Others get no cache point (it would be rejected).
 */
export const PROMPT_CACHING_MODELS: readonly RegExp[] = [
  /anthropic\.claude-3-5-haiku/,
  /anthropic\.claude-3-7-sonnet/,
  /anthropic\.claude-(sonnet|opus|haiku)-4/,
  /amazon\.nova-(micro|lite|pro|premier)/,
];

/** True when the model supports a Converse prompt-cache point. */
export function supportsPromptCaching(modelId: string): boolean {
  return PROMPT_CACHING_MODELS.some((pattern) => pattern.test(modelId));
}

/** The region named in an ARN model id (`arn:aws:bedrock:us-west-2:…`), if any. */
export function regionOfArn(modelId: string): string | undefined {
  const match = /^arn:aws[\w-]*:bedrock:([a-z0-9-]+):/.exec(modelId);
  return match?.[1] || undefined;
}

/**
 * How a model is asked for structured output on Converse. AWS documents the forced choice of one
 * tool (`toolChoice.tool`) for Anthropic Claude 3+ and Amazon Nova, `toolChoice.any` for Mistral
 * Large; other tool-using models get the tool offered (`auto`) plus a JSON instruction; models
 * without tool use (Titan, older Llama) get only the instruction, and the JSON is parsed from text.
 */
export type StructuredOutputMode = 'tool' | 'any' | 'auto' | 'prompt';

/** Model-id patterns per structured-output mode (first match wins; default `prompt`). */
export const STRUCTURED_OUTPUT_MODES: readonly [RegExp, StructuredOutputMode][] = [
  [/anthropic\.claude-(3|sonnet-4|opus-4|haiku-4)/, 'tool'],
  [/amazon\.nova-/, 'tool'],
  [/mistral\.mistral-large/, 'any'],
  [/meta\.llama3-[1-9]|meta\.llama4|cohere\.command-r|ai21\.jamba|mistral\./, 'auto'],
];

/** The structured-output mode of a model id (inference profiles and ARNs match too). */
export function structuredOutputMode(modelId: string): StructuredOutputMode {
  return STRUCTURED_OUTPUT_MODES.find(([pattern]) => pattern.test(modelId))?.[1] ?? 'prompt';
}

/** One content block as Converse takes it. */
function toConverseBlock(block: ContentBlock): ConverseBlock {
  if (block.type === 'text') return { text: block.text };
  if (block.type === 'toolUse')
    // The SDK types tool input as a DocumentType; any JSON value is one.
    return { toolUse: { toolUseId: block.toolUseId, name: block.name, input: block.input as never } };
  return {
    toolResult: {
      toolUseId: block.toolUseId,
      content: [{ text: block.content }],
      ...(block.status === undefined ? {} : { status: block.status }),
    },
  };
}

function toConverseTool(tool: ToolSpec): Tool {
  return {
    toolSpec: {
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      // The SDK types this as a DocumentType; a JSON schema object is one.
      inputSchema: { json: tool.inputSchema as never },
    },
  };
}

/**
 * Build the Converse input for a request (exported for tests and the docs). `structured` overrides
 * the model's structured-output mode (batch jobs ask in words: see {@link toBatchModelInput}).
 */
export function toConverseInput(
  modelId: string,
  request: ModelRequest,
  structured: StructuredOutputMode = structuredOutputMode(modelId),
): ConverseCommandInput {
  const input: ConverseCommandInput = {
    modelId,
    messages: request.messages.map((message) => ({
      role: message.role,
      content: messageBlocks(message).map(toConverseBlock),
    })),
  };
  const mode = request.jsonSchema ? structured : undefined;
  const system =
    request.jsonSchema && (mode === 'auto' || mode === 'prompt')
      ? withJsonInstruction(request.system, request.jsonSchema)
      : request.system;
  if (system) {
    input.system = [{ text: system }];
    if (request.cacheSystemPrompt && supportsPromptCaching(modelId))
      input.system.push({ cachePoint: { type: 'default' } });
  }
  const { temperature, topP, maxTokens } = request.params;
  if (temperature !== undefined || topP !== undefined || maxTokens !== undefined) {
    input.inferenceConfig = {
      ...(temperature === undefined ? {} : { temperature }),
      ...(topP === undefined ? {} : { topP }),
      ...(maxTokens === undefined ? {} : { maxTokens }),
    };
  }
  const tools = (request.tools ?? []).map(toConverseTool);
  if (request.jsonSchema && mode !== 'prompt') {
    const { name, description, schema } = request.jsonSchema;
    input.toolConfig = {
      tools: [
        ...tools,
        toConverseTool({
          name,
          description: description ?? `Return the ${name} as a JSON object matching the schema.`,
          inputSchema: schema,
        }),
      ],
      ...(mode === 'tool' ? { toolChoice: { tool: { name } } } : mode === 'any' ? { toolChoice: { any: {} } } : {}),
    };
  } else if (tools.length) input.toolConfig = { tools };
  return input;
}

/** Read a Converse output into a {@link ModelResponse}. */
export function fromConverseOutput(
  modelId: string,
  request: ModelRequest,
  output: ConverseCommandOutput,
  latencyMs: number,
): ModelResponse {
  const blocks = output.output?.message?.content ?? [];
  const text = blocks.map((block) => block.text ?? '').join('');
  const toolCalls: ToolCall[] = blocks.flatMap((block) =>
    block.toolUse
      ? [{ toolUseId: block.toolUse.toolUseId ?? '', name: block.toolUse.name ?? '', input: block.toolUse.input }]
      : [],
  );
  let json: unknown;
  if (request.jsonSchema) {
    const toolUse =
      blocks.find((block) => block.toolUse?.name === request.jsonSchema?.name) ?? blocks.find((b) => b.toolUse);
    json = toolUse?.toolUse ? toolUse.toolUse.input : parseJsonFromText(text);
  }
  const usage = output.usage;
  return {
    text: text === '' && json !== undefined ? JSON.stringify(json) : text,
    ...(json === undefined ? {} : { json }),
    usage: {
      inputTokens: usage?.inputTokens ?? 0,
      outputTokens: usage?.outputTokens ?? 0,
      cacheReadTokens: usage?.cacheReadInputTokens ?? 0,
      cacheWriteTokens: usage?.cacheWriteInputTokens ?? 0,
    },
    latencyMs,
    ...(output.stopReason === undefined ? {} : { stopReason: output.stopReason }),
    ...(toolCalls.length ? { toolCalls } : {}),
    modelId,
  };
}

/**
 * True when a request can go into a batch job of the Converse invocation type. AWS documents that
 * such jobs do not support tool calling (a record with `toolConfig` fails with a 400), so requests
 * that offer tools (agent turns) run on demand.
 */
export function isBatchable(request: ModelRequest): boolean {
  return !request.tools?.length;
}

/**
 * The `modelInput` of a batch record (a job of the Converse invocation type): the Converse request
 * body without `modelId` (the job names the model). Structured output is asked for in words (the
 * JSON instruction in the system prompt, the `prompt` mode), since batch Converse records may not
 * carry `toolConfig`; {@link fromConverseOutput} then finds the JSON in the reply's text.
 */
export function toBatchModelInput(modelId: string, request: ModelRequest): Omit<ConverseCommandInput, 'modelId'> {
  const { modelId: _named, ...body } = toConverseInput(modelId, request, 'prompt');
  return body;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** A reply whose body could not be read (HTTP 200 but malformed or cut off): the SDK does not retry these. */
function isMalformedBody(error: unknown): boolean {
  const e = (error ?? {}) as SdkErrorShape;
  return e.name === 'SyntaxError' || /Deserialization error/.test(e.message ?? '');
}

/** Extra attempts gherkin-bench makes itself when a reply's body is malformed (bounded). */
export const MALFORMED_BODY_RETRIES = 2;

/** Map an SDK or transport failure to a {@link ProviderError}; the message never carries credentials. */
export function toProviderError(providerId: string, error: unknown, timeoutMs: number): ProviderError {
  const e = (error ?? {}) as SdkErrorShape;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const attempts = e.$metadata?.attempts;
  const after = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
  let retryable = status === undefined || status === 408 || status === 429 || status >= 500;
  let what = `${name}: ${firstLine(e.message)}`;
  if (name === 'TimeoutError') what = `timed out (no reply within ${timeoutMs} ms)`;
  else if (name === 'AbortError') what = 'aborted';
  else if (isMalformedBody(error)) {
    what = `malformed response body (${firstLine(e.message)})`;
    retryable = true;
  } else if (
    status === undefined &&
    (name === 'CredentialsProviderError' || /credential|\bregion\b/i.test(e.message ?? ''))
  ) {
    what = `${name}: ${firstLine(e.message)} (configure AWS credentials and region, e.g. AWS_PROFILE and AWS_REGION)`;
    retryable = false;
  }
  const statusText = status === undefined ? '' : ` (HTTP ${status})`;
  return new ProviderError(`${providerId}: ${what}${statusText}${after}`, {
    retryable,
    ...(status === undefined ? {} : { status }),
    cause: error,
  });
}

function firstLine(message: string | undefined): string {
  return (message ?? '').split('\n')[0]?.trim() ?? '';
}

/** A Bedrock Converse provider with id `bedrock:<modelId>`. */
export function createBedrockProvider(options: BedrockProviderOptions): ModelProvider {
  const { modelId } = options;
  if (!modelId.trim()) throw new TypeError('createBedrockProvider: modelId is empty');
  const id = `bedrock:${modelId}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_BEDROCK_TIMEOUT_MS;
  const region = options.region ?? regionOfArn(modelId);
  const client = new BedrockRuntimeClient({
    ...(region === undefined ? {} : { region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    maxAttempts: options.maxAttempts ?? DEFAULT_BEDROCK_MAX_ATTEMPTS,
    retryMode: 'adaptive',
    requestHandler: bedrockRequestHandler(timeoutMs),
  });

  return {
    id,
    async call(request: ModelRequest, callOptions?: CallOptions): Promise<ModelResponse> {
      const started = performance.now();
      let output: ConverseCommandOutput | undefined;
      for (let attempt = 0; output === undefined; attempt++) {
        try {
          output = await client.send(
            new ConverseCommand(toConverseInput(modelId, request)),
            callOptions?.signal ? { abortSignal: callOptions.signal } : {},
          );
        } catch (error) {
          // The SDK retries throttling, 5xx and timeouts itself; a malformed or cut-off body of a
          // 200 reply it does not, so that alone is tried again here, a bounded number of times.
          const again = isMalformedBody(error) && attempt < MALFORMED_BODY_RETRIES && !callOptions?.signal?.aborted;
          if (!again) throw toProviderError(id, error, timeoutMs);
        }
      }
      return fromConverseOutput(modelId, request, output, Math.round(performance.now() - started));
    },
  };
}
