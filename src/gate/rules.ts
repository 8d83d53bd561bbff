/** Gate rules: per metric (and optionally per variant), a floor, a largest drop, and "no significant regression". */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { badInput } from '../errors.js';
import { CHECK_METRICS, COST_METRICS } from '../scoring/types.js';
import { parseYamlText } from '../yaml-text.js';
import { labelRuleSchema } from './label-rule.js';

const metricId = z
  .string()
  .refine(
    (m) =>
      (CHECK_METRICS as readonly string[]).includes(m) ||
      (COST_METRICS as readonly string[]).includes(m) ||
      /^judge\.[a-z_]+$/.test(m),
    {
      message: `unknown metric; use one of ${[...CHECK_METRICS, ...COST_METRICS].join(', ')}, judge.<criterion> or judge.overall`,
    },
  );

const ruleSchema = z
  .object({
    metric: metricId,
    /** Variants the rule applies to; default: every variant of the baseline. */
    variants: z.array(z.string().min(1)).min(1).optional(),
    /** Absolute floor on the current mean. */
    min: z.number().optional(),
    /** Absolute ceiling on the current mean (for costs). */
    max: z.number().optional(),
    /** Largest allowed drop of the mean against the baseline (for costs: largest allowed rise). */
    maxDrop: z.number().nonnegative().optional(),
    /** Fail when the paired comparison shows current − baseline significantly below −margin. */
    noSignificantRegression: z.object({ margin: z.number().nonnegative().default(0) }).optional(),
    /** Skip (instead of fail) when neither the baseline nor the run has the metric, e.g. a judge that was never run. */
    optional: z.boolean().default(false),
  })
  .strict()
  .refine(
    (r) =>
      r.min !== undefined || r.max !== undefined || r.maxDrop !== undefined || r.noSignificantRegression !== undefined,
    {
      message: 'a rule needs at least one of min, max, maxDrop, noSignificantRegression',
    },
  );

const rulesSchema = z
  .object({
    /** Family-wise significance level of the "no significant regression" checks (Holm-corrected). */
    alpha: z.number().gt(0).lt(1).default(0.05),
    rules: z.array(ruleSchema).min(1),
    /** Rules on the judge's agreement with the run's expert labels (see label-rule.ts). */
    labels: z.array(labelRuleSchema).optional(),
  })
  .strict();

/** One gate rule. */
export type GateRule = z.infer<typeof ruleSchema>;
/** A rules file. */
export type GateRules = z.infer<typeof rulesSchema>;

/**
 * The rules used without a rules file: every check metric the baseline has must not regress
 * significantly (margin 0.02) nor drop by more than 0.05, and parse must stay at or above 0.9.
 */
export const DEFAULT_RULES: GateRules = {
  alpha: 0.05,
  rules: [
    { metric: 'parse', min: 0.9, maxDrop: 0.05, noSignificantRegression: { margin: 0.02 }, optional: true },
    ...(['structure', 'grounding', 'api_recall', 'path_recall', 'outcome_coverage'] as const).map((metric) => ({
      metric,
      maxDrop: 0.05,
      noSignificantRegression: { margin: 0.02 },
      optional: true,
    })),
  ],
};

/** Validate a rules object; `file` names the source in errors. */
export function parseRules(value: unknown, file: string): GateRules {
  const parsed = rulesSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput({ file, field: issue?.path.join('.') || '(root)' }, issue?.message ?? 'invalid gate rules');
  }
  return parsed.data;
}

/** Read a YAML rules file. */
export function readRules(path: string): GateRules {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw badInput({ file: path }, 'cannot read the rules file', cause);
  }
  return parseRules(parseYamlText(text, path), path);
}
