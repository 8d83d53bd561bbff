import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { createPromptfooProvider, toPromptfooPrompt } from '../../../src/generation/providers/promptfoo.js';
import { type ModelRequest, ProviderError } from '../../../src/generation/providers/types.js';
import { chatCompletion, type LocalChatServer, startLocalChatServer } from '../../support/local-chat-server.js';

// promptfoo keeps its config and cache out of $HOME, phones nobody.
const home = mkdtempSync(join(tmpdir(), 'gb-promptfoo-'));
process.env.PROMPTFOO_DISABLE_TELEMETRY = '1';
process.env.PROMPTFOO_DISABLE_UPDATE = '1';
process.env.PROMPTFOO_CONFIG_DIR = join(home, 'config');
process.env.PROMPTFOO_CACHE_PATH = join(home, 'cache');

const request: ModelRequest = {
  system: 'You are an expert AWS security engineer.',
  messages: [{ role: 'user', content: 'Write the control.' }],
  params: { temperature: 0.3, maxTokens: 256, topP: 0.9 },
};

let local: LocalChatServer;
beforeAll(async () => {
  local = await startLocalChatServer();
});
afterAll(async () => {
  await local.close();
});

describe('promptfoo provider ids through loadApiProvider', () => {
  it('maps a request to JSON chat messages (echo provider)', async () => {
    const provider = await createPromptfooProvider({ providerId: 'echo' });
    const response = await provider.call(request);
    expect(provider.id).toBe('echo');
    expect(JSON.parse(response.text)).toEqual([
      { role: 'system', content: request.system },
      { role: 'user', content: 'Write the control.' },
    ]);
    expect(response.usage).toEqual({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('asks for a JSON object in the system prompt where there is no JSON mode', () => {
    const prompt = JSON.parse(
      toPromptfooPrompt('anthropic:messages:claude', {
        ...request,
        jsonSchema: { name: 'verdict', schema: { type: 'object' } },
      }),
    );
    expect(prompt[0].content).toContain('Answer with only a JSON object');
    expect(prompt[0].content).toContain('"verdict"');
  });

  it('sends messages, parameters and response_format to an OpenAI-compatible provider and reads usage', async () => {
    local.reply = () => ({ status: 200, json: chatCompletion('{"score": 3, "reason": "ok"}') });
    const provider = await createPromptfooProvider({
      providerId: 'openai:chat:gpt-4o-mini',
      config: { apiBaseUrl: `${local.url}/v1`, apiKey: 'sk-test-not-real' },
    });
    const schema = { type: 'object', properties: { score: { type: 'integer' } }, required: ['score'] };
    const response = await provider.call({ ...request, jsonSchema: { name: 'verdict', schema } }, { repeat: 1 });
    expect(response.json).toEqual({ score: 3, reason: 'ok' });
    expect(response.usage).toMatchObject({ inputTokens: 42, outputTokens: 7 });
    expect(response.stopReason).toBe('stop');
    const sent = local.bodies.at(-1)!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: 'Write the control.' },
      ],
      temperature: 0.3,
      max_tokens: 256,
      top_p: 0.9,
      response_format: { type: 'json_schema', json_schema: { name: 'verdict', schema } },
    });
  });

  it('does not reuse promptfoo’s own response cache across repeats', async () => {
    let n = 0;
    local.reply = () => ({ status: 200, json: chatCompletion(`answer ${++n}`) });
    const provider = await createPromptfooProvider({
      providerId: 'openai:chat:gpt-4o-mini',
      config: { apiBaseUrl: `${local.url}/v1`, apiKey: 'sk-test-not-real' },
    });
    const a = await provider.call(request, { repeat: 0 });
    const b = await provider.call(request, { repeat: 1 });
    expect([a.text, b.text]).toEqual(['answer 1', 'answer 2']);
  });

  it("runs promptfoo's http provider and parses JSON out of a prose reply", async () => {
    local.reply = () => ({
      status: 200,
      json: { answer: 'Sure. {"score": 4, "reason": "grounded"} Hope this helps.' },
    });
    const provider = await createPromptfooProvider({
      providerId: 'http',
      config: {
        url: `${local.url}/generate`,
        method: 'POST',
        body: { prompt: '{{prompt}}' },
        transformResponse: 'json.answer',
      },
    });
    const response = await provider.call({ ...request, jsonSchema: { name: 'verdict', schema: { type: 'object' } } });
    expect(response.json).toEqual({ score: 4, reason: 'grounded' });
    const sent = local.bodies.at(-1)!;
    expect(sent.path).toBe('/generate');
    // promptfoo's http provider renders a JSON prompt inside a JSON body as JSON
    const messages = sent.prompt as { role: string; content: string }[];
    expect(messages[0]?.content).toContain('Answer with only a JSON object');
    expect(messages[1]).toEqual({ role: 'user', content: 'Write the control.' });
  });

  it('turns a provider error reply into a ProviderError', async () => {
    local.reply = () => ({
      status: 400,
      json: { error: { message: 'bad request from fake', type: 'invalid_request_error' } },
    });
    const provider = await createPromptfooProvider({
      providerId: 'openai:chat:gpt-4o-mini',
      config: { apiBaseUrl: `${local.url}/v1`, apiKey: 'sk-test-not-real', maxRetries: 0 },
    });
    const error = await provider.call(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toMatch(/^openai:chat:gpt-4o-mini: .*400/);
    expect((error as ProviderError).retryable).toBe(false);
  });

  it('rejects an id promptfoo does not know with a UserError naming it', async () => {
    const error = await createPromptfooProvider({ providerId: 'nosuchvendor:model-x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain('"nosuchvendor:model-x"');
  });
});
