import { describe, expect, it } from 'vitest';
import { CASES_PER_CHUNK, detailStore } from '../../src/report/case-details.js';
import type { CaseRecord } from '../../src/run/types.js';
import { chunkOf, detailOf } from '../support/report-details.js';
import { syntheticRun } from '../support/synthetic-run.js';

const usage = { inputTokens: 3, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0 };

/** Records with a two-step trace sharing its system prompt, one with an agent's tool calls. */
function traced(records: CaseRecord[]): CaseRecord[] {
  return records.map((r, i) => ({
    ...r,
    scores: r.scores.map((s, k) => (k === 0 ? { ...s, details: { rationale: `why ${i}` } } : s)),
    trace: {
      fewShotIds: [`shot-${i % 3}`],
      retrieved: [
        {
          service: 's3',
          operation: 'GetBucketPolicy',
          method: 'get_bucket_policy',
          score: 1,
          members: ['Policy'],
          text: `passage of ${r.itemId}`,
        },
      ],
      steps: [
        {
          name: 'analysis',
          system: 'the shared system prompt',
          prompt: `analyse ${r.itemId}`,
          response: `analysis ${i}`,
          parsed: { resources: ['AWS::S3::Bucket'] },
          usage,
          latencyMs: 5,
          cached: false,
          modelId: 'm',
          ...(i === 5
            ? {
                toolUses: [
                  {
                    toolUseId: 't',
                    name: 'search_api',
                    input: { query: 'kms' },
                    result: 'found',
                    isError: false,
                    ms: 1,
                  },
                ],
              }
            : {}),
        },
        {
          name: 'gherkin',
          system: 'the shared system prompt',
          prompt: `write ${r.itemId}`,
          response: r.candidate ?? '',
          usage,
          latencyMs: 7,
          cached: true,
          modelId: 'm',
        },
      ],
      ...(i === 5 ? { agent: { turns: 1, toolCalls: 1, toolErrors: 0, tokens: 5, stop: 'answer' as const } } : {}),
    },
  }));
}

describe('the compressed drill-down store', () => {
  const { records: base } = syntheticRun({ items: 20, repeats: 2, failureRate: 0.05, seed: 4 });
  const records = traced(base);
  const store = detailStore(records, (text) => text);

  it('holds every case in chunks, in results order', () => {
    expect(records.length).toBeGreaterThan(2 * CASES_PER_CHUNK);
    expect(store.chunks).toHaveLength(Math.ceil(records.length / CASES_PER_CHUNK));
    expect(store.chunks.every((c) => /^[A-Za-z0-9+/]*={0,2}$/.test(c))).toBe(true);
  });

  it('gives back each case’s candidate, score reasons and details, and trace texts, without the parsed analysis', () => {
    for (const i of [0, 5, CASES_PER_CHUNK - 1, CASES_PER_CHUNK, records.length - 1]) {
      const record = records[i] as CaseRecord;
      const detail = detailOf(store, i);
      expect(detail.candidate).toBe(record.candidate);
      expect(detail.scores).toEqual(record.scores.map((s) => ({ reason: s.reason, details: s.details })));
      expect(detail.retrieved).toEqual([
        { service: 's3', method: 'get_bucket_policy', text: `passage of ${record.itemId}` },
      ]);
      expect(detail.steps.map((s) => [s.name, s.system, s.prompt, s.response, s.latencyMs, s.cached])).toEqual(
        record.trace.steps.map((s) => [s.name, s.system, s.prompt, s.response, s.latencyMs, s.cached]),
      );
      expect(detail.steps.some((s) => 'parsed' in s)).toBe(false);
    }
    expect(detailOf(store, 5).steps[0]?.toolUses).toEqual([
      { toolUseId: 't', name: 'search_api', input: { query: 'kms' }, result: 'found', isError: false, ms: 1 },
    ]);
    expect(detailOf(store, 5).agent?.toolCalls).toBe(1);
  });

  it('stores each distinct text of a chunk once', () => {
    const { texts } = chunkOf(store, 0);
    expect(texts.filter((t) => t === 'the shared system prompt')).toHaveLength(1);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('clips trace texts but never the candidate', () => {
    const clipped = detailStore(records, (text) => text.slice(0, 4));
    const detail = detailOf(clipped, 1);
    expect(detail.steps[0]?.system).toBe('the ');
    expect(detail.candidate).toBe(records[1]?.candidate);
  });
});
