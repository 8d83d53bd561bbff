import { BedrockRuntimeClient, ConverseCommand, ThrottlingException } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bedrockRequestHandler } from '../../../src/generation/providers/bedrock.js';
import {
  FAKE_CREDENTIALS,
  type FakeBedrock,
  reply,
  sampleFromSchema,
  startFakeBedrock,
} from '../../support/fake-bedrock.js';

let fake: FakeBedrock;
let client: BedrockRuntimeClient;
beforeAll(async () => {
  fake = await startFakeBedrock();
  // The SDK client with gherkin-bench's transport (HTTP/1.1, keep-alive), only pointed at the fake.
  client = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: fake.url,
    credentials: FAKE_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: bedrockRequestHandler(5_000),
  });
});
afterEach(() => fake.reset());
afterAll(async () => {
  client.destroy();
  await fake.close();
});

const converse = (modelId: string, text = 'hi', extra: Record<string, unknown> = {}) =>
  client.send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text }] }], ...extra }));

describe('fake Bedrock Runtime', () => {
  it('is reached over HTTP/1.1 by the real client', async () => {
    const out = await converse('a.model-v1', 'hello');
    expect(out.output?.message?.content?.[0]?.text).toBe('echo: hello');
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(fake.requests[0]!.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers per-model queues first, then the shared queue, then the responder, then the default', async () => {
    fake.enqueueFor('b.model-v1', reply.text('for b'));
    fake.enqueue(reply.text('shared'));
    fake.respond((req) =>
      req.modelId === 'c.model-v1' ? reply.text(`responder ${req.body?.messages?.length}`) : undefined,
    );
    expect((await converse('a.model-v1')).output?.message?.content?.[0]?.text).toBe('shared');
    expect((await converse('b.model-v1')).output?.message?.content?.[0]?.text).toBe('for b');
    expect((await converse('c.model-v1')).output?.message?.content?.[0]?.text).toBe('responder 1');
    expect((await converse('a.model-v1')).output?.message?.content?.[0]?.text).toBe('echo: hi');
    expect([fake.calls, fake.callsFor('a.model-v1'), fake.callsFor('b.model-v1')]).toEqual([4, 2, 1]);
  });

  it('derives a tool use from the offered schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        score: { type: 'integer', minimum: 1 },
        label: { enum: ['pass', 'fail'] },
        notes: { type: 'string' },
      },
      required: ['score', 'label'],
    };
    const out = await converse('a.model-v1', 'judge', {
      toolConfig: {
        tools: [{ toolSpec: { name: 'verdict', inputSchema: { json: schema } } }],
        toolChoice: { tool: { name: 'verdict' } },
      },
    });
    expect(out.stopReason).toBe('tool_use');
    expect(out.output?.message?.content?.[0]?.toolUse).toMatchObject({
      name: 'verdict',
      input: { score: 1, label: 'pass' },
    });
    expect(sampleFromSchema({ type: 'array', items: { type: 'boolean' } })).toEqual([true]);
  });

  it('raises typed AWS errors from the x-amzn-errortype header', async () => {
    fake.enqueue(reply.throttle());
    const error = await converse('a.model-v1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error).toMatchObject({
      $metadata: { httpStatusCode: 429 },
      message: expect.stringContaining('Too many requests'),
    });
  });

  it('closes cleanly with a reply still hanging', async () => {
    const other = await startFakeBedrock();
    other.enqueue(reply.hang());
    const c = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: other.url,
      credentials: FAKE_CREDENTIALS,
      maxAttempts: 1,
      requestHandler: bedrockRequestHandler(60_000),
    });
    const pending = c
      .send(new ConverseCommand({ modelId: 'x.y-v1', messages: [{ role: 'user', content: [{ text: 'q' }] }] }))
      .catch((e: unknown) => e);
    while (other.calls === 0) await new Promise((r) => setTimeout(r, 10));
    await other.close();
    expect(await pending).toBeInstanceOf(Error);
    c.destroy();
  });
});
