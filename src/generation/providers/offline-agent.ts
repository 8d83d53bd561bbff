/**
 * The offline reference generator's tool policy (the `agent` technique's turns): deterministic and
 * no model. Turn 1 calls `search_api` with the requirement (in the task's service); turn 2 writes a
 * draft as the direct writer does, with the search hits as its passages, and sends it to
 * `check_gherkin`; turn 3 swaps each unknown name the checker suggested a real one for (as the
 * offline repair does) and answers with the control. A tool error at turn 1 leaves it writing
 * from its own words. Like the rest of the offline generator it exercises the loop end to end and
 * says nothing about how a model would use tools.
 */
import type { DraftProblem } from '../draft-check.js';
import { repairDraft } from './offline-repair.js';
import type { GenerationContext, RetrievedPassage, ToolCall } from './types.js';

/** One offline agent turn: a text and, until it answers, one tool call. */
export interface OfflineTurn {
  text: string;
  toolCalls?: ToolCall[];
}

interface SearchHit {
  call: string;
  operation: string;
  doc: string;
  members: string[];
}

function passagesFrom(hits: readonly SearchHit[]): RetrievedPassage[] {
  return hits.map((hit, rank) => {
    const [service = '', method = ''] = hit.call.split('.');
    return {
      service,
      operation: hit.operation,
      method,
      score: hits.length - rank,
      members: hit.members,
      text: `${hit.call} (${hit.operation}): ${hit.doc}\n${hit.members.map((m) => `  ${m}`).join('\n')}`,
    };
  });
}

/**
 * The next turn from the tool results so far. `write` writes a draft from a context (the direct
 * writer of offline.ts), so the draft is what the offline generator would write with those passages.
 */
export function offlineAgentTurn(ctx: GenerationContext, write: (ctx: GenerationContext) => string): OfflineTurn {
  const results = ctx.toolResults ?? [];
  if (results.length === 0) {
    const input = { query: ctx.requirement, ...(ctx.service ? { service: ctx.service } : {}) };
    return {
      text: 'I will search the Boto3 API first.',
      toolCalls: [{ toolUseId: 'offline-1', name: 'search_api', input }],
    };
  }
  const check = results.findLast((r) => r.name === 'check_gherkin');
  if (!check) {
    const search = results.find((r) => r.name === 'search_api' && !r.isError);
    const hits = Array.isArray(search?.value) ? (search.value as SearchHit[]) : [];
    const draft = write({ ...ctx, passages: [...(ctx.passages ?? []), ...passagesFrom(hits)] });
    return {
      text: 'Let me check my draft.',
      toolCalls: [{ toolUseId: `offline-${results.length + 1}`, name: 'check_gherkin', input: { text: draft } }],
    };
  }
  const draft = String((check.input as { text?: unknown }).text ?? '');
  const problems = ((check.value as { problems?: DraftProblem[] } | undefined)?.problems ?? []) as DraftProblem[];
  const final = repairDraft(draft, problems);
  return { text: `Here is the security control for the requirement.\n\n\`\`\`gherkin\n${final}\n\`\`\`\n` };
}
