import { beforeAll, describe, expect, it } from 'vitest';
import type { RunFlags } from '../../src/config/flags.js';
import { readRun } from '../../src/run/store.js';
import { GENERATOR, JUDGED_RUN_GHERKIN } from '../scoring/judged-run.js';
import { type FakeBedrock, reply } from '../support/fake-bedrock.js';
import { useFakeBedrockRuns } from './fake-bedrock-runs.js';

// Turn 1 searches the API, turn 2 answers.
const { fake: startedFake, run } = useFakeBedrockRuns('gb-agent-run-', (request) =>
  (request.body?.messages?.length ?? 1) === 1
    ? reply.tool({ query: 'notebook direct internet access', service: 'sagemaker' }, { name: 'search_api' })
    : reply.text(JUDGED_RUN_GHERKIN),
);
let fake: FakeBedrock;
beforeAll(() => {
  fake = startedFake();
});

describe('an agent run through the real SDK against a fake Bedrock Runtime', () => {
  const flags: RunFlags = { model: [GENERATOR], variant: ['agent', 'agent+repair'], limit: 2 };

  it('stores every turn with its tool calls; a rerun, a resume and a replay make zero calls', async () => {
    const first = await run(flags);
    expect(first.counts).toMatchObject({ planned: 4, ok: 4, failed: 0 });
    // Two turns a case; the agent+repair cases ask the same turns as the agent cases (cached once),
    // and the answer has no problem, so repair makes no call.
    expect(fake.calls).toBe(2 * 2);
    const stored = await readRun(first.plan.runDir);
    for (const record of stored.records) {
      expect(record.trace.steps.map((s) => s.name)).toEqual(['agent.1', 'agent.2']);
      expect(record.trace.steps[0]?.toolUses?.map((u) => u.name)).toEqual(['search_api']);
      expect(record.trace.agent).toMatchObject({ turns: 2, toolCalls: 1, stop: 'answer' });
      expect(record.usage.generation.calls).toBe(2);
      expect(record.usage.generation.costUsd).toBeGreaterThan(0);
    }
    const calls = fake.calls;
    expect((await run(flags)).counts).toMatchObject({ ok: 4, ran: 4 });
    expect((await run({ resume: first.plan.runDir })).counts).toMatchObject({ ok: 4, fromStore: 4, ran: 0 });
    expect((await run({ ...flags, replay: true })).counts).toMatchObject({ ok: 4, failed: 0 });
    expect(fake.calls).toBe(calls);
  });
});
