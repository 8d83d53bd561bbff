import { beforeAll, describe, expect, it } from 'vitest';
import type { RunFlags } from '../../src/config/flags.js';
import { readRun } from '../../src/run/store.js';
import { GENERATOR, JUDGE, JUDGED_RUN_GHERKIN } from '../scoring/judged-run.js';
import { type FakeBedrock, reply } from '../support/fake-bedrock.js';
import { useFakeBedrockRuns } from './fake-bedrock-runs.js';

// Text requests get a gherkin; structured ones (CoT step 1, the judge) get the fake's
// schema-derived tool use.
const { fake: startedFake, run } = useFakeBedrockRuns('gb-bedrock-run-', (request) =>
  request.body?.toolConfig
    ? undefined
    : reply.text(JUDGED_RUN_GHERKIN, { usage: { inputTokens: 900, outputTokens: 300 } }),
);
let fake: FakeBedrock;
beforeAll(() => {
  fake = startedFake();
});

describe('a Bedrock run through the real SDK against a fake Bedrock Runtime', () => {
  const flags: RunFlags = { model: [GENERATOR], variant: ['none', 'cot'], limit: 2, judge: JUDGE };

  it('runs, judges and prices every case; a second run and a resume make zero calls', async () => {
    const first = await run(flags);
    expect(first.counts).toMatchObject({ planned: 4, ok: 4, failed: 0 });
    const calls = fake.calls;
    // generation: none 1 call, cot 2 calls per case; judge: both variants wrote the same
    // candidate for an item, so the identical judge request is answered once and cached.
    expect(fake.callsFor('anthropic.claude-3-5-haiku-20241022-v1:0')).toBe(2 * 1 + 2 * 2);
    expect(fake.callsFor('anthropic.claude-3-5-sonnet-20240620-v1:0')).toBe(2);
    const stored = await readRun(first.plan.runDir);
    for (const record of stored.records) {
      expect(record.candidate).toContain('Feature: SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS');
      expect(record.usage.generation.costUsd).toBeGreaterThan(0);
      expect(record.usage.judge?.calls).toBe(1);
      expect(record.scores.map((s) => s.metric)).toEqual(
        expect.arrayContaining(['parse', 'grounding', 'judge.overall']),
      );
    }
    expect(stored.manifest.judge?.model).toBe(JUDGE);
    expect(stored.manifest.hashes.rubric).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.manifest.env).toMatchObject({ bedrockEndpoint: fake.url, region: 'us-east-1' });

    const second = await run(flags);
    expect(second.plan.runDir).not.toBe(first.plan.runDir);
    expect(second.counts).toMatchObject({ ok: 4, ran: 4 });
    expect(fake.calls).toBe(calls);

    const resumed = await run({ resume: first.plan.runDir });
    expect(resumed.counts).toMatchObject({ ok: 4, fromStore: 4, ran: 0 });
    expect(fake.calls).toBe(calls);

    const replayed = await run({ ...flags, replay: true });
    expect(replayed.counts).toMatchObject({ ok: 4, failed: 0 });
    expect(fake.calls).toBe(calls);
  });

  it('records throttling that outlasts the retries on its case and goes on', async () => {
    fake.enqueueFor('anthropic.claude-3-5-haiku-20241022-v1:0', reply.throttle(), reply.throttle());
    const { plan, counts } = await run({
      model: [GENERATOR],
      variant: ['none'],
      limit: 2,
      cache: false,
      concurrency: 1,
    });
    expect(counts).toMatchObject({ planned: 2, ok: 1, failed: 1, remaining: 0 });
    const failed = (await readRun(plan.runDir)).records.find((r) => r.error);
    expect(failed?.error?.stage).toBe('generation');
    expect(failed?.error?.message).toMatch(/Too many requests|Throttl/);
  });
});
