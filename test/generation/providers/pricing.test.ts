import { describe, expect, it } from 'vitest';
import { costOf, DEFAULT_PRICES, priceOf, priceTable } from '../../../src/generation/providers/pricing.js';
import { type FakeBedrock, fakeBedrockProvider, reply } from '../../support/fake-bedrock.js';
import { useFakeBedrock } from '../../support/use-fake-bedrock.js';

const usage = { inputTokens: 2000, outputTokens: 500, cacheReadTokens: 10_000, cacheWriteTokens: 1000 };

let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

describe('pricing', () => {
  it('prices input, output, cache reads and cache writes per 1k tokens', () => {
    // 2 * 0.003 + 0.5 * 0.015 + 10 * 0.0003 + 1 * 0.00375
    expect(costOf(usage, 'anthropic.claude-3-7-sonnet-20250219-v1:0', DEFAULT_PRICES)).toBeCloseTo(0.02025, 9);
  });

  it('finds a model under its spec, inference profile or ARN', () => {
    const table = priceTable();
    const base = priceOf('amazon.nova-pro-v1:0', table);
    expect(base).toBeDefined();
    expect(priceOf('bedrock:amazon.nova-pro-v1:0', table)).toBe(base);
    expect(priceOf('bedrock:us.amazon.nova-pro-v1:0', table)).toBe(base);
    expect(priceOf('arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0', table)).toBe(
      base,
    );
  });

  it('is null for unknown models, 0 for the offline generator, and takes config overrides', () => {
    expect(costOf(usage, 'bedrock:vendor.unknown-model-v1:0', priceTable())).toBeNull();
    expect(costOf(usage, 'offline', priceTable())).toBe(0);
    expect(costOf(usage, 'offline:reference', {})).toBe(0);
    const table = priceTable({ 'openai:chat:gpt-4o-mini': { input: 0.00015, output: 0.0006 } });
    // cache reads and writes fall back to the input price
    expect(costOf(usage, 'openai:chat:gpt-4o-mini', table)).toBeCloseTo((13 * 0.00015 + 0.5 * 0.0006) / 1, 9);
    // an override replaces the whole entry: its cache write falls back to its own input price
    const override = priceTable({ 'anthropic.claude-3-7-sonnet-20250219-v1:0': { input: 1, output: 0 } });
    expect(
      costOf({ ...usage, cacheReadTokens: 0 }, 'bedrock:anthropic.claude-3-7-sonnet-20250219-v1:0', override),
    ).toBe(3);
  });

  it('accounts the usage the fake Bedrock reports, cache write then cache read', async () => {
    const modelId = 'anthropic.claude-3-5-haiku-20241022-v1:0';
    const provider = fakeBedrockProvider(fake, modelId);
    const req = {
      system: 'prefix',
      messages: [{ role: 'user' as const, content: 'q' }],
      params: {},
      cacheSystemPrompt: true,
    };
    fake.enqueue(
      reply.text('a', { usage: { inputTokens: 100, outputTokens: 50, cacheWriteInputTokens: 4000 } }),
      reply.text('b', { usage: { inputTokens: 100, outputTokens: 50, cacheReadInputTokens: 4000 } }),
    );
    const first = await provider.call(req);
    const second = await provider.call(req);
    expect(first.usage).toEqual({ inputTokens: 100, outputTokens: 50, cacheReadTokens: 0, cacheWriteTokens: 4000 });
    expect(second.usage).toEqual({ inputTokens: 100, outputTokens: 50, cacheReadTokens: 4000, cacheWriteTokens: 0 });
    // haiku 3.5: in 0.0008, out 0.004, read 0.00008, write 0.001 per 1k
    expect(costOf(first.usage, `bedrock:${modelId}`, priceTable())).toBeCloseTo(0.00008 + 0.0002 + 0.004, 9);
    expect(costOf(second.usage, `bedrock:${modelId}`, priceTable())).toBeCloseTo(0.00008 + 0.0002 + 0.00032, 9);
  });
});
