/**
 * Gate rules on the judge's agreement with the run's expert labels (the `labels:` list of a
 * rules file): a floor on the judge's quadratic-weighted kappa with the pooled label, and "the
 * judge does not agree with people significantly less than they agree with each other". They
 * read the labels block of the run's summary, so a judge model or rubric change that lowers the
 * agreement fails CI.
 */
import { z } from 'zod';
import type { Summary } from '../analysis/types.js';
import type { JudgeVsPeople } from '../labels/agreement.js';
import type { GateCheck } from './evaluate.js';

/** One rule of the `labels:` list. */
export const labelRuleSchema = z
  .object({
    /** A labelled criterion, or `*` for every labelled criterion. */
    criterion: z.string().min(1),
    /** Floor on the judge's kappa with the pooled (rounded mean) human label, e.g. 0.6. */
    minKappa: z.number().min(-1).max(1).optional(),
    /** Fail when the judge agrees with people significantly less than they agree with each other. */
    notBelowPeople: z.boolean().default(false),
    /** Skip (instead of fail) when the run has no labels compared with a judge. */
    optional: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.minKappa !== undefined || r.notBelowPeople, {
    message: 'a labels rule needs minKappa or notBelowPeople: true',
  });

/** A rule on the judge's agreement with the labels. */
export type LabelRule = z.infer<typeof labelRuleSchema>;

function check(
  name: string,
  judge: string,
  criterion: string,
  current: Pick<GateCheck, 'current' | 'ci' | 'pairs' | 'verdict' | 'reason'>,
): GateCheck {
  return {
    name,
    metric: `labels.kappa.${criterion}`,
    variant: '',
    model: judge,
    kind: 'judgeAgreement',
    baseline: null,
    diff: null,
    pValue: null,
    pHolm: null,
    ...current,
  };
}

function ruleChecks(rule: LabelRule, row: JudgeVsPeople, judge: string): GateCheck[] {
  const checks: GateCheck[] = [];
  if (rule.minKappa !== undefined) {
    const value = row.pooled.value;
    const ok = value !== null && value >= rule.minKappa;
    checks.push(
      check(`judge vs labels: ${row.criterion} kappa ≥ ${rule.minKappa}`, judge, row.criterion, {
        current: value,
        ci: row.pooled.ci,
        pairs: row.cases,
        verdict: ok ? 'pass' : 'fail',
        reason:
          value === null
            ? 'kappa undefined (too few labelled cases or no spread)'
            : `judge vs pooled labels kappa ${value.toFixed(3)} ${ok ? '≥' : '<'} ${rule.minKappa}`,
      }),
    );
  }
  if (rule.notBelowPeople) {
    const ok = row.verdict === 'no-detectable-difference' || row.verdict === 'above';
    checks.push(
      check(`judge vs labels: ${row.criterion} not below people`, judge, row.criterion, {
        current: row.difference.value,
        ci: row.difference.ci,
        pairs: row.cases,
        verdict: ok ? 'pass' : 'fail',
        reason:
          row.verdict === 'not-enough-labels'
            ? 'needs labels of two or more annotators on shared cases'
            : `judge − people kappa ${row.difference.value?.toFixed(3)}: ${row.verdict}`,
      }),
    );
  }
  return checks;
}

/** Apply the `labels:` rules to a run's summary. */
export function labelRuleChecks(summary: Summary, rules: readonly LabelRule[]): GateCheck[] {
  const judge = summary.judge.model ?? 'judge';
  return rules.flatMap((rule) => {
    const rows = summary.labels?.judge;
    const missing = (reason: string): GateCheck[] =>
      rule.optional
        ? []
        : [
            check(`judge vs labels: ${rule.criterion}`, judge, rule.criterion, {
              current: null,
              ci: null,
              pairs: 0,
              verdict: 'fail',
              reason,
            }),
          ];
    if (!rows)
      return missing(
        'the run has no labels compared with a judge: label it (gherkin-bench label), then gherkin-bench report',
      );
    const chosen = rule.criterion === '*' ? rows : rows.filter((r) => r.criterion === rule.criterion);
    if (chosen.length === 0) return missing(`criterion "${rule.criterion}" is not labelled in this run`);
    return chosen.flatMap((row) => ruleChecks(rule, row, judge));
  });
}
