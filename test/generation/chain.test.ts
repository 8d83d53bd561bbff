import { describe, expect, it } from 'vitest';
import { analysisSchema } from '../../src/generation/analysis.js';
import { generateCandidate } from '../../src/generation/chain.js';
import { createOfflineProvider } from '../../src/generation/providers/offline.js';
import { type ModelProvider, type ModelRequest, ProviderError } from '../../src/generation/providers/types.js';
import { ablationVariants } from '../../src/generation/variants.js';
import { parseControl } from '../../src/gherkin/parse.js';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { createRetriever } from '../../src/knowledge/retrieval.js';
import { NOTEBOOK_ROOT, POOL } from './items.js';

const variants = Object.fromEntries(ablationVariants(['cot', 'rag', 'fewShot']).map((v) => [v.name, v]));
const retriever = createRetriever(defaultCatalog());

/** Records every request while the offline generator answers it. */
function recording(): { provider: ModelProvider; requests: ModelRequest[] } {
  const offline = createOfflineProvider();
  const requests: ModelRequest[] = [];
  return {
    requests,
    provider: {
      id: offline.id,
      call: (request, options) => {
        requests.push(request);
        return offline.call(request, options);
      },
    },
  };
}

const base = { item: NOTEBOOK_ROOT, pool: POOL, seed: 1, repeat: 0, retriever };

describe('generateCandidate with the offline generator', () => {
  it('without CoT makes one call and extracts parseable gherkin', async () => {
    const out = await generateCandidate({ ...base, variant: variants.none!, provider: createOfflineProvider() });
    expect(out.error).toBeNull();
    expect(out.trace.steps.map((s) => s.name)).toEqual(['single']);
    expect(out.usage.calls).toBe(1);
    expect(out.usage.costUsd).toBeNull();
    expect(out.gherkin).not.toContain('```');
    expect(parseControl(out.gherkin ?? '').ok).toBe(true);
    expect(out.trace.retrieved).toEqual([]);
    expect(out.trace.fewShotIds).toEqual([]);
  });

  it('with CoT makes two calls: a validated JSON analysis, then gherkin from it', async () => {
    const { provider, requests } = recording();
    const out = await generateCandidate({ ...base, variant: variants.cot!, provider });
    expect(out.trace.steps.map((s) => s.name)).toEqual(['analysis', 'gherkin']);
    expect(requests[0]!.jsonSchema?.name).toBe('security_control_analysis');
    expect(requests[1]!.jsonSchema).toBeUndefined();
    expect(analysisSchema.safeParse(out.trace.steps[0]!.parsed).success).toBe(true);
    expect(requests[1]!.context?.analysis).toEqual(out.trace.steps[0]!.parsed);
    expect(out.trace.steps[1]!.prompt).toContain('"checks"');
    expect(out.usage.calls).toBe(2);
    expect(out.usage.tokensIn).toBe(out.trace.steps[0]!.usage.inputTokens + out.trace.steps[1]!.usage.inputTokens);
    expect(parseControl(out.gherkin ?? '').ok).toBe(true);
  });

  it('with RAG puts the retrieved passages in the prompt, the context and the trace', async () => {
    const { provider, requests } = recording();
    const out = await generateCandidate({ ...base, variant: variants.rag!, provider });
    expect(out.trace.retrieved.length).toBeGreaterThan(0);
    expect(out.trace.retrieved.every((p) => p.service === 'sagemaker')).toBe(true);
    expect(requests[0]!.context?.passages).toEqual(out.trace.retrieved);
    expect(out.trace.steps[0]!.prompt).toContain(out.trace.retrieved[0]!.text);
    const methods = out.trace.retrieved.map((p) => `${p.service}.${p.method}`);
    expect(methods.some((m) => out.gherkin?.includes(`"${m}"`))).toBe(true);
  });

  it('with few-shot shows the exemplars gold gherkins and records their ids', async () => {
    const { provider, requests } = recording();
    const out = await generateCandidate({ ...base, variant: variants.fewshot!, provider });
    expect(out.trace.fewShotIds).toHaveLength(3);
    expect(out.trace.fewShotIds).not.toContain(NOTEBOOK_ROOT.id);
    expect(requests[0]!.context?.exemplars?.map((e) => e.id)).toEqual(out.trace.fewShotIds);
    expect(out.trace.steps[0]!.prompt).toContain('SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS');
  });

  it('renders exactly what the context says: no passages or exemplars when off', async () => {
    const { provider, requests } = recording();
    await generateCandidate({ ...base, variant: variants.none!, provider });
    const ctx = requests[0]!.context!;
    expect(ctx.passages).toBeUndefined();
    expect(ctx.exemplars).toBeUndefined();
    expect(ctx.requirement).toBe(NOTEBOOK_ROOT.requirement);
    expect(requests[0]!.messages[0]!.content).not.toContain('Boto3 API reference');
    expect(requests[0]!.messages[0]!.content).not.toContain('Examples of finished controls');
  });

  it('prices every step when given a cost function', async () => {
    const out = await generateCandidate({
      ...base,
      variant: variants.cot!,
      provider: createOfflineProvider(),
      costOf: (usage) => usage.inputTokens / 1000,
    });
    expect(out.usage.costUsd).toBeCloseTo(out.usage.tokensIn / 1000, 10);
    const unpriced = await generateCandidate({
      ...base,
      variant: variants.cot!,
      provider: createOfflineProvider(),
      costOf: () => null,
    });
    expect(unpriced.usage.costUsd).toBeNull();
  });

  it('throws when RAG is on but no retriever is given (a wiring bug, not a model failure)', async () => {
    await expect(
      generateCandidate({ ...base, retriever: undefined, variant: variants.rag!, provider: createOfflineProvider() }),
    ).rejects.toThrow(/no retriever/);
  });
});

describe('generateCandidate when the provider fails', () => {
  it('records the error instead of rejecting', async () => {
    const failing: ModelProvider = {
      id: 'test:failing',
      call: () => Promise.reject(new ProviderError('ThrottlingException: slow down', { retryable: true })),
    };
    const out = await generateCandidate({ ...base, variant: variants.none!, provider: failing });
    expect(out.gherkin).toBeNull();
    expect(out.error).toBe('single: ThrottlingException: slow down');
    expect(out.trace.steps).toEqual([]);
    expect(out.usage.calls).toBe(0);
  });

  it('keeps the steps done so far when step 2 fails', async () => {
    const offline = createOfflineProvider();
    let calls = 0;
    const failsSecond: ModelProvider = {
      id: 'test:fails-second',
      call: (request, options) => {
        calls++;
        return calls === 1 ? offline.call(request, options) : Promise.reject(new Error('HTTP 503'));
      },
    };
    const out = await generateCandidate({ ...base, variant: variants.cot!, provider: failsSecond });
    expect(out.error).toBe('gherkin: HTTP 503');
    expect(out.gherkin).toBeNull();
    expect(out.trace.steps.map((s) => s.name)).toEqual(['analysis']);
    expect(out.usage.calls).toBe(1);
  });

  it('turns a reply without gherkin into an empty candidate, and an invalid analysis into raw text for step 2', async () => {
    const requests: ModelRequest[] = [];
    const chatty: ModelProvider = {
      id: 'test:chatty',
      call: async (request) => {
        requests.push(request);
        return {
          text: 'I would rather not.',
          usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
          latencyMs: 1,
          modelId: 'test:chatty',
        };
      },
    };
    const out = await generateCandidate({ ...base, variant: variants.cot!, provider: chatty });
    expect(out.error).toBeNull();
    expect(out.gherkin).toBe('');
    expect(out.trace.steps[0]!.parsed).toMatchObject({ invalid: expect.stringContaining('no JSON') });
    expect(requests[1]!.context?.analysis).toBe('I would rather not.');
  });
});
