import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { callKey, openCallCache, withCache } from '../../../src/generation/providers/cache.js';
import { costOfResponse, priceTable } from '../../../src/generation/providers/pricing.js';
import type { ModelRequest } from '../../../src/generation/providers/types.js';
import {
  FAKE_CREDENTIALS,
  type FakeBedrock,
  fakeBedrockProvider,
  reply,
  startFakeBedrock,
} from '../../support/fake-bedrock.js';

const MODEL = 'anthropic.claude-3-7-sonnet-20250219-v1:0';
const request: ModelRequest = {
  system: 'You are an expert AWS security engineer.',
  messages: [{ role: 'user', content: 'Write a control for SageMaker notebooks.' }],
  params: { temperature: 0, maxTokens: 500 },
};

let fake: FakeBedrock;
let dir: string;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gb-cache-'));
});
afterEach(async () => {
  fake.reset();
  await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await fake.close();
});

const bedrock = () => fakeBedrockProvider(fake, MODEL);

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('model-call cache', () => {
  it('a second run of the same calls makes zero model calls and returns the recorded usage', async () => {
    fake.enqueue(reply.text('Feature: A', { usage: { inputTokens: 1000, outputTokens: 200 } }));
    const cache = openCallCache(dir);
    const first = await withCache(bedrock(), cache, 'use').call(request, { repeat: 0 });
    expect(first.cached).toBeUndefined();
    expect(fake.calls).toBe(1);

    const again = openCallCache(dir);
    const second = await withCache(bedrock(), again, 'use').call(request, { repeat: 0 });
    expect(fake.calls).toBe(1);
    expect(second).toMatchObject({ text: 'Feature: A', cached: true, usage: first.usage, modelId: MODEL });
    expect(again.stats).toEqual({ hits: 1, misses: 0, writes: 0 });
    expect(cache.stats).toEqual({ hits: 0, misses: 1, writes: 1 });

    const table = priceTable();
    expect(costOfResponse(first, `bedrock:${MODEL}`, table)).toEqual({ costUsd: 0.006, newSpendUsd: 0.006 });
    expect(costOfResponse(second, `bedrock:${MODEL}`, table)).toEqual({ costUsd: 0.006, newSpendUsd: 0 });
  });

  it('keys on the repeat index, parameters, messages, schema and context', async () => {
    const id = `bedrock:${MODEL}`;
    const base = callKey(id, request, { repeat: 0 });
    expect(callKey(id, request, { repeat: 0, caseId: 'case-1' })).toBe(base);
    expect(callKey(id, { ...request, params: { maxTokens: 500, temperature: 0 } })).toBe(base);
    const variants = [
      callKey(id, request, { repeat: 1 }),
      callKey('bedrock:other.model-v1', request),
      callKey(id, { ...request, params: { temperature: 0.5, maxTokens: 500 } }),
      callKey(id, { ...request, system: 'other' }),
      callKey(id, { ...request, messages: [{ role: 'user', content: 'other' }] }),
      callKey(id, { ...request, jsonSchema: { name: 'x', schema: { type: 'object' } } }),
      callKey(id, { ...request, context: { step: 'single', requirement: 'r' } }),
      callKey(id, request, { repeat: 0 }, 'provider-v2'),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);

    const cached = withCache(bedrock(), openCallCache(dir), 'use');
    await cached.call(request, { repeat: 0 });
    await cached.call(request, { repeat: 1 });
    await cached.call(request, { repeat: 0 });
    expect(fake.calls).toBe(2);
  });

  it('replay answers from the cache and fails on a miss naming the model and case', async () => {
    const cache = openCallCache(dir);
    await withCache(bedrock(), cache, 'use').call(request);
    const replay = withCache(bedrock(), openCallCache(dir), 'replay');
    await expect(replay.call(request)).resolves.toMatchObject({ cached: true });
    const miss = await replay
      .call({ ...request, context: { step: 'gherkin', requirement: 'r' } }, { repeat: 2, caseId: 'abc123' })
      .catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(UserError);
    expect(miss).toMatchObject({ code: 'CACHE_MISS', exitCode: 2 });
    expect((miss as Error).message).toContain(`model bedrock:${MODEL}, case abc123, step gherkin, repeat 2`);
    expect(fake.calls).toBe(1);
  });

  it('keys on the provider version fingerprint and keeps it on the wrapped provider', async () => {
    const cache = openCallCache(dir);
    let calls = 0;
    const fakeProvider = (version: string) => ({
      id: 'offline:reference',
      version,
      call: async () => ({
        text: `v${version} ${++calls}`,
        usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
        latencyMs: 0,
        modelId: 'offline:reference',
      }),
    });
    const v1 = withCache(fakeProvider('1'), cache, 'use');
    expect(v1.version).toBe('1');
    await v1.call(request);
    await v1.call(request);
    await withCache(fakeProvider('2'), cache, 'use').call(request);
    expect(calls).toBe(2);
  });

  it('off bypasses the cache; errors are never cached', async () => {
    const cache = openCallCache(dir);
    const plain = bedrock();
    expect(withCache(plain, cache, 'off')).toBe(plain);
    fake.enqueue(reply.error('ValidationException', 'bad request'));
    const cached = withCache(bedrock(), cache, 'use');
    await expect(cached.call(request)).rejects.toMatchObject({ name: 'ProviderError' });
    await expect(cached.call(request)).resolves.toMatchObject({ text: expect.stringContaining('echo:') });
    expect(cache.stats.writes).toBe(1);
    expect(fake.calls).toBe(2);
  });

  it('writes one sharded JSON file per entry atomically, with no credentials or headers', async () => {
    const cache = openCallCache(dir);
    await withCache(bedrock(), cache, 'use').call({ ...request, context: { step: 'single', requirement: 'r' } });
    const files = await filesUnder(dir);
    expect(files).toHaveLength(1);
    const key = callKey(`bedrock:${MODEL}`, { ...request, context: { step: 'single', requirement: 'r' } });
    expect(files[0]).toBe(join(dir, key.slice(0, 2), `${key}.json`));
    const text = await readFile(files[0]!, 'utf8');
    expect(text).not.toContain(FAKE_CREDENTIALS.accessKeyId);
    expect(text).not.toContain(FAKE_CREDENTIALS.secretAccessKey);
    expect(text).not.toMatch(/authorization|x-amz-|127\.0\.0\.1/i);
    const entry = JSON.parse(text);
    expect(entry).toMatchObject({ version: 1, key, providerId: `bedrock:${MODEL}`, repeat: 0 });
    expect(entry.request.contextHash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.response.cached).toBeUndefined();
  });

  it('treats an unreadable entry as a miss and rewrites it', async () => {
    const cache = openCallCache(dir);
    const cached = withCache(bedrock(), cache, 'use');
    await cached.call(request);
    const [file] = await filesUnder(dir);
    await writeFile(file!, '{ not json');
    await cached.call(request);
    expect(fake.calls).toBe(2);
    expect(JSON.parse(await readFile(file!, 'utf8')).version).toBe(1);
  });

  it('identical calls in flight share one model call', async () => {
    fake.enqueue(reply.text('slow', { delayMs: 100 }));
    const cache = openCallCache(dir);
    const cached = withCache(bedrock(), cache, 'use');
    const [a, b] = await Promise.all([cached.call(request), cached.call(request)]);
    expect(fake.calls).toBe(1);
    expect(a.text).toBe('slow');
    expect(b).toMatchObject({ text: 'slow', cached: true });
    expect(cache.stats).toEqual({ hits: 1, misses: 1, writes: 1 });
  });
});
