/**
 * The checker a model may get feedback from: the problems of a draft gherkin that parsing, the
 * structure rules and grounding in the botocore models find. It reads only the draft (and the
 * task's service), never anything computed from a gold, so its feedback is fair to give a model
 * during generation (the `repair` technique; the agent's `check_gherkin` tool).
 */
import { parseControl } from '../gherkin/parse.js';
import { checkStructure } from '../gherkin/rules.js';
import { type GroundingReport, groundText } from '../knowledge/grounding.js';

/** One problem of a draft, in words a model can act on. */
export interface DraftProblem {
  /** Which check found it. */
  check: 'parse' | 'structure' | 'grounding';
  /** The 1-based line of the draft, when the check names one. */
  line?: number;
  /** What is wrong and, where known, what to write instead. */
  message: string;
  /** For grounding: the reference as written (a call, member path or enum value). */
  reference?: string;
  /** For grounding: `unknown` (no such name) or `misplaced` (a real member of another call). */
  status?: 'unknown' | 'misplaced';
  /** For grounding: the closest real names ("did you mean"), best first. */
  suggestions?: string[];
}

/** Most grounding problems reported for one draft (the rest are counted in a last line). */
export const MAX_GROUNDING_PROBLEMS = 20;

function groundingProblems(report: GroundingReport): DraftProblem[] {
  const bad = report.references.filter((r) => r.status !== 'valid');
  const problems: DraftProblem[] = bad.slice(0, MAX_GROUNDING_PROBLEMS).map((r) => {
    const what = r.status === 'misplaced' ? 'is not returned by the call named here' : 'does not exist';
    const hint = r.note ? ` (${r.note})` : '';
    const problem: DraftProblem = {
      check: 'grounding',
      line: r.line,
      message: `${r.kind} "${r.text}" ${what}${hint}`,
      reference: r.text,
      status: r.status === 'misplaced' ? 'misplaced' : 'unknown',
    };
    if (r.suggestions.length > 0) problem.suggestions = r.suggestions.slice(0, 3);
    return problem;
  });
  if (bad.length > MAX_GROUNDING_PROBLEMS) {
    problems.push({ check: 'grounding', message: `${bad.length - MAX_GROUNDING_PROBLEMS} more unknown references` });
  }
  return problems;
}

/**
 * Every problem of a draft: a parse error (then nothing else: the rest needs a parsed control),
 * else each structure rule it breaks, then each API reference that does not ground (unknown, or
 * misplaced: a member of another call). An empty list means the draft passes all three checks.
 * `service` is the boto3 client of the task (it scopes bare method names); an unknown service is
 * ignored rather than thrown, since the draft, not the task, is being checked.
 */
export function checkDraft(text: string, service?: string): DraftProblem[] {
  const parsed = parseControl(text);
  if (!parsed.ok) {
    const problem: DraftProblem = { check: 'parse', message: `does not parse as Gherkin: ${parsed.error.message}` };
    if (parsed.error.line !== undefined) problem.line = parsed.error.line;
    return [problem];
  }
  const structure: DraftProblem[] = checkStructure(text, parsed.control)
    .filter((v) => !v.pass)
    .map((v) => ({
      check: 'structure' as const,
      ...(v.line === undefined ? {} : { line: v.line }),
      message: `${v.rule}: ${v.message}`,
    }));
  let report: GroundingReport;
  try {
    report = groundText(text, service ? { service } : {});
  } catch {
    report = groundText(text);
  }
  return [...structure, ...groundingProblems(report)];
}

/** The problems as the numbered lines a prompt shows. */
export function renderProblems(problems: readonly DraftProblem[]): string {
  return problems
    .map((p, i) => {
      const where = p.line === undefined ? '' : `line ${p.line}: `;
      const instead = p.suggestions?.length ? `; did you mean ${p.suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
      return `${i + 1}. [${p.check}] ${where}${p.message}${instead}`;
    })
    .join('\n');
}
