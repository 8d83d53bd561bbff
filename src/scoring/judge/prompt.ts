/**
 * The judge's prompts (template files under judges/prompts/), the structured-output JSON schema a
 * rubric implies, the zod schema its replies are validated with, and the prompt hash recorded in
 * the run manifest.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Item } from '../../dataset/types.js';
import { packagePath } from '../../paths.js';
import type { Rubric } from './rubric.js';

/** Judge modes: with the gold in the prompt, or without it. */
export const JUDGE_MODES = ['reference-guided', 'reference-free'] as const;
/** One judge mode. */
export type JudgeMode = (typeof JUDGE_MODES)[number];

const TEMPLATE_FILES = ['system', 'reference-guided', 'reference-free', 'repair', 'pairwise'] as const;
type TemplateName = (typeof TEMPLATE_FILES)[number];

const templates = new Map<TemplateName, string>();

/** The text of one judge template file (judges/prompts/<name>.md), cached. */
export function judgeTemplate(name: TemplateName): string {
  let text = templates.get(name);
  if (text === undefined) {
    text = readFileSync(packagePath('judges', 'prompts', `${name}.md`), 'utf8');
    templates.set(name, text);
  }
  return text;
}

/** Fill `{{name}}` slots; every slot must be given (a missing one is a bug in the caller). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([a-z_]+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`judge template slot {{${key}}} has no value`);
    return value;
  });
}

/** The rubric as the prompt shows it. */
export function renderCriteria(rubric: Rubric): string {
  return rubric.criteria
    .map((c) => {
      const anchors = ([1, 2, 3, 4, 5] as const).map((n) => `  ${n}: ${c.anchors[n]}`).join('\n');
      return `### ${c.id}\n${c.question}\n${anchors}`;
    })
    .join('\n\n');
}

/** A Markdown code fence longer than any backtick run in `texts` (so a candidate cannot close it). */
export function fenceFor(...texts: string[]): string {
  const longest = Math.max(2, ...texts.flatMap((t) => (t.match(/`+/g) ?? []).map((run) => run.length)));
  return '`'.repeat(longest + 1);
}

/** The system prompt and the user message for one candidate. */
export function renderJudgePrompt(
  rubric: Rubric,
  mode: JudgeMode,
  item: Item,
  candidate: string,
): { system: string; user: string } {
  const user = fill(judgeTemplate(mode), {
    requirement: item.requirement,
    service: item.service,
    resource_type: item.resourceType,
    criteria: renderCriteria(rubric),
    candidate: candidate.trim() || '(empty: the generator produced no gherkin)',
    fence: fenceFor(candidate, mode === 'reference-guided' ? item.goldText : ''),
    ...(mode === 'reference-guided' ? { gold: item.goldText.trim() } : {}),
  });
  return { system: judgeTemplate('system').trim(), user };
}

/** The follow-up message of the one repair retry. */
export function renderRepair(rubric: Rubric, error: string): string {
  return fill(judgeTemplate('repair'), {
    error,
    criterion_ids: rubric.criteria.map((c) => c.id).join(', '),
  }).trim();
}

/** sha256 (hex) over every judge template file, for the run manifest. */
export function judgePromptHash(): string {
  const hash = createHash('sha256');
  for (const name of TEMPLATE_FILES) hash.update(`${name}\u0000${judgeTemplate(name)}\u0000`);
  return hash.digest('hex');
}

/** A structured-output schema: a name, a description and the JSON schema of the tool input. */
export interface JudgeJsonSchema {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

/**
 * A structured-output schema with one `criterion` object per rubric criterion (all required) and a
 * free-text `rationale`; shared by the pointwise judge and the pairwise judge.
 */
export function criteriaJsonSchema(
  rubric: Rubric,
  name: string,
  description: string,
  criterion: Record<string, unknown>,
): JudgeJsonSchema {
  return {
    name,
    description,
    schema: {
      type: 'object',
      properties: {
        criteria: {
          type: 'object',
          properties: Object.fromEntries(rubric.criteria.map((c) => [c.id, criterion])),
          required: rubric.criteria.map((c) => c.id),
          additionalProperties: false,
        },
        rationale: { type: 'string' },
      },
      required: ['criteria', 'rationale'],
      additionalProperties: false,
    },
  };
}

/** The JSON schema the judge's structured output must follow (tool input on Bedrock, JSON mode elsewhere). */
export function judgeJsonSchema(rubric: Rubric): JudgeJsonSchema {
  return criteriaJsonSchema(rubric, 'record_scores', 'Record the 1-5 score and reasons for every rubric criterion.', {
    type: 'object',
    properties: {
      score: { type: 'integer', minimum: 1, maximum: 5 },
      reason: { type: 'string' },
    },
    required: ['score', 'reason'],
    additionalProperties: false,
  });
}

/** A validated judge reply. */
export interface JudgeReply {
  criteria: Record<string, { score: number; reason: string }>;
  rationale: string;
}

/** The zod schema of a reply for `rubric` (every criterion, integer 1–5). */
export function judgeReplySchema(rubric: Rubric): z.ZodType<JudgeReply> {
  const entry = z.object({ score: z.number().int().min(1).max(5), reason: z.string() });
  const shape = Object.fromEntries(rubric.criteria.map((c) => [c.id, entry]));
  return z.object({ criteria: z.object(shape), rationale: z.string().default('') }) as unknown as z.ZodType<JudgeReply>;
}

/** The first JSON object in a text reply (fenced or bare), or undefined. */
export function jsonInText(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text)?.[1];
  const candidates = [fenced, text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)];
  for (const body of candidates) {
    if (!body?.trim()) continue;
    try {
      return JSON.parse(body);
    } catch {
      // try the next form
    }
  }
  return undefined;
}
