/**
 * Replies of a fake Bedrock Runtime that read the same on either path: a gherkin for a text
 * request, and for a structured request (a forced tool on demand, the JSON instruction in a batch
 * record) the JSON object as text, which the provider parses either way.
 */
import { JUDGE_RATIONALE, JUDGED_RUN_GHERKIN } from '../scoring/judged-run.js';
import { type FakeReply, type FakeRequest, reply, sampleFromSchema } from './fake-bedrock.js';

/** The JSON schema a request asks for: its last tool's, or the one in its system prompt's JSON instruction. */
export function askedSchema(request: FakeRequest): Record<string, unknown> | undefined {
  const tool = request.body?.toolConfig?.tools?.at(-1)?.toolSpec?.inputSchema?.json;
  if (tool) return tool as Record<string, unknown>;
  const system = (request.body?.system ?? [])
    .map((block) => (typeof block.text === 'string' ? block.text : ''))
    .join('');
  const match = /JSON schema for "[^"]*":\n(\{[\s\S]*\})$/.exec(system);
  return match?.[1] ? (JSON.parse(match[1]) as Record<string, unknown>) : undefined;
}

/** The reply: the judge scores every criterion 4, other schemas get their sampled value, text gets the gherkin. */
export function batchPathReply(request: FakeRequest): FakeReply {
  const schema = askedSchema(request);
  if (!schema) return reply.text(JUDGED_RUN_GHERKIN, { usage: { inputTokens: 900, outputTokens: 300 } });
  const criteria = (schema.properties as { criteria?: { properties?: Record<string, unknown> } } | undefined)?.criteria;
  const value = criteria
    ? {
        criteria: Object.fromEntries(
          Object.keys(criteria.properties ?? {}).map((id) => [id, { score: 4, reason: `${id} is fine` }]),
        ),
        rationale: JUDGE_RATIONALE,
      }
    : sampleFromSchema(schema);
  return reply.text(JSON.stringify(value), { usage: { inputTokens: 1200, outputTokens: 150 } });
}
