/**
 * The offline reference generator's writer: canonical gherkin from a list of checks (the CoT
 * analysis shape), laid out on the nearest few-shot exemplar's scenario skeleton when there is one.
 */
import { type Outcome, parseControl } from '../../gherkin/parse.js';
import type { Analysis, AnalysisCheck } from '../analysis.js';
import type { GenerationContext } from '../providers/types.js';
import { nameTokens, plural, readRequirement, singular, stem, words } from './offline-terms.js';

type Exemplar = NonNullable<GenerationContext['exemplars']>[number];

/** The scenario structure of an exemplar: its outcomes in order and its trigger. */
export interface Skeleton {
  id: string;
  outcomes: Outcome[];
  trigger?: string;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

/** The exemplar whose requirement shares the most word stems with the requirement (Jaccard; first wins ties). */
export function nearestExemplar(requirement: string, exemplars: readonly Exemplar[]): Exemplar | undefined {
  const own = new Set(words(requirement).map(stem));
  let best: Exemplar | undefined;
  let bestScore = -1;
  for (const e of exemplars) {
    const score = jaccard(own, new Set(words(e.requirement).map(stem)));
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

/** The skeleton of an exemplar's gherkin, or undefined when it does not parse. */
export function skeletonOf(exemplar: Exemplar): Skeleton | undefined {
  const parsed = parseControl(exemplar.gherkin);
  if (!parsed.ok) return undefined;
  const outcomes = parsed.control.scenarios.map((s) => s.outcomes[0]).filter((o): o is Outcome => o !== undefined);
  return { id: exemplar.id, outcomes, trigger: parsed.control.fields.Trigger };
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

function quote(call: string): string {
  return `"${call}"`;
}

function upperSnake(ws: readonly string[]): string {
  return ws
    .map((w) => w.toUpperCase())
    .filter(Boolean)
    .join('_');
}

function sentenceCase(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function fieldWords(field: string): string {
  const leaf =
    field
      .replace(/(\[\]|\{\})/g, '')
      .split('.')
      .pop() ?? field;
  return nameTokens(leaf).join(' ');
}

interface Layout {
  na: AnalysisCheck[];
  nc: AnalysisCheck[];
  c: AnalysisCheck[];
  error: AnalysisCheck[];
}

/** Pad the non-compliant checks with absent-field cases, up to `want` (the skeleton's count). */
function padded(nc: AnalysisCheck[], want: number, negated: boolean): AnalysisCheck[] {
  const out = nc.slice();
  if (negated) return out;
  for (const check of nc) {
    if (out.length >= want) break;
    if (check.condition === 'is not set' || out.some((x) => x.field === check.field && x.condition === 'is not set')) {
      continue;
    }
    out.push({ ...check, description: `${check.field} is not set`, condition: 'is not set' });
  }
  return out;
}

/** Scenario outcome order: the skeleton's, then whatever it did not place, in the default order. */
function ordered(layout: Layout, skeleton?: Skeleton): { outcome: Outcome; checks: AnalysisCheck[] }[] {
  const pools: Record<Outcome, AnalysisCheck[][]> = {
    NOT_APPLICABLE: layout.na.slice(0, 1).map((x) => [x]),
    NON_COMPLIANT: layout.nc.map((x) => [x]),
    COMPLIANT: layout.c.length ? [layout.c] : [],
    ERROR: layout.error.slice(0, 1).map((x) => [x]),
  };
  const out: { outcome: Outcome; checks: AnalysisCheck[] }[] = [];
  for (const outcome of skeleton?.outcomes ?? []) {
    const next = pools[outcome].shift();
    if (next) out.push({ outcome, checks: next });
  }
  for (const outcome of ['NOT_APPLICABLE', 'NON_COMPLIANT', 'COMPLIANT', 'ERROR'] as const) {
    for (const checks of pools[outcome]) out.push({ outcome, checks });
  }
  return out;
}

function scenarioLines(outcome: Outcome, checks: AnalysisCheck[], noun: { one: string; many: string }): string[] {
  const first = checks[0]!;
  if (outcome === 'NOT_APPLICABLE') {
    const given = first.call ? `Given ${quote(first.call)} ${first.condition}` : `Given there are no ${noun.many}`;
    return [`Scenario: No ${noun.many} exist`, `  ${given}`, '  Then the rule returns NOT_APPLICABLE'];
  }
  if (outcome === 'ERROR') {
    return [
      `Scenario: The rule parameter "${first.field}" is invalid`,
      `  Given the rule parameter "${first.field}" ${first.condition}`,
      '  Then the rule returns ERROR',
    ];
  }
  const name =
    outcome === 'COMPLIANT'
      ? `The ${noun.one} meets the requirement`
      : `${sentenceCase(fieldWords(first.field))} ${first.condition.replace(/"/g, '')}`;
  const lines = [`Scenario: ${name}`];
  const seenCalls: string[] = [];
  for (const check of checks) {
    if (check.call && !seenCalls.includes(check.call)) {
      lines.push(
        seenCalls.length === 0
          ? `  Given ${article(noun.one)} ${noun.one} described by ${quote(check.call)}`
          : `  And its details from ${quote(check.call)}`,
      );
      seenCalls.push(check.call);
    }
    if (check.field) lines.push(`  And its "${check.field}" ${check.condition}`);
  }
  if (!seenCalls.length) lines.splice(1, 0, `  Given ${article(noun.one)} ${noun.one}`);
  lines.push(`  Then the rule returns ${outcome}`);
  return lines;
}

function nounOf(analysis: Analysis, fallback: string[]): { one: string; many: string } {
  const na = analysis.checks.find((c) => c.outcome === 'NOT_APPLICABLE');
  const many = /returns no ([a-z0-9 ]+?)(?: in "|$)/.exec(na?.condition ?? '')?.[1];
  if (many) {
    const ws = many.split(' ');
    return { one: [...ws.slice(0, -1), singular(ws[ws.length - 1] ?? '')].join(' '), many };
  }
  const last = fallback[fallback.length - 1] ?? 'resource';
  return { one: fallback.join(' ') || 'resource', many: [...fallback.slice(0, -1), plural(last)].join(' ') };
}

/** Write the canonical gherkin of a control from its checks (and the nearest exemplar's skeleton, if any). */
export function writeGherkin(ctx: GenerationContext, analysis: Analysis, skeleton?: Skeleton): string {
  const reading = readRequirement(ctx.requirement, ctx.service, ctx.resourceType);
  const resource = ctx.resourceType ?? analysis.resources[0] ?? 'AWS::Unknown::Resource';
  const byOutcome = (o: Outcome) => analysis.checks.filter((c) => c.outcome === o);
  const ncBase = byOutcome('NON_COMPLIANT');
  const want = skeleton ? skeleton.outcomes.filter((o) => o === 'NON_COMPLIANT').length : 0;
  const layout: Layout = {
    na: byOutcome('NOT_APPLICABLE'),
    nc: padded(ncBase, want, reading.negated),
    c: byOutcome('COMPLIANT'),
    error: byOutcome('ERROR'),
  };
  const noun = nounOf(analysis, reading.subject);
  const parameter = layout.error[0]?.field;
  const severity = reading.category === 'network-exposure' || reading.category === 'access-control' ? 'high' : 'medium';
  const serviceWords = (ctx.service ?? '').split(/[^a-z0-9]+/i).filter(Boolean);
  const nameWords = [
    ...serviceWords,
    ...reading.subject,
    ...(reading.negated ? ['no'] : []),
    ...(reading.phrases[0] ?? []),
  ];
  const featureName = upperSnake(nameWords.slice(0, 8)) || 'SECURITY_CONTROL';
  const parameters = parameter
    ? `${parameter} (int, optional, default ${reading.threshold?.value ?? 1}): the minimum number of ${reading.threshold?.unit ?? 'units'}`
    : 'None';
  const out = [
    `@control:none @severity:${severity} @resource:${resource} @category:${reading.category}`,
    `Feature: ${featureName}`,
    `  Description: ${reading.sentence}`,
    `  Trigger: ${skeleton?.trigger ?? 'Configuration changes'}`,
    `  Reports on: ${resource}`,
    `  Rule Parameters: ${parameters}`,
  ];
  for (const { outcome, checks } of ordered(layout, skeleton)) {
    out.push('', ...scenarioLines(outcome, checks, noun).map((l) => `  ${l.startsWith('  ') ? `  ${l.trim()}` : l}`));
  }
  return out.join('\n');
}
