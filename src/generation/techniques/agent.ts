/**
 * The agent: the model writes the gherkin in a tool loop over the knowledge base (`agent/tools.ts`:
 * search the API, list a service's operations, describe an operation's output, check a draft),
 * asking for what it needs instead of (or besides) always-on retrieval. It is the chain's writer.
 *
 * Each turn is one model call with the whole conversation so far (so each turn is cached by it);
 * the reply's tool calls are run and their answers sent back as tool results. The loop ends when a
 * reply has no tool call (its gherkin is the candidate) or a budget runs out: turns (model calls),
 * tool calls, or tokens (input + output over the turns). Running out is recorded in the trace
 * (`trace.agent.stop`), never a failure; the candidate is then the last gherkin the model wrote,
 * in a reply or as the draft it sent to `check_gherkin` ('' when none, which fails `parse`).
 * Tool calls past the tool-call budget are answered with a tool error asking for the final answer.
 *
 * With other techniques: few-shot exemplars and, with `rag`, the retrieved passages are in the
 * first message (always-on retrieval beside the tools); with `cot`, the analysis step runs first
 * and its analysis is in the first message; `repair` revises the agent's answer afterwards.
 */
import { z } from 'zod';
import { defaultCatalog } from '../../knowledge/catalog.js';
import { AGENT_TOOLS, runTool, type ToolBox } from '../agent/tools.js';
import { extractGherkin } from '../extract.js';
import { renderAgent } from '../prompts.js';
import type { ContentBlock, GenerationContext, ModelMessage } from '../providers/types.js';
import type { Step } from '../step.js';
import { switchedByEnabled, type Technique } from '../technique.js';
import type { ToolUseRecord } from '../types.js';

/** The agent's settings in a variant. */
export interface AgentSettings {
  enabled: boolean;
  /** Most model calls per case. */
  maxTurns: number;
  /** Most tool calls per case. */
  maxToolCalls: number;
  /** Most tokens (input + output, summed over the turns) per case. */
  maxTokens: number;
}

/** How one case's tool loop ended. */
export type AgentStop = 'answer' | 'turns' | 'toolCalls' | 'tokens';

/** What the agent did in one case (kept in the trace). */
export interface AgentRecord {
  turns: number;
  toolCalls: number;
  /** Tool calls answered with an error (bad input, unknown tool or name, over budget). */
  toolErrors: number;
  /** Input + output tokens over the turns. */
  tokens: number;
  stop: AgentStop;
}

const schema = z.strictObject({
  enabled: z.boolean().optional(),
  maxTurns: z.int().min(1).max(50).optional(),
  maxToolCalls: z.int().min(0).max(200).optional(),
  maxTokens: z.int().min(1000).max(2_000_000).optional(),
});

/** The tool-result text for a call past the tool-call budget. */
export const BUDGET_SPENT = 'tool-call budget spent: answer now with the final gherkin and no tool call';

function toolBox(retriever: ToolBox['retriever'], service: string): ToolBox {
  return { catalog: defaultCatalog(), retriever, service };
}

/** The agent's tool loop as the chain's writer. */
export function agentStep(settings: AgentSettings): Step {
  return {
    id: 'agent.loop',
    async run(state, context) {
      if (!context.retriever) throw new Error('the agent is on but generateCandidate got no retriever');
      const box = toolBox(context.retriever, state.task.service);
      const first = renderAgent(context.templates, state, state.analysis);
      const messages: ModelMessage[] = [{ role: 'user', content: first.prompt }];
      const results: NonNullable<GenerationContext['toolResults']> = [];
      const record: AgentRecord = { turns: 0, toolCalls: 0, toolErrors: 0, tokens: 0, stop: 'turns' };
      let lastGherkin = '';
      let prompt = first.prompt;
      while (record.turns < settings.maxTurns) {
        if (record.tokens >= settings.maxTokens) {
          record.stop = 'tokens';
          break;
        }
        record.turns += 1;
        const { step, response } = await context.call(state, {
          name: `agent.${record.turns}`,
          rendered: { system: first.system, prompt, context: { ...first.context, toolResults: [...results] } },
          messages: [...messages],
          tools: [...AGENT_TOOLS],
        });
        record.tokens += response.usage.inputTokens + response.usage.outputTokens;
        const written = extractGherkin(response.text);
        if (written) lastGherkin = written;
        const calls = response.toolCalls ?? [];
        if (calls.length === 0) {
          record.stop = 'answer';
          break;
        }
        const uses: ToolUseRecord[] = calls.map((call) => {
          const spent = record.toolCalls >= settings.maxToolCalls;
          record.toolCalls += 1;
          const answer = spent ? { content: BUDGET_SPENT, isError: true, ms: 0 } : runTool(box, call.name, call.input);
          if (answer.isError) record.toolErrors += 1;
          if (call.name === 'check_gherkin' && !spent) {
            const draft = (call.input as { text?: unknown } | null)?.text;
            if (typeof draft === 'string' && draft.trim()) lastGherkin = extractGherkin(draft) || lastGherkin;
          }
          results.push({
            name: call.name,
            input: call.input,
            isError: answer.isError,
            ...('value' in answer && answer.value !== undefined ? { value: answer.value } : {}),
          });
          return { ...call, result: answer.content, isError: answer.isError, ms: answer.ms };
        });
        step.toolUses = uses;
        const assistant: ContentBlock[] = [
          ...(response.text ? [{ type: 'text' as const, text: response.text }] : []),
          ...calls.map((c) => ({ type: 'toolUse' as const, toolUseId: c.toolUseId, name: c.name, input: c.input })),
        ];
        const replies: ContentBlock[] = uses.map((u) => ({
          type: 'toolResult' as const,
          toolUseId: u.toolUseId,
          content: u.result,
          status: u.isError ? ('error' as const) : ('success' as const),
        }));
        messages.push({ role: 'assistant', content: assistant }, { role: 'user', content: replies });
        prompt = uses.map((u) => `[${u.name}${u.isError ? ' error' : ''}] ${u.result}`).join('\n\n');
      }
      if (record.stop === 'turns' && record.toolCalls > settings.maxToolCalls) record.stop = 'toolCalls';
      state.gherkin = lastGherkin;
      state.agent = record;
    },
  };
}

/** The agent on or off, with its budgets. */
export const agentTechnique: Technique<'agent', AgentSettings, z.output<typeof schema>> = {
  key: 'agent',
  label: 'agent',
  addedLater: true,
  off: { enabled: false, maxTurns: 8, maxToolCalls: 12, maxTokens: 60_000 },
  schema,
  ...switchedByEnabled(),
  needsRetriever: (s) => s.enabled,
  steps: (s) => [{ stage: 'write', step: agentStep(s) }],
};
