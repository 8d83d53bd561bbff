import { describe, expect, it } from 'vitest';
import { AGENT_TOOLS, MAX_RESULT_CHARS, runTool } from '../../src/generation/agent/tools.js';
import { generateCandidate } from '../../src/generation/chain.js';
import { createOfflineProvider } from '../../src/generation/providers/offline.js';
import { type AgentSettings, BUDGET_SPENT } from '../../src/generation/techniques/agent.js';
import type { Variant } from '../../src/generation/types.js';
import { ablationVariants } from '../../src/generation/variants.js';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { createRetriever } from '../../src/knowledge/retrieval.js';
import { type FakeBedrock, type FakeRequest, fakeBedrockProvider, reply } from '../support/fake-bedrock.js';
import { NOTEBOOK_GOLD } from '../support/notebook-gold.js';
import { useFakeBedrock } from '../support/use-fake-bedrock.js';
import { NOTEBOOK_ROOT, POOL } from './items.js';

const catalog = defaultCatalog();
const retriever = createRetriever(catalog);
const box = { catalog, retriever, service: 'sagemaker' };
const fenced = (gherkin: string) => `Done.\n\n\`\`\`gherkin\n${gherkin}\`\`\`\n`;

function agentVariant(settings: Partial<AgentSettings> = {}): Variant {
  const variant = ablationVariants(['agent']).find((v) => v.name === 'agent');
  if (!variant) throw new Error('no agent variant');
  return { ...variant, agent: { ...variant.agent, ...settings } };
}

describe('the agent tools over the knowledge base', () => {
  it('search_api finds real operations with their docs and member paths', () => {
    const answer = runTool(box, 'search_api', {
      query: 'notebook instance direct internet access',
      service: 'sagemaker',
    });
    expect(answer.isError).toBe(false);
    const hits = answer.value as { call: string; members: string[] }[];
    expect(hits.map((h) => h.call)).toContain('sagemaker.describe_notebook_instance');
    expect(hits.every((h) => h.call.startsWith('sagemaker.'))).toBe(true);
  });

  it('describe_operation lists output member paths with types and enum values', () => {
    const answer = runTool(box, 'describe_operation', { service: 'sagemaker', method: 'describe_notebook_instance' });
    const value = answer.value as { call: string; output: { path: string; type: string; enum?: string[] }[] };
    expect(value.call).toBe('sagemaker.describe_notebook_instance');
    expect(value.output.find((m) => m.path === 'DirectInternetAccess')?.enum).toEqual(['Enabled', 'Disabled']);
  });

  it('check_gherkin reports the problems of a draft, and none for a valid one', () => {
    expect(runTool(box, 'check_gherkin', { text: NOTEBOOK_GOLD }).value).toEqual({ ok: true, problems: [] });
    const typo = NOTEBOOK_GOLD.replaceAll('describe_notebook_instance"', 'describe_notebook_instanse"');
    const value = runTool(box, 'check_gherkin', { text: typo }).value as { ok: boolean; problems: unknown[] };
    expect(value.ok).toBe(false);
    expect(value.problems.length).toBeGreaterThan(0);
  });

  it('answers malformed input, unknown tools and unknown names with errors the model can read', () => {
    expect(runTool(box, 'search_api', { service: 'sagemaker' })).toMatchObject({
      isError: true,
      content: expect.stringMatching(/^bad input for search_api: query: /),
    });
    expect(runTool(box, 'search_api', 'just a string')).toMatchObject({ isError: true });
    expect(runTool(box, 'delete_everything', {})).toMatchObject({
      isError: true,
      content: expect.stringContaining('unknown tool "delete_everything"; the tools are search_api'),
    });
    expect(runTool(box, 'list_operations', { service: 'sagemakr' })).toMatchObject({
      isError: true,
      content: expect.stringContaining('sagemaker'),
    });
    expect(runTool(box, 'describe_operation', { service: 'rds', method: 'describe_db_instancez' })).toMatchObject({
      isError: true,
    });
  });

  it('cuts an oversized result and says so', () => {
    const answer = runTool(box, 'list_operations', { service: 'ec2' });
    expect(answer.isError).toBe(false);
    expect(answer.content.length).toBeLessThan(MAX_RESULT_CHARS + 200);
    expect(answer.content).toMatch(/\[result cut at 12000 of \d+ characters: narrow the request\]$/);
  });

  it('offers exactly the four tools, each with an input schema', () => {
    expect(AGENT_TOOLS.map((t) => t.name)).toEqual([
      'search_api',
      'list_operations',
      'describe_operation',
      'check_gherkin',
    ]);
    for (const tool of AGENT_TOOLS) expect(tool.inputSchema.type).toBe('object');
  });
});

let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

const bedrock = () => fakeBedrockProvider(fake);

const base = { item: NOTEBOOK_ROOT, pool: POOL, seed: 1, repeat: 0, retriever };
/** The turn a request is (1 for the first message, then one more per assistant + tool-result pair). */
const turnOf = (request: FakeRequest) => ((request.body?.messages?.length ?? 1) + 1) / 2;

describe('the agent technique against the fake Bedrock runtime (real SDK, Converse toolConfig)', () => {
  it('runs the tool loop: search, describe, check, then answers; every call and result is in the trace', async () => {
    const script = [
      reply.tool({ query: 'notebook direct internet access', service: 'sagemaker' }, { name: 'search_api' }),
      reply.tool({ service: 'sagemaker', method: 'describe_notebook_instance' }, { name: 'describe_operation' }),
      reply.tool({ text: NOTEBOOK_GOLD }, { name: 'check_gherkin', text: 'Checking my draft.' }),
      reply.text(fenced(NOTEBOOK_GOLD)),
    ];
    fake.respond((request) => script[turnOf(request) - 1]);
    const out = await generateCandidate({ ...base, variant: agentVariant(), provider: bedrock() });
    expect(out.error).toBeNull();
    expect(out.gherkin?.trim()).toBe(NOTEBOOK_GOLD.trim());
    expect(out.trace.agent).toMatchObject({ turns: 4, toolCalls: 3, toolErrors: 0, stop: 'answer' });
    expect(out.trace.steps.map((s) => s.name)).toEqual(['agent.1', 'agent.2', 'agent.3', 'agent.4']);
    expect(out.trace.steps.map((s) => (s.toolUses ?? []).map((u) => u.name))).toEqual([
      ['search_api'],
      ['describe_operation'],
      ['check_gherkin'],
      [],
    ]);
    // The tools went out as a Converse toolConfig, and each result came back as a toolResult block.
    const names = fake.requests[0]?.body?.toolConfig?.tools?.map((t) => t.toolSpec?.name);
    expect(names).toEqual(['search_api', 'list_operations', 'describe_operation', 'check_gherkin']);
    const second = fake.requests[1]?.body?.messages ?? [];
    expect(second.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const result = second[2]?.content[0]?.toolResult as { status?: string; content: { text: string }[] };
    expect(result.status).toBe('success');
    expect(result.content[0]?.text).toContain('sagemaker.describe_notebook_instance');
    expect(out.usage.calls).toBe(4);
  });

  it('ends a loop that never finishes at its turn budget, keeping the last draft it checked', async () => {
    fake.respond((request) =>
      turnOf(request) === 1
        ? reply.tool({ text: NOTEBOOK_GOLD }, { name: 'check_gherkin' })
        : reply.tool({ query: 'more' }, { name: 'search_api' }),
    );
    const out = await generateCandidate({ ...base, variant: agentVariant({ maxTurns: 3 }), provider: bedrock() });
    expect(out.error).toBeNull();
    expect(out.trace.agent).toMatchObject({ turns: 3, toolCalls: 3, stop: 'turns' });
    expect(out.gherkin?.trim()).toBe(NOTEBOOK_GOLD.trim());
    expect(fake.calls).toBe(3);
  });

  it('answers tool errors as error results the model reads, and counts them', async () => {
    const script = [
      reply.tool({ service: 'sagemaker' }, { name: 'search_api' }),
      reply.tool({}, { name: 'rm_rf' }),
      reply.text(fenced(NOTEBOOK_GOLD)),
    ];
    fake.respond((request) => script[turnOf(request) - 1]);
    const out = await generateCandidate({ ...base, variant: agentVariant(), provider: bedrock() });
    expect(out.trace.agent).toMatchObject({ turns: 3, toolCalls: 2, toolErrors: 2, stop: 'answer' });
    const results = (fake.requests[2]?.body?.messages ?? [])
      .filter((m) => m.role === 'user')
      .slice(1)
      .map((m) => m.content[0]?.toolResult as { status?: string; content: { text: string }[] });
    expect(results.map((r) => r.status)).toEqual(['error', 'error']);
    expect(results[0]?.content[0]?.text).toMatch(/^bad input for search_api: query/);
    expect(results[1]?.content[0]?.text).toMatch(/^unknown tool "rm_rf"/);
  });

  it('takes the answer of a model that ignores the tools', async () => {
    fake.enqueue(reply.text(fenced(NOTEBOOK_GOLD)));
    const out = await generateCandidate({ ...base, variant: agentVariant(), provider: bedrock() });
    expect(out.trace.agent).toEqual({
      turns: 1,
      toolCalls: 0,
      toolErrors: 0,
      tokens: expect.any(Number),
      stop: 'answer',
    });
    expect(out.gherkin?.trim()).toBe(NOTEBOOK_GOLD.trim());
  });

  it('refuses tool calls past the tool-call budget, and stops at the token budget', async () => {
    fake.respond(() =>
      reply.tool({ query: 'kms' }, { name: 'search_api', usage: { inputTokens: 600, outputTokens: 100 } }),
    );
    const spent = await generateCandidate({
      ...base,
      variant: agentVariant({ maxToolCalls: 1, maxTurns: 2 }),
      provider: bedrock(),
    });
    expect(spent.trace.agent).toMatchObject({ turns: 2, toolCalls: 2, toolErrors: 1, stop: 'toolCalls' });
    expect(spent.trace.steps[1]?.toolUses?.[0]?.result).toBe(BUDGET_SPENT);
    expect(spent.gherkin).toBe('');
    fake.reset();
    fake.respond(() =>
      reply.tool({ query: 'kms' }, { name: 'search_api', usage: { inputTokens: 600, outputTokens: 100 } }),
    );
    const tokens = await generateCandidate({
      ...base,
      variant: agentVariant({ maxTokens: 1000 }),
      provider: bedrock(),
    });
    expect(tokens.trace.agent).toMatchObject({ turns: 2, tokens: 1400, stop: 'tokens' });
  });
});

describe('the agent with the offline reference generator', () => {
  it('searches, checks its draft and answers, the same way every time', async () => {
    const run = () => generateCandidate({ ...base, variant: agentVariant(), provider: createOfflineProvider() });
    const [a, b] = [await run(), await run()];
    expect(a.gherkin).toBe(b.gherkin);
    expect(a.trace.agent).toMatchObject({ turns: 3, toolCalls: 2, toolErrors: 0, stop: 'answer' });
    expect(a.trace.steps.map((s) => (s.toolUses ?? []).map((u) => u.name))).toEqual([
      ['search_api'],
      ['check_gherkin'],
      [],
    ]);
    expect(a.gherkin).toContain('Feature:');
  });
});
