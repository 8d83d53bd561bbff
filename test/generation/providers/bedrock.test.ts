import { describe, expect, it, vi } from 'vitest';
import {
  createBedrockProvider,
  MALFORMED_BODY_RETRIES,
  supportsPromptCaching,
  toConverseInput,
} from '../../../src/generation/providers/bedrock.js';
import { type ModelRequest, ProviderError } from '../../../src/generation/providers/types.js';
import { FAKE_CREDENTIALS, type FakeBedrock, fakeBedrockProvider, reply } from '../../support/fake-bedrock.js';
import { useFakeBedrock } from '../../support/use-fake-bedrock.js';

const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const request: ModelRequest = {
  messages: [{ role: 'user', content: 'Write the control.' }],
  params: { maxTokens: 400 },
};

let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

function provider(modelId = HAIKU, extra: Partial<Parameters<typeof createBedrockProvider>[0]> = {}) {
  return fakeBedrockProvider(fake, modelId, extra);
}

describe('Bedrock Converse provider against the fake runtime (real SDK, HTTP/1.1)', () => {
  it('sends a signed Converse request and reads text, usage, stop reason and latency', async () => {
    fake.enqueue(reply.text('Feature: X', { usage: { inputTokens: 12, outputTokens: 5 } }));
    const response = await provider().call({
      system: 'You are an expert AWS security engineer.',
      messages: [{ role: 'user', content: 'hello' }],
      params: { temperature: 0.2, topP: 0.9, maxTokens: 300 },
    });
    expect(response).toMatchObject({
      text: 'Feature: X',
      modelId: HAIKU,
      stopReason: 'end_turn',
      usage: { inputTokens: 12, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0 },
    });
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
    expect(fake.callsFor(HAIKU)).toBe(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe(`/model/${encodeURIComponent(HAIKU)}/converse`);
    expect(sent.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDFAKEGHERKINBENCH\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/,
    );
    expect(sent.body).toMatchObject({
      system: [{ text: 'You are an expert AWS security engineer.' }],
      messages: [{ role: 'user', content: [{ text: 'hello' }] }],
      inferenceConfig: { temperature: 0.2, topP: 0.9, maxTokens: 300 },
    });
    expect(sent.body?.toolConfig).toBeUndefined();
  });

  it('puts a cache point after the system prompt only for models that support prompt caching', async () => {
    const cached = { ...request, system: 'static prefix '.repeat(50), cacheSystemPrompt: true };
    const first = await provider().call(cached);
    const second = await provider().call(cached);
    expect(fake.requests[0]!.body?.system).toEqual([{ text: cached.system }, { cachePoint: { type: 'default' } }]);
    expect(first.usage.cacheWriteTokens).toBeGreaterThan(0);
    expect(second.usage.cacheReadTokens).toBe(first.usage.cacheWriteTokens);
    await provider('meta.llama3-1-8b-instruct-v1:0').call(cached);
    expect(fake.requests[2]!.body?.system).toEqual([{ text: cached.system }]);
    expect(supportsPromptCaching('us.anthropic.claude-sonnet-4-20250514-v1:0')).toBe(true);
    expect(supportsPromptCaching('anthropic.claude-3-5-sonnet-20240620-v1:0')).toBe(false);
  });

  it('asks for structured output with one forced tool and returns the tool input as json', async () => {
    const schema = { type: 'object', properties: { score: { type: 'integer' } }, required: ['score'] };
    fake.enqueue(reply.tool({ score: 4 }));
    const response = await provider().call({ ...request, jsonSchema: { name: 'verdict', schema } });
    expect(response.json).toEqual({ score: 4 });
    expect(response.stopReason).toBe('tool_use');
    expect(JSON.parse(response.text)).toEqual({ score: 4 });
    expect(fake.requests[0]!.body?.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'verdict', description: expect.any(String), inputSchema: { json: schema } } }],
      toolChoice: { tool: { name: 'verdict' } },
    });
  });

  it('offers the tool without forcing it where AWS documents no forced choice, and parses JSON from text', async () => {
    const jsonSchema = { name: 'verdict', schema: { type: 'object', properties: { score: { type: 'integer' } } } };
    fake.enqueue(
      reply.text('Here it is: {"score": 2}'),
      reply.text('```json\n{"score": 1}\n```'),
      reply.tool({ score: 5 }),
    );
    const llama = await provider('meta.llama3-1-70b-instruct-v1:0').call({ ...request, system: 'S', jsonSchema });
    expect(llama.json).toEqual({ score: 2 });
    expect(fake.requests[0]!.body?.toolConfig?.toolChoice).toBeUndefined();
    expect(fake.requests[0]!.body?.toolConfig?.tools).toHaveLength(1);
    expect(fake.requests[0]!.body?.system?.[0]?.text).toMatch(/^S\n\nAnswer with only a JSON object/);
    const titan = await provider('amazon.titan-text-express-v1').call({ ...request, jsonSchema });
    expect(titan.json).toEqual({ score: 1 });
    expect(fake.requests[1]!.body?.toolConfig).toBeUndefined();
    await provider('mistral.mistral-large-2407-v1:0').call({ ...request, jsonSchema });
    expect(fake.requests[2]!.body?.toolConfig?.toolChoice).toEqual({ any: {} });
    expect(fake.requests[2]!.body?.system).toBeUndefined();
  });

  it('retries throttling and 5xx with the SDK retry strategy, then succeeds', async () => {
    fake.enqueue(reply.throttle(), reply.unavailable(), reply.text('ok'));
    const response = await provider().call(request);
    expect(response.text).toBe('ok');
    expect(fake.calls).toBe(3);
  });

  it('gives up after maxAttempts with a retryable ProviderError carrying the status', async () => {
    fake.enqueue(reply.internal(), reply.internal());
    const error = await provider(HAIKU, { maxAttempts: 2 })
      .call(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: true, status: 500 });
    expect((error as Error).message).toMatch(/InternalServerException.*HTTP 500.*after 2 attempts/);
    expect(fake.calls).toBe(2);
  });

  it('reports a throttled-out call as retryable 429 and a validation error as not retryable', async () => {
    fake.enqueue(reply.throttle());
    await expect(provider(HAIKU, { maxAttempts: 1 }).call(request)).rejects.toMatchObject({
      name: 'ProviderError',
      retryable: true,
      status: 429,
    });
    fake.enqueue(reply.error('ValidationException', 'The model returned the following errors: bad'));
    const error = await provider()
      .call(request)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, status: 400 });
    expect(fake.calls).toBe(2);
  });

  it('times out a call that never answers (and the SDK retries a timeout once per attempt)', async () => {
    fake.enqueue(reply.hang(), reply.hang());
    const error = await provider(HAIKU, { timeoutMs: 300, maxAttempts: 2 })
      .call(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toMatch(/timed out \(no reply within 300 ms\)/);
    expect((error as ProviderError).retryable).toBe(true);
    expect(fake.calls).toBe(2);
  });

  it('tries a malformed or cut-off body again (the SDK does not), then succeeds', async () => {
    fake.enqueue(reply.malformed(), reply.truncated());
    const answer = await provider().call(request);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(fake.calls).toBe(3);
  });

  it('turns a body that stays malformed into a ProviderError after a bounded number of tries', async () => {
    // (A cut-off body is a dropped connection over HTTP/1.1: the SDK itself retries that.)
    fake.enqueue(reply.malformed(), reply.malformed(), reply.malformed(), reply.malformed());
    await expect(provider().call(request)).rejects.toThrow(/malformed response body/);
    expect(fake.calls).toBe(1 + MALFORMED_BODY_RETRIES);
  });

  it('reports an unreachable endpoint as a retryable ProviderError', async () => {
    const error = await provider(HAIKU, { endpoint: 'http://127.0.0.1:9', maxAttempts: 1 })
      .call(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: true });
    expect((error as Error).message).toMatch(/^bedrock:anthropic\.claude-3-5-haiku-20241022-v1:0: /);
  });

  it('stops when the caller aborts', async () => {
    fake.enqueue(reply.hang());
    const controller = new AbortController();
    const pending = provider().call(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/aborted/);
  });

  it('addresses inference profiles and takes the region of an ARN', async () => {
    const arn = 'arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-lite-v1:0';
    await createBedrockProvider({ modelId: arn, endpoint: fake.url, credentials: FAKE_CREDENTIALS }).call(request);
    expect(fake.requests[0]!.modelId).toBe(arn);
    expect(fake.requests[0]!.headers.authorization).toContain('/eu-west-1/bedrock/aws4_request');
  });

  it('the SDK itself honours AWS_ENDPOINT_URL_BEDROCK_RUNTIME when no endpoint is given', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', fake.url);
    try {
      const response = await createBedrockProvider({
        modelId: HAIKU,
        region: 'us-west-2',
        credentials: FAKE_CREDENTIALS,
      }).call(request);
      expect(response.text).toBe('echo: Write the control.');
      expect(fake.calls).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('explains a missing region instead of calling anywhere', async () => {
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE']) vi.stubEnv(name, undefined);
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/gherkin-bench/config');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/gherkin-bench/credentials');
    try {
      const error = await createBedrockProvider({ modelId: HAIKU, endpoint: fake.url, credentials: FAKE_CREDENTIALS })
        .call(request)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).retryable).toBe(false);
      expect((error as Error).message).toMatch(/region/i);
      expect((error as Error).message).toContain('AWS_REGION');
      expect(fake.calls).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('builds no cache point when the request does not ask for one', () => {
    expect(toConverseInput(HAIKU, { ...request, system: 's' }).system).toEqual([{ text: 's' }]);
  });
});
