/** `grounding`: the knowledge base's grounding precision of the candidate's API references. */
import { groundText } from '../../knowledge/grounding.js';
import type { CheckFactory } from './types.js';

/**
 * `grounding`: valid / all quoted API references (calls, member paths, enum values) resolved
 * against the pinned botocore models. Pass = no unknown and no misplaced reference (a field read
 * from a call that does not return it — a v1 call with v2 fields, elb for elbv2 — fails it too). Null when the candidate names no API reference at all (api_recall shows that).
 */
export const groundingCheck: CheckFactory = () => (input) => {
  const report = groundText(input.candidate, { service: input.item.service });
  const { valid, unknown, misplaced, total } = report.counts;
  const listed = (status: 'unknown' | 'misplaced') =>
    report.references
      .filter((r) => r.status === status)
      .map((r) => ({
        kind: r.kind,
        text: r.text,
        line: r.line,
        ...(r.note ? { note: r.note } : {}),
        suggestions: r.suggestions,
      }));
  const details = { counts: report.counts, unknown: listed('unknown'), misplaced: listed('misplaced') };
  if (report.precision === null)
    return {
      metric: 'grounding',
      value: null,
      reason: 'the candidate names no Boto3 call or member path to ground',
      details,
    };
  const problems = [
    ...new Set(
      details.unknown.map((r) => `"${r.text}"`).concat(details.misplaced.map((r) => `"${r.text}" (misplaced)`)),
    ),
  ];
  return {
    metric: 'grounding',
    value: report.precision,
    pass: unknown === 0 && misplaced === 0,
    reason:
      problems.length === 0
        ? `all ${total} API references exist in botocore`
        : `${valid}/${total} API references valid; ${unknown} unknown, ${misplaced} misplaced: ${problems.slice(0, 5).join(', ')}${problems.length > 5 ? ', …' : ''}`,
    details,
  };
};
