/**
 * The pairwise judge: which of two controls is better per criterion. gherkin-bench's runs score
 * candidates one at a time; pairwise judging exists for the position-bias probe of
 * `judge calibrate --position` (each pair is asked in both orders).
 */
import { z } from 'zod';
import type { Item } from '../../dataset/types.js';
import type { ModelProvider, Usage } from '../../generation/providers/types.js';
import type { CaseUsage } from '../../generation/types.js';
import { emptyUsage } from '../../generation/usage.js';
import { criteriaJsonSchema, fenceFor, fill, type JudgeJsonSchema, judgeTemplate, renderCriteria } from './prompt.js';
import type { Rubric } from './rubric.js';
import { structuredCall } from './structured-call.js';

/** A pairwise verdict on one criterion. */
export type Winner = 'A' | 'B' | 'tie';

/** What {@link judgePair} needs. */
export interface PairInput {
  item: Item;
  rubric: Rubric;
  provider: ModelProvider;
  /** Shown as control A. */
  first: string;
  /** Shown as control B. */
  second: string;
  costOf?: (usage: Usage, modelId: string) => number | null;
  signal?: AbortSignal;
}

/** The verdicts per criterion, or the failure. */
export interface PairResult {
  winners: Record<string, Winner> | null;
  usage: CaseUsage;
  error: string | null;
}

const winner = z.enum(['A', 'B', 'tie']);

function pairJsonSchema(rubric: Rubric): JudgeJsonSchema {
  return criteriaJsonSchema(
    rubric,
    'record_preferences',
    'Record which control is better for every rubric criterion.',
    {
      type: 'object',
      properties: { winner: { type: 'string', enum: ['A', 'B', 'tie'] }, reason: { type: 'string' } },
      required: ['winner', 'reason'],
      additionalProperties: false,
    },
  );
}

/** Ask which of two controls is better, per criterion (one call, one repair retry, failures as data). */
export async function judgePair(input: PairInput): Promise<PairResult> {
  const { rubric, item } = input;
  const entry = z.object({ winner, reason: z.string() });
  const schema = z.object({
    criteria: z.object(Object.fromEntries(rubric.criteria.map((c) => [c.id, entry]))),
    rationale: z.string().default(''),
  }) as unknown as z.ZodType<{ criteria: Record<string, { winner: Winner }>; rationale: string }>;
  const user = fill(judgeTemplate('pairwise'), {
    requirement: item.requirement,
    service: item.service,
    resource_type: item.resourceType,
    criteria: renderCriteria(rubric),
    first: input.first.trim() || '(empty)',
    second: input.second.trim() || '(empty)',
    fence: fenceFor(input.first, input.second),
  });
  const usage = emptyUsage();
  const result = await structuredCall(
    {
      provider: input.provider,
      system: judgeTemplate('system').trim(),
      user,
      jsonSchema: pairJsonSchema(rubric),
      schema,
      repair: (error) =>
        `Your reply could not be used: ${error}\n\nReply again with the complete structured result: for every criterion (${rubric.criteria.map((c) => c.id).join(', ')}) a "winner" (A, B or tie) and a "reason", plus an overall "rationale".`,
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.costOf ? { costOf: input.costOf } : {}),
    },
    usage,
  );
  if (!input.costOf) usage.costUsd = null;
  if (!result.ok) return { winners: null, usage, error: result.error };
  const winners = Object.fromEntries(rubric.criteria.map((c) => [c.id, result.value.criteria[c.id]?.winner ?? 'tie']));
  return { winners, usage, error: null };
}

/** Position consistency of one criterion over (gold, corrupted) pairs asked in both orders. */
export interface PositionRow {
  criterion: string;
  /** Pairs where both orders got a verdict. */
  pairs: number;
  /** Same content preferred in both orders (or tie in both). */
  consistent: number;
  /** The gold preferred in both orders. */
  goldPreferred: number;
  /** Share of all verdicts that picked the control shown first (0.5 = no position preference among decisive verdicts when balanced). */
  firstShown: number | null;
}

/** Tabulate both-order verdicts (`goldFirst`: gold shown as A; `goldSecond`: gold shown as B). */
export function positionRows(
  rubric: Rubric,
  pairs: readonly { goldFirst: PairResult; goldSecond: PairResult }[],
): PositionRow[] {
  return rubric.criteria.map((c) => {
    let n = 0;
    let consistent = 0;
    let goldPreferred = 0;
    let first = 0;
    for (const pair of pairs) {
      const a = pair.goldFirst.winners?.[c.id];
      const b = pair.goldSecond.winners?.[c.id];
      if (!a || !b) continue;
      n++;
      if ((a === 'A' && b === 'B') || (a === 'B' && b === 'A') || (a === 'tie' && b === 'tie')) consistent++;
      if (a === 'A' && b === 'B') goldPreferred++;
      first += (a === 'A' ? 1 : 0) + (b === 'A' ? 1 : 0);
    }
    return { criterion: c.id, pairs: n, consistent, goldPreferred, firstShown: n === 0 ? null : first / (2 * n) };
  });
}
