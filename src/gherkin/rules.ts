/**
 * The named structure rules of a control gherkin (issue 5): what a security engineer checks before
 * reading the content. Pure and fast: one pass over the parsed control plus one over the text.
 * The `structure` scorer reports the share of these rules met; the dataset validator requires
 * every gold to meet all of them.
 */
import { DESCRIPTION_FIELDS, type ParsedControl } from './parse.js';

/** One rule's verdict on one text. */
export interface RuleVerdict {
  /** The rule's id, one of {@link STRUCTURE_RULES}. */
  rule: string;
  pass: boolean;
  /** Why it passed or what is wrong (the first offender is named). */
  message: string;
  /** Line of the first offender, when there is one. */
  line?: number;
}

/** Every structure rule, id → what it requires (the order {@link checkStructure} reports them in). */
export const STRUCTURE_RULES = {
  'feature-name': 'The Feature is named like a rule: UPPER_SNAKE_CASE with at least two words.',
  'description-fields': 'The description has non-empty Description, Trigger, Reports on and Rule Parameters fields.',
  'has-scenario': 'There is at least one scenario.',
  'given-and-then': "Every scenario has a Given step (its own or a Background's) and a Then step.",
  'then-outcome':
    'Every Then step states a compliance result (COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE or ERROR); And/But after it may add detail.',
  'unique-scenarios': 'No two scenarios share a name or the same steps.',
  'non-empty-scenarios': 'No scenario is empty (every scenario has steps).',
  'no-placeholders':
    'No placeholders: no TODO/FIXME/TBD/XXX, no ellipses (... or …), no <name> or {{name}} outside Scenario Outlines.',
  tags: 'Tags @control:<id|none>, @severity:<low|medium|high|critical> and @resource:<AWS::Service::Type> are present.',
} as const;
/** One structure rule id. */
export type StructureRule = keyof typeof STRUCTURE_RULES;

const RULE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const SEVERITY = /^(low|medium|high|critical)$/;
/** A CloudFormation / AWS Config resource type; account-level controls report on `AWS::::Account`. */
const RESOURCE = /^AWS::([A-Za-z0-9]+)?::[A-Za-z0-9]+$/;
const PLACEHOLDER_WORD = /\b(?:TODO|FIXME|TBD)\b|\bXXX\b/i;
const ELLIPSIS = /\.\.\.|…/;
const ANGLE = /<[^<>\n]{1,80}>/;
const MUSTACHE = /\{\{[^{}\n]*\}\}/;

type Verdict = Omit<RuleVerdict, 'rule'>;

const ok = (message: string): Verdict => ({ pass: true, message });
const fail = (message: string, line?: number): Verdict =>
  line === undefined ? { pass: false, message } : { pass: false, message, line };
const NO_SCENARIOS = (): Verdict => fail('no scenarios to check');

function featureName(control: ParsedControl): Verdict {
  const name = control.featureName;
  if (RULE_NAME.test(name)) return ok(`Feature "${name}" is named like a rule`);
  return fail(
    name ? `Feature "${name}" is not UPPER_SNAKE_CASE like a rule name` : 'the Feature has no name',
    control.featureLine,
  );
}

function descriptionFields(control: ParsedControl): Verdict {
  const missing = DESCRIPTION_FIELDS.filter((f) => !control.fields[f]?.trim());
  if (missing.length === 0) return ok('all four description fields are present');
  return fail(`missing or empty description field(s): ${missing.join(', ')}`, control.featureLine);
}

function hasScenario(control: ParsedControl): Verdict {
  const n = control.scenarios.length;
  return n > 0 ? ok(`${n} scenario(s)`) : fail('the Feature has no scenarios', control.featureLine);
}

/** True when a Background gives every scenario a Given step (ParsedControl keeps scenarios only). */
function backgroundHasGiven(text: string): boolean {
  const start = text.search(/^\s*Background:/m);
  if (start < 0) return false;
  const rest = text.slice(start);
  const end = rest.search(/^\s*(Scenario|Scenario Outline|Scenario Template|Example|Rule):/m);
  return /^\s*Given\b/m.test(end < 0 ? rest : rest.slice(0, end));
}

function givenAndThen(control: ParsedControl, text: string): Verdict {
  if (control.scenarios.length === 0) return NO_SCENARIOS();
  const inherited = backgroundHasGiven(text);
  for (const s of control.scenarios) {
    const given = inherited || s.steps.some((step) => step.kind === 'given');
    const then = s.steps.some((step) => step.kind === 'then');
    if (!given || !then)
      return fail(`scenario "${s.name}" has no ${given ? 'Then' : then ? 'Given' : 'Given or Then'} step`, s.line);
  }
  return ok('every scenario has a Given and a Then');
}

function thenOutcome(control: ParsedControl): Verdict {
  if (control.scenarios.length === 0) return NO_SCENARIOS();
  for (const s of control.scenarios) {
    for (const step of s.steps) {
      if (step.keyword !== 'Then') continue;
      if (!/\b(?:NON_COMPLIANT|NOT_APPLICABLE|COMPLIANT|ERROR)\b/.test(step.text))
        return fail(`Then step "${step.text}" states no compliance result`, step.line);
    }
  }
  return ok('every Then states a compliance result');
}

function uniqueScenarios(control: ParsedControl): Verdict {
  if (control.scenarios.length === 0) return NO_SCENARIOS();
  const names = new Map<string, number>();
  const bodies = new Map<string, string>();
  for (const s of control.scenarios) {
    const name = s.name.trim().toLowerCase();
    if (name && names.has(name)) return fail(`scenario name "${s.name}" is used twice`, s.line);
    names.set(name, s.line);
    if (s.steps.length === 0) continue;
    const body = s.steps.map((step) => `${step.kind} ${step.text.trim().replace(/\s+/g, ' ')}`).join('\n');
    const twin = bodies.get(body);
    if (twin !== undefined) return fail(`scenario "${s.name}" repeats the steps of "${twin}"`, s.line);
    bodies.set(body, s.name);
  }
  return ok('scenario names and steps are unique');
}

function nonEmptyScenarios(control: ParsedControl): Verdict {
  if (control.scenarios.length === 0) return NO_SCENARIOS();
  const empty = control.scenarios.find((s) => s.steps.length === 0);
  return empty ? fail(`scenario "${empty.name}" has no steps`, empty.line) : ok('no empty scenarios');
}

/** Line ranges (1-based, inclusive start, exclusive end) of Scenario Outlines, where `<name>` is allowed. */
function outlineRanges(text: string): [number, number][] {
  const lines = text.split('\n');
  const ranges: [number, number][] = [];
  let start: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = (lines[i] as string).trimStart();
    const isOutline = /^(Scenario Outline|Scenario Template):/.test(trimmed);
    const isBlockStart = isOutline || /^(Scenario|Example|Background|Rule|Feature):/.test(trimmed);
    if (isBlockStart && start !== null) {
      ranges.push([start, i + 1]);
      start = null;
    }
    if (isOutline) start = i + 1;
  }
  if (start !== null) ranges.push([start, lines.length + 1]);
  return ranges;
}

function noPlaceholders(text: string): Verdict {
  const lines = text.split('\n');
  const hasAngle = ANGLE.test(text);
  const outlines = hasAngle ? outlineRanges(text) : [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const lineNo = i + 1;
    const word = PLACEHOLDER_WORD.exec(line);
    if (word) return fail(`placeholder "${word[0]}"`, lineNo);
    if (ELLIPSIS.test(line)) return fail('ellipsis instead of content', lineNo);
    const mustache = MUSTACHE.exec(line);
    if (mustache) return fail(`template placeholder ${mustache[0]}`, lineNo);
    if (hasAngle) {
      const angle = ANGLE.exec(line);
      if (angle && !outlines.some(([from, to]) => lineNo >= from && lineNo < to))
        return fail(`placeholder ${angle[0]} outside a Scenario Outline`, lineNo);
    }
  }
  return ok('no placeholders');
}

function tags(control: ParsedControl): Verdict {
  const t = control.tagValues;
  const problems: string[] = [];
  if (!t.control?.trim()) problems.push('@control:<id|none> missing');
  if (t.severity === undefined) problems.push('@severity missing');
  else if (!SEVERITY.test(t.severity)) problems.push(`@severity:${t.severity} is not low|medium|high|critical`);
  if (t.resource === undefined) problems.push('@resource missing');
  else if (!RESOURCE.test(t.resource)) problems.push(`@resource:${t.resource} is not a CloudFormation type`);
  return problems.length === 0
    ? ok('control, severity and resource tags present')
    : fail(problems.join('; '), control.featureLine);
}

/**
 * Check a parsed control against every structure rule, in {@link STRUCTURE_RULES} order.
 * `text` is the gherkin as written (for the placeholder scan and its line numbers); `control` is
 * `parseControl(text)`'s result.
 */
export function checkStructure(text: string, control: ParsedControl): RuleVerdict[] {
  const verdicts: Record<StructureRule, Verdict> = {
    'feature-name': featureName(control),
    'description-fields': descriptionFields(control),
    'has-scenario': hasScenario(control),
    'given-and-then': givenAndThen(control, text),
    'then-outcome': thenOutcome(control),
    'unique-scenarios': uniqueScenarios(control),
    'non-empty-scenarios': nonEmptyScenarios(control),
    'no-placeholders': noPlaceholders(text),
    tags: tags(control),
  };
  return (Object.keys(STRUCTURE_RULES) as StructureRule[]).map((rule) => ({ rule, ...verdicts[rule] }));
}
