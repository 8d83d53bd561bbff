/**
 * Content blocks: messages carry text, tool use and tool results; replies carry tool calls and
 * stop reasons — on Bedrock Converse (real SDK against the fake runtime) and the promptfoo
 * provider's chat form alike; the call cache keys the whole message list.
 */
import { describe, expect, it } from 'vitest';
import { callKey } from '../../../src/generation/providers/cache.js';
import { fromPromptfooResponse, toPromptfooPrompt } from '../../../src/generation/providers/promptfoo.js';
import type { ModelMessage, ModelRequest } from '../../../src/generation/providers/types.js';
import { type FakeBedrock, fakeBedrockProvider, reply } from '../../support/fake-bedrock.js';
import { useFakeBedrock } from '../../support/use-fake-bedrock.js';

const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const lookup = { name: 'lookup_api', description: 'Find a Boto3 operation.', inputSchema: { type: 'object' } };
const turns: ModelMessage[] = [
  { role: 'user', content: 'Write the control.' },
  {
    role: 'assistant',
    content: [
      { type: 'text', text: 'Let me look that up.' },
      { type: 'toolUse', toolUseId: 't1', name: 'lookup_api', input: { query: 'notebook' } },
    ],
  },
  { role: 'user', content: [{ type: 'toolResult', toolUseId: 't1', content: 'sagemaker.describe_notebook_instance' }] },
];
const request: ModelRequest = { messages: turns, params: { maxTokens: 300 }, tools: [lookup] };

let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

describe('content blocks on Bedrock Converse', () => {
  it('sends text, tool use and tool result blocks and the tools; reads tool calls and the stop reason', async () => {
    fake.enqueue(reply.tool({ query: 'encryption' }, { name: 'lookup_api' }));
    const bedrock = fakeBedrockProvider(fake, HAIKU);
    const response = await bedrock.call(request);
    expect(response.stopReason).toBe('tool_use');
    expect(response.toolCalls).toEqual([
      { toolUseId: expect.any(String), name: 'lookup_api', input: { query: 'encryption' } },
    ]);
    const body = fake.requests[0]!.body!;
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'Write the control.' }] },
      {
        role: 'assistant',
        content: [
          { text: 'Let me look that up.' },
          { toolUse: { toolUseId: 't1', name: 'lookup_api', input: { query: 'notebook' } } },
        ],
      },
      {
        role: 'user',
        content: [{ toolResult: { toolUseId: 't1', content: [{ text: 'sagemaker.describe_notebook_instance' }] } }],
      },
    ]);
    expect(body.toolConfig?.tools).toEqual([
      {
        toolSpec: {
          name: 'lookup_api',
          description: 'Find a Boto3 operation.',
          inputSchema: { json: { type: 'object' } },
        },
      },
    ]);
    expect(body.toolConfig?.toolChoice).toBeUndefined();
  });

  it('a text reply has no tool calls', async () => {
    fake.enqueue(reply.text('Feature: X'));
    const bedrock = fakeBedrockProvider(fake, HAIKU);
    const response = await bedrock.call({ messages: [{ role: 'user', content: 'hi' }], params: {} });
    expect(response.toolCalls).toBeUndefined();
    expect(response.stopReason).toBe('end_turn');
  });
});

describe('content blocks in the promptfoo chat form', () => {
  it('writes tool use as an assistant tool_calls message and a tool result as a tool message', () => {
    const messages = JSON.parse(toPromptfooPrompt('openai:chat:gpt-4o-mini', request));
    expect(messages).toEqual([
      { role: 'user', content: 'Write the control.' },
      {
        role: 'assistant',
        content: 'Let me look that up.',
        tool_calls: [
          { id: 't1', type: 'function', function: { name: 'lookup_api', arguments: '{"query":"notebook"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 't1', content: 'sagemaker.describe_notebook_instance' },
    ]);
  });

  it('reads tool calls and the finish reason from a promptfoo reply', () => {
    const response = fromPromptfooResponse(
      'openai:chat:gpt-4o-mini',
      'gpt-4o-mini',
      request,
      {
        output: [{ id: 'c9', type: 'function', function: { name: 'lookup_api', arguments: '{"query":"kms"}' } }],
        finishReason: 'tool_calls',
      },
      5,
    );
    expect(response.toolCalls).toEqual([{ toolUseId: 'c9', name: 'lookup_api', input: { query: 'kms' } }]);
    expect(response.stopReason).toBe('tool_calls');
  });
});

describe('call keys over content blocks', () => {
  const plain: ModelRequest = { messages: [{ role: 'user', content: 'Write the control.' }], params: {} };
  it('a lone text block keys as the same prompt written as a string', () => {
    const block: ModelRequest = {
      ...plain,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Write the control.' }] }],
    };
    expect(callKey('m', block)).toBe(callKey('m', plain));
  });

  it('every block of every message, and the tools, are in the key', () => {
    const base = callKey('m', request);
    const otherResult = turns.map((m, i) =>
      i === 2
        ? {
            ...m,
            content: [{ type: 'toolResult' as const, toolUseId: 't1', content: 'sagemaker.list_notebook_instances' }],
          }
        : m,
    );
    expect(callKey('m', { ...request, messages: otherResult })).not.toBe(base);
    expect(callKey('m', { ...request, tools: [] })).not.toBe(base);
    expect(callKey('m', { ...request, messages: turns.slice(0, 2) })).not.toBe(base);
  });
});
