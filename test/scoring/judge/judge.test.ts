import { describe, expect, it } from 'vitest';
import { judgeCandidate } from '../../../src/scoring/judge/judge.js';
import { judgeJsonSchema } from '../../../src/scoring/judge/prompt.js';
import { loadRubric } from '../../../src/scoring/judge/rubric.js';
import { type FakeBedrock, fakeBedrockProvider, reply } from '../../support/fake-bedrock.js';
import { useFakeBedrock } from '../../support/use-fake-bedrock.js';
import { candidate, goldItem } from '../fixtures.js';

const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const rubric = loadRubric();
const item = goldItem();
const good = candidate('good.feature');

let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

function provider() {
  return fakeBedrockProvider(fake, MODEL, { maxAttempts: 1 });
}

/** A valid structured reply giving `scores` (criterion → 1..5). */
function scored(scores: Record<string, number>, rationale = 'checks the right field') {
  return {
    criteria: Object.fromEntries(
      Object.entries(scores).map(([id, score]) => [id, { score, reason: `${id} is ${score}` }]),
    ),
    rationale,
  };
}
const ALL = (n: number) => Object.fromEntries(rubric.criteria.map((c) => [c.id, n]));

describe('judgeCandidate against the fake Bedrock runtime (real SDK)', () => {
  it('asks for structured output at temperature 0 and normalises 1-5 scores to [0, 1]', async () => {
    fake.enqueue(
      reply.tool(scored({ correctness: 5, completeness: 4, specificity: 3, testability: 2, clarity: 1 }), {
        usage: { inputTokens: 900, outputTokens: 120 },
      }),
    );
    const result = await judgeCandidate({ candidate: good, item, rubric, provider: provider() });
    expect(result.error).toBeNull();
    expect(result.scores.map((s) => [s.metric, s.value])).toEqual([
      ['judge.correctness', 1],
      ['judge.completeness', 0.75],
      ['judge.specificity', 0.5],
      ['judge.testability', 0.25],
      ['judge.clarity', 0],
      ['judge.overall', 0.5],
    ]);
    expect(result.rationale).toBe('checks the right field');
    expect(result.usage).toMatchObject({ calls: 1, tokensIn: 900, tokensOut: 120, costUsd: null });
    const body = fake.requests[0]?.body;
    expect(body?.inferenceConfig?.temperature).toBe(0);
    expect(body?.toolConfig?.tools?.[0]?.toolSpec?.name).toBe(judgeJsonSchema(rubric).name);
    const prompt = JSON.stringify(body?.messages);
    expect(prompt).toContain('Reference control');
    expect(prompt).toContain('SAGEMAKER_NOTEBOOK_DIRECT_INTERNET_ACCESS_DISABLED');
  });

  it('leaves the gold out in reference-free mode', async () => {
    fake.enqueue(reply.tool(scored(ALL(4))));
    await judgeCandidate({ candidate: good, item, rubric, provider: provider(), mode: 'reference-free' });
    const prompt = JSON.stringify(fake.requests[0]?.body?.messages);
    expect(prompt).not.toContain('Reference control');
    expect(prompt).not.toContain('SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS');
  });

  it('sends the validation error back once and accepts the repaired reply', async () => {
    const broken = scored(ALL(4));
    (broken.criteria as Record<string, { score: number }>).clarity = { score: 7 };
    fake.enqueue(reply.tool(broken), reply.tool(scored(ALL(3))));
    const result = await judgeCandidate({ candidate: good, item, rubric, provider: provider() });
    expect(result.error).toBeNull();
    expect(result.scores.find((s) => s.metric === 'judge.overall')?.value).toBe(0.5);
    expect(fake.calls).toBe(2);
    const repair = JSON.stringify(fake.requests[1]?.body?.messages?.at(-1));
    expect(repair).toContain('criteria.clarity');
    expect(result.usage.calls).toBe(2);
  });

  it('records a failure with null scores after one failed repair, never throwing', async () => {
    fake.enqueue(reply.text('I think it is quite good.'), reply.text('Still no JSON, sorry.'));
    const result = await judgeCandidate({ candidate: good, item, rubric, provider: provider() });
    expect(fake.calls).toBe(2);
    expect(result.error).toMatch(/after one repair retry: the reply holds no JSON object/);
    expect(result.scores).toHaveLength(rubric.criteria.length + 1);
    expect(result.scores.every((s) => s.value === null && s.reason.startsWith('judge failed'))).toBe(true);
    expect(result.rationale).toBe('');
  });

  it('accepts a JSON object in a text reply (JSON-mode providers)', async () => {
    fake.enqueue(reply.text(`Here you go:\n\`\`\`json\n${JSON.stringify(scored(ALL(5)))}\n\`\`\``));
    const result = await judgeCandidate({ candidate: good, item, rubric, provider: provider() });
    expect(result.scores.find((s) => s.metric === 'judge.overall')?.value).toBe(1);
  });

  it('turns a provider error into a recorded failure', async () => {
    fake.enqueue(reply.error('ValidationException', 'The model does not support tool use'));
    const result = await judgeCandidate({ candidate: good, item, rubric, provider: provider() });
    expect(result.error).toMatch(/judge call failed: .*tool use/);
    expect(result.scores.every((s) => s.value === null)).toBe(true);
  });

  it('takes n samples and reports mean and spread per criterion', async () => {
    fake.enqueue(reply.tool(scored(ALL(2))), reply.tool(scored(ALL(4))), reply.tool(scored(ALL(3))));
    const result = await judgeCandidate({ candidate: good, item, rubric, provider: provider(), samples: 3 });
    const correctness = result.scores.find((s) => s.metric === 'judge.correctness');
    expect(correctness?.value).toBe(0.5);
    expect(correctness?.details).toMatchObject({ raw: [2, 4, 3], mean: 3, min: 2, max: 4, samples: 3 });
    expect(correctness?.details?.sd as number).toBeCloseTo(Math.sqrt(2 / 3), 10);
    expect(result.rationale.split('\n')).toHaveLength(3);
    expect(fake.calls).toBe(3);
  });

  it('keeps the samples that succeeded when another fails', async () => {
    fake.enqueue(reply.tool(scored(ALL(5))), reply.text('no'), reply.text('no'));
    const result = await judgeCandidate({ candidate: good, item, rubric, provider: provider(), samples: 2 });
    expect(result.error).toBeNull();
    const overall = result.scores.find((s) => s.metric === 'judge.overall');
    expect(overall?.value).toBe(1);
    expect(overall?.details).toMatchObject({ samples: 1, failedSamples: 1 });
  });
});
