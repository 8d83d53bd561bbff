/**
 * A fake Amazon Bedrock Runtime for tests: an HTTP/1.1 server on 127.0.0.1 that speaks the Converse
 * wire protocol (restJson1) exactly as the real `@aws-sdk/client-bedrock-runtime` sends it, so tests
 * run the real, signing SDK client through its endpoint override, over the keep-alive HTTP/1.1
 * transport gherkin-bench gives it (providers/bedrock.ts) — no mocks.
 *
 * Wire format (from the SDK's own schemas): `POST /model/{modelId}/converse`, JSON body
 * `{ messages, system, inferenceConfig, toolConfig }`; a reply is
 * `{ output: { message: { role, content } }, stopReason, usage, metrics: { latencyMs } }`; an error
 * is an HTTP status with the `x-amzn-errortype` header (`Name:namespace`) and `{ "message": … }`.
 *
 * Scripting: `enqueue()` replies (taken first-in first-out, optionally per model), or `respond()`
 * with a function of the request; otherwise replies are derived from the request (an echo of the
 * last user message, or a tool use whose input is sampled from the tool's JSON schema).
 *
 * @example
 * const fake = await startFakeBedrock();
 * fake.enqueue(reply.throttle(), reply.text('Feature: x'));
 * const provider = fakeBedrockProvider(fake); // the real SDK, pointed at the fake
 * await provider.call(request); // the SDK retries once; fake.calls === 2
 * await fake.close();
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type BedrockProviderOptions, createBedrockProvider } from '../../src/generation/providers/bedrock.js';
import type { ModelProvider } from '../../src/generation/providers/types.js';

/** Fake credentials for tests: never real, never read from the environment. */
export const FAKE_CREDENTIALS = {
  accessKeyId: 'AKIDFAKEGHERKINBENCH',
  secretAccessKey: 'fake-secret-key-for-tests-only',
} as const;

/** Token usage fields as Converse returns them. */
export interface FakeUsage {
  inputTokens?: number;
  outputTokens?: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

/** The model id tests use when any Bedrock model will do. */
export const FAKE_MODEL_ID = 'anthropic.claude-3-5-haiku-20241022-v1:0';

/**
 * The Bedrock Converse provider (the real SDK) pointed at a running fake: us-east-1, fake
 * credentials, `modelId` (default {@link FAKE_MODEL_ID}) and any other options over those.
 */
export function fakeBedrockProvider(
  fake: Pick<FakeBedrock, 'url'>,
  modelId: string = FAKE_MODEL_ID,
  extra: Partial<BedrockProviderOptions> = {},
): ModelProvider {
  return createBedrockProvider({
    modelId,
    region: 'us-east-1',
    endpoint: fake.url,
    credentials: FAKE_CREDENTIALS,
    ...extra,
  });
}

/** One scripted reply. */
export type FakeReply =
  /** A normal text reply. */
  | { type: 'text'; text: string; stopReason?: string; usage?: FakeUsage; delayMs?: number }
  /** A tool-use reply (structured output): `stopReason: 'tool_use'`, content `toolUse`. */
  | { type: 'tool'; input: unknown; name?: string; text?: string; usage?: FakeUsage; delayMs?: number }
  /** An AWS error: status + `x-amzn-errortype` + `{ message }`. */
  | { type: 'error'; error: string; status?: number; message?: string; delayMs?: number }
  /** Never answer (the client's timeout must fire). */
  | { type: 'hang' }
  /** Any raw body (e.g. malformed JSON) with a status. */
  | { type: 'raw'; body: string; status?: number; contentType?: string; delayMs?: number }
  /** Send the start of a valid body, then drop the connection mid-reply. */
  | { type: 'truncate'; body?: string };

/** Default HTTP status of the Bedrock Runtime errors (from the SDK's error schemas). */
const ERROR_STATUS: Record<string, number> = {
  ThrottlingException: 429,
  ServiceUnavailableException: 503,
  InternalServerException: 500,
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ModelTimeoutException: 408,
  ModelNotReadyException: 429,
  ModelErrorException: 424,
  ServiceQuotaExceededException: 400,
};

/** Builders for scripted replies. */
export const reply = {
  /** A text reply. */
  text: (
    text: string,
    extra: Partial<Omit<Extract<FakeReply, { type: 'text' }>, 'type' | 'text'>> = {},
  ): FakeReply => ({
    type: 'text',
    text,
    ...extra,
  }),
  /** A tool-use reply carrying `input` (the structured output). */
  tool: (
    input: unknown,
    extra: Partial<Omit<Extract<FakeReply, { type: 'tool' }>, 'type' | 'input'>> = {},
  ): FakeReply => ({
    type: 'tool',
    input,
    ...extra,
  }),
  /** A named AWS error (status defaults to the service's). */
  error: (error: string, message = `${error} from fake Bedrock`, status?: number): FakeReply => ({
    type: 'error',
    error,
    message,
    ...(status === undefined ? {} : { status }),
  }),
  /** `ThrottlingException` (429). */
  throttle: (): FakeReply => reply.error('ThrottlingException', 'Too many requests, please wait before trying again.'),
  /** `ServiceUnavailableException` (503). */
  unavailable: (): FakeReply => reply.error('ServiceUnavailableException', 'Service unavailable.'),
  /** `InternalServerException` (500). */
  internal: (): FakeReply => reply.error('InternalServerException', 'Internal server error.'),
  /** Never answer. */
  hang: (): FakeReply => ({ type: 'hang' }),
  /** A 200 whose body is not JSON. */
  malformed: (body = '{"output": {"message": {"role": "assistant", "content": [{"text": "cut'): FakeReply => ({
    type: 'raw',
    body,
  }),
  /** A reply whose connection drops half way through the body. */
  truncated: (): FakeReply => ({ type: 'truncate' }),
};

/** The Converse request body the SDK sends (the fields tests look at). */
export interface ConverseBody {
  messages?: { role: string; content: Record<string, unknown>[] }[];
  system?: Record<string, unknown>[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  toolConfig?: {
    tools?: { toolSpec?: { name: string; description?: string; inputSchema?: { json?: unknown } } }[];
    toolChoice?: Record<string, unknown>;
  };
  [key: string]: unknown;
}

/** One request the fake received. */
export interface FakeRequest {
  /** The model id or inference profile, URL-decoded. */
  modelId: string;
  method: string;
  path: string;
  /** All request headers (lower-case names), including `authorization` so tests can check signing. */
  headers: Record<string, string>;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: ConverseBody | undefined;
  rawBody: string;
}

/** A reply function: return a reply, or undefined to fall back to the request-derived default. */
export type FakeResponder = (request: FakeRequest) => FakeReply | undefined | Promise<FakeReply | undefined>;

/** A running fake Bedrock Runtime. */
export interface FakeBedrock {
  /** `http://127.0.0.1:<port>`: pass as the client's endpoint. */
  readonly url: string;
  /** Requests answered or pending, in arrival order. */
  readonly requests: FakeRequest[];
  /** Total number of requests received. */
  readonly calls: number;
  /** Client connections (TCP) opened so far. */
  readonly connectionsOpened: number;
  /** Requests received for one model id. */
  callsFor(modelId: string): number;
  /** Queue replies for any model (used after that model's own queue). */
  enqueue(...replies: FakeReply[]): void;
  /** Queue replies for one model id. */
  enqueueFor(modelId: string, ...replies: FakeReply[]): void;
  /** Answer with a function of the request when the queues are empty. */
  respond(responder: FakeResponder | undefined): void;
  /** Forget requests, queues, responder and prompt-cache state. */
  reset(): void;
  /** Stop the server, dropping open connections and pending (hanging) replies. */
  close(): Promise<void>;
}

/** Start a fake Bedrock Runtime on 127.0.0.1 on a random free port. */
export async function startFakeBedrock(): Promise<FakeBedrock> {
  const requests: FakeRequest[] = [];
  const queues = new Map<string, FakeReply[]>();
  const anyQueue: FakeReply[] = [];
  const cachedPrefixes = new Set<string>();
  let responder: FakeResponder | undefined;

  // Idle keep-alive connections stay open for the client to re-use, as Bedrock's do.
  const server = http.createServer({ keepAliveTimeout: 60_000 });
  let connectionsOpened = 0;
  server.on('connection', (socket: Socket) => {
    connectionsOpened++;
    socket.on('error', () => {});
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => {});
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, rawBody: string) {
    const { headers } = req;
    const path = req.url ?? '';
    const method = req.method ?? '';
    const match = /^\/model\/([^/]+)\/converse$/.exec(path.split('?')[0] ?? '');
    const modelId = match?.[1] ? decodeURIComponent(match[1]) : '';
    let body: ConverseBody | undefined;
    try {
      body = JSON.parse(rawBody) as ConverseBody;
    } catch {
      body = undefined;
    }
    const flatHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) flatHeaders[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const request: FakeRequest = { modelId, method, path, headers: flatHeaders, body, rawBody };
    requests.push(request);
    if (!match || method !== 'POST') {
      send(res, { type: 'error', error: 'UnknownOperationException', status: 404, message: `no route ${path}` });
      return;
    }
    const scripted = queues.get(modelId)?.shift() ?? anyQueue.shift() ?? (await responder?.(request));
    const chosen = scripted ?? derive(request);
    const delay = 'delayMs' in chosen ? (chosen.delayMs ?? 0) : 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    send(res, chosen, request);
  }

  function send(res: http.ServerResponse, answer: FakeReply, request?: FakeRequest) {
    if (res.destroyed || res.writableEnded) return;
    const requestId = `fake-${requests.length}`;
    switch (answer.type) {
      case 'hang':
        // Never answered: the connection stays open until the client gives up or the fake closes.
        return;
      case 'error': {
        const status = answer.status ?? ERROR_STATUS[answer.error] ?? 400;
        res.writeHead(status, {
          'content-type': 'application/json',
          'x-amzn-errortype': `${answer.error}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
          'x-amzn-requestid': requestId,
        });
        res.end(JSON.stringify({ message: answer.message ?? answer.error }));
        return;
      }
      case 'raw':
        res.writeHead(answer.status ?? 200, {
          'content-type': answer.contentType ?? 'application/json',
          'x-amzn-requestid': requestId,
        });
        res.end(answer.body);
        return;
      case 'truncate': {
        // Half of the promised body, then the connection drops.
        const full = answer.body ?? JSON.stringify(converseReply(reply.text('x'.repeat(4000)) as TextReply, request));
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(full),
          'x-amzn-requestid': requestId,
        });
        res.write(full.slice(0, Math.floor(full.length / 2)), () => res.socket?.destroy());
        return;
      }
      default:
        res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': requestId });
        res.end(JSON.stringify(converseReply(answer, request)));
    }
  }

  type TextReply = Extract<FakeReply, { type: 'text' | 'tool' }>;

  function converseReply(answer: TextReply, request: FakeRequest | undefined): Record<string, unknown> {
    const content: Record<string, unknown>[] = [];
    let outText = '';
    if (answer.type === 'text') {
      content.push({ text: answer.text });
      outText = answer.text;
    } else {
      if (answer.text) content.push({ text: answer.text });
      const name = answer.name ?? request?.body?.toolConfig?.tools?.[0]?.toolSpec?.name ?? 'output';
      content.push({ toolUse: { toolUseId: `tooluse_fake${requests.length}`, name, input: answer.input } });
      outText = (answer.text ?? '') + JSON.stringify(answer.input);
    }
    const usage = { ...estimateUsage(request, outText), ...answer.usage };
    const inputTokens = usage.inputTokens ?? 0;
    const outputTokens = usage.outputTokens ?? 0;
    return {
      output: { message: { role: 'assistant', content } },
      stopReason: answer.type === 'tool' ? 'tool_use' : (answer.stopReason ?? 'end_turn'),
      usage: {
        inputTokens,
        outputTokens,
        totalTokens:
          inputTokens + outputTokens + (usage.cacheReadInputTokens ?? 0) + (usage.cacheWriteInputTokens ?? 0),
        ...(usage.cacheReadInputTokens === undefined ? {} : { cacheReadInputTokens: usage.cacheReadInputTokens }),
        ...(usage.cacheWriteInputTokens === undefined ? {} : { cacheWriteInputTokens: usage.cacheWriteInputTokens }),
      },
      metrics: { latencyMs: 'delayMs' in answer ? (answer.delayMs ?? 1) : 1 },
    };
  }

  /**
   * Token counts derived from the request (about 4 characters a token). A system prompt followed
   * by a `cachePoint` block is a cache write the first time the fake sees it and a read afterwards.
   */
  function estimateUsage(request: FakeRequest | undefined, outText: string): FakeUsage {
    const tokens = (text: string) => Math.ceil(text.length / 4);
    const body = request?.body;
    const system = body?.system ?? [];
    const cutAt = system.findIndex((block) => 'cachePoint' in block);
    const textOf = (blocks: Record<string, unknown>[]) =>
      blocks.map((b) => (typeof b.text === 'string' ? b.text : '')).join('');
    const prefix = cutAt >= 0 ? textOf(system.slice(0, cutAt)) : '';
    const rest =
      textOf(cutAt >= 0 ? system.slice(cutAt + 1) : system) +
      (body?.messages ?? []).map((m) => textOf(m.content)).join('');
    const usage: FakeUsage = { inputTokens: tokens(rest), outputTokens: tokens(outText) };
    if (cutAt >= 0) {
      const key = `${request?.modelId}\u0000${prefix}`;
      if (cachedPrefixes.has(key)) usage.cacheReadInputTokens = tokens(prefix);
      else {
        cachedPrefixes.add(key);
        usage.cacheWriteInputTokens = tokens(prefix);
      }
    }
    return usage;
  }

  /** The request-derived default: a tool use when a tool is offered, else an echo. */
  function derive(request: FakeRequest): FakeReply {
    const tool = request.body?.toolConfig?.tools?.[0]?.toolSpec;
    if (tool) return { type: 'tool', name: tool.name, input: sampleFromSchema(tool.inputSchema?.json) };
    const last = request.body?.messages?.at(-1)?.content ?? [];
    const text = last.map((block) => (typeof block.text === 'string' ? block.text : '')).join('');
    return { type: 'text', text: `echo: ${text}` };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connectionsOpened() {
      return connectionsOpened;
    },
    get calls() {
      return requests.length;
    },
    callsFor: (modelId) => requests.filter((r) => r.modelId === modelId).length,
    enqueue: (...replies) => {
      anyQueue.push(...replies);
    },
    enqueueFor: (modelId, ...replies) => {
      const queue = queues.get(modelId) ?? [];
      queue.push(...replies);
      queues.set(modelId, queue);
    },
    respond: (fn) => {
      responder = fn;
    },
    reset: () => {
      requests.length = 0;
      anyQueue.length = 0;
      queues.clear();
      cachedPrefixes.clear();
      responder = undefined;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A minimal value of a JSON schema: required properties filled with typed placeholders. */
export function sampleFromSchema(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return {};
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if ('const' in s) return s.const;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return 'sample';
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0.5;
    case 'integer':
      return typeof s.minimum === 'number' ? s.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return [sampleFromSchema(s.items)];
    case 'null':
      return null;
    default: {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      const required = Array.isArray(s.required) ? (s.required as string[]) : Object.keys(properties);
      return Object.fromEntries(required.map((key) => [key, sampleFromSchema(properties[key])]));
    }
  }
}
