/**
 * Turning a parsed rule docstring into a canonical gold gherkin and its index row. Every guess is
 * said out loud: a field filled in from elsewhere, a typo repaired, a scenario dropped becomes a
 * warning; a rule that cannot make a usable gold (no description, no resource type, no scenario
 * with an outcome) is skipped with the reason.
 */
import { parseControl } from '../../gherkin/parse.js';
import { checkStructure } from '../../gherkin/rules.js';
import type { ServiceCatalog } from '../../knowledge/catalog.js';
import { checkGoldAgainstRow } from '../gold-checks.js';
import { type Row, splitMethods } from '../schema.js';
import { assignSplit } from '../splits.js';
import { type Category, SEVERITIES, type Severity } from '../types.js';
import { readOutcome } from './outcome.js';
import { canonicalParameters, readParameters } from './parameters.js';
import type { DocScenario, RuleDoc } from './rule-doc.js';
import { type SdkCalls, serviceOfClass } from './sdk-calls.js';

/** A rule made canonical. */
export interface CanonicalRule {
  id: string;
  /** The gold `.feature` text. */
  feature: string;
  /** The index row (cells as written to the CSV). */
  row: Row;
  /** What was repaired or guessed, one sentence each. */
  warnings: string[];
  /** Defaults applied for fields the format makes optional, and what validation will ask to fix (not repairs). */
  notes: string[];
}

/** The result of {@link toCanonical}: a rule, or why the file was skipped. */
export type Conversion =
  | { ok: true; rule: CanonicalRule }
  | { ok: false; reason: string; warnings: string[]; notes: string[] };

/** What {@link toCanonical} needs besides the docstring. */
export interface ConversionInput {
  /** The source file's base name without extension (a fallback rule name). */
  fileStem: string;
  source: string;
  doc: RuleDoc;
  calls: SdkCalls;
  catalog: ServiceCatalog;
  fewshotShare: number;
}

const CATEGORY_KEYWORDS: [Category, RegExp][] = [
  ['encryption-in-transit', /in[- ]transit|\bssl\b|\btls\b|https|inter ?container|node to node/],
  ['encryption-at-rest', /encrypt|\bkms\b|\bsse\b|at[- ]rest/],
  ['logging', /\blog|trail|audit/],
  ['network-exposure', /public|internet|ingress|\bports?\b|\bssh\b|\brdp\b|\bvpc\b|0\.0\.0\.0|isolation/],
  ['access-control', /\biam\b|\bmfa\b|polic|\broot\b|password|access key|permission|privilege|\brole/],
  ['resilience', /backup|multi ?az|replicat|versioning|deletion protection|snapshot|recovery|point in time/],
  ['monitoring', /alarm|monitor|guardduty|detector|recorder|alert|metric/],
];

/** The category a rule's name and description suggest (monitoring when nothing matches). */
export function inferCategory(text: string): Category {
  const lower = text.toLowerCase().replace(/[_-]+/g, ' ');
  return CATEGORY_KEYWORDS.find(([, pattern]) => pattern.test(lower))?.[0] ?? 'monitoring';
}

/**
 * UPPER_SNAKE_CASE rule name: an identifier-like first word (`s3-bucket-x (periodic)` →
 * `S3_BUCKET_X`), else the whole value (`S3 bucket versioning` → `S3_BUCKET_VERSIONING`).
 */
function ruleNameOf(value: string): string {
  const first = value.trim().split(/\s+/)[0] ?? '';
  const name = /[-_]/.test(first) ? first : value.replace(/\(.*$/, '');
  return name
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim() !== '');
}

/** `The bucket` → `the bucket`, `A trail` → `a trail`; `S3 buckets`, `I` and `KMS` stay. */
function lowerFirst(text: string): string {
  return /^(?:[A-Z][a-z]|A\s)/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Longest scenario name written; longer Given texts are cut at a word. */
const NAME_LIMIT = 120;

/**
 * Names a scenario may take, best first: its title; else its Given steps joined with "and", the
 * first and last of them, or the first alone (whichever fit in {@link NAME_LIMIT}), with
 * parameter names renamed like the steps. The caller takes the first one not used yet.
 */
function scenarioNames(scenario: DocScenario, rename: (text: string) => string): string[] {
  const thenAt = scenario.steps.findIndex((s) => s.keyword === 'Then');
  const givens = scenario.steps
    .slice(0, thenAt < 0 ? undefined : thenAt)
    .map((s) => rename(s.text).replace(/[.;]+$/, ''))
    .filter((g) => g !== '');
  const join = (parts: string[]): string => parts.map((g, i) => (i === 0 ? g : lowerFirst(g))).join(' and ');
  const title = rename(scenario.title);
  const candidates = title
    ? [title]
    : [join(givens), join([givens[0] ?? '', givens[givens.length - 1] ?? '']), givens[0] ?? ''].filter(
        (c, i) => c !== '' && (c.length <= NAME_LIMIT || i === 2),
      );
  if (candidates.length === 0) return [`Scenario ${scenario.label || 'without a title'}`.trim()];
  return candidates.map((c) => {
    const cut = c.length <= NAME_LIMIT ? c : c.slice(0, c.lastIndexOf(' ', NAME_LIMIT));
    return cut.charAt(0).toUpperCase() + cut.slice(1);
  });
}

function normalizeTrigger(value: string | undefined, warnings: string[]): string {
  const lower = (value ?? '').toLowerCase();
  const periodic = lower.search(/periodic|schedul|every \d/);
  const change = lower.search(/config|change/);
  if (periodic < 0 && change < 0) {
    warnings.push(
      value
        ? `Trigger "${value}" not understood; wrote Configuration changes`
        : 'no Trigger; wrote Configuration changes',
    );
    return 'Configuration changes';
  }
  if (periodic >= 0 && change >= 0) {
    const first = periodic < change ? 'Periodic' : 'Configuration changes';
    warnings.push(`Trigger names both periodic and configuration-change triggers; kept the first (${first})`);
    return first;
  }
  return periodic >= 0 ? 'Periodic' : 'Configuration changes';
}

const RESOURCE = /AWS::[A-Za-z0-9]*::[A-Za-z0-9]+/g;

function resourceOf(doc: RuleDoc, source: string, warnings: string[]): string | undefined {
  const stated = [...(doc.reportsOn ?? '').matchAll(RESOURCE)].map((m) => m[0]);
  if (stated.length > 1)
    warnings.push(`Reports on names ${stated.length} resource types; kept the first (${stated[0]})`);
  if (stated[0]) return stated[0];
  const fromTrigger = (doc.trigger ?? '').match(RESOURCE)?.[0];
  const fromSource = source.match(/DEFAULT_RESOURCE_TYPE\s*=\s*['"](AWS::[A-Za-z0-9]*::[A-Za-z0-9]+)['"]/)?.[1];
  const found = fromTrigger ?? fromSource ?? source.match(RESOURCE)?.[0];
  if (found) {
    const where = fromTrigger ? 'the Trigger' : 'the code';
    warnings.push(`no Reports on; took ${found} from ${where}`);
  }
  return found;
}

function severityOf(value: string | undefined, warnings: string[], notes: string[]): Severity {
  const lower = (value ?? '').trim().toLowerCase();
  const found = SEVERITIES.find((s) => lower.startsWith(s));
  if (found) return found;
  if (/^(info|informational)/.test(lower)) return 'low';
  // Severity is optional in the RDK format: its absence is a note, not a repair.
  if (value) warnings.push(`Indicative Severity "${value}" not understood; wrote medium`);
  else notes.push('no Indicative Severity; wrote medium');
  return 'medium';
}

function serviceOf(calls: SdkCalls, resourceType: string, catalog: ServiceCatalog): string | undefined {
  const counts = new Map<string, number>();
  for (const call of calls.calls) {
    const service = call.split('.')[0] as string;
    counts.set(service, (counts.get(service) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (top) return top;
  const middle = resourceType.split('::')[1] ?? '';
  return middle ? serviceOfClass(middle, catalog) : undefined;
}

/** Convert one parsed docstring into a canonical gold and row. */
export function toCanonical(input: ConversionInput): Conversion {
  const { doc, calls, catalog } = input;
  const warnings: string[] = [];
  const notes: string[] = [];
  const skip = (reason: string): Conversion => ({ ok: false, reason, warnings, notes });

  let ruleName = doc.ruleName ? ruleNameOf(doc.ruleName) : '';
  if (!ruleName) {
    ruleName = ruleNameOf(input.fileStem);
    warnings.push(`no Rule Name; named it ${ruleName} after the file`);
  }
  const id = ruleName.toLowerCase().replace(/_/g, '-');

  let description = doc.description;
  if (!description) {
    const want = doc.feature.find((l) => /^I want/i.test(l));
    if (!want) return skip('no Description: (and no "I want" line) to write the requirement from');
    description = want.replace(/^I want(?: to)?\s*:?\s*(?:to\s+)?/i, '').trim();
    description = `${description.charAt(0).toUpperCase()}${description.slice(1)}`.replace(/([^.!?])$/, '$1.');
    warnings.push('no Description; wrote it from the Feature\'s "I want" line');
  }
  const allSentences = sentences(description);
  if (allSentences.length > 3)
    warnings.push(`Description has ${allSentences.length} sentences; the requirement keeps the first 3`);
  const requirement = allSentences.slice(0, 3).join(' ');

  const resourceType = resourceOf(doc, input.source, warnings);
  if (!resourceType) return skip('no resource type: no Reports on:, none in the Trigger or the code');
  const trigger = normalizeTrigger(doc.trigger, warnings);
  const severity = severityOf(doc.severity, warnings, notes);
  const category = inferCategory(`${ruleName} ${description}`);
  const service = serviceOf(calls, resourceType, catalog);
  if (!service) return skip(`cannot tell the boto3 service: no client calls read and ${resourceType} names none`);
  if (calls.calls.length === 0) warnings.push('no Boto3 calls could be read from the code; methods is empty');

  if (!doc.parameters) warnings.push('no Rule Parameters; wrote None');
  const parameters = readParameters(doc.parameters);
  const renames = parameters.filter((p) => p.source !== p.name);
  /** Quoted parameter names are written camelCase, as the style guide asks. */
  const rename = (text: string): string =>
    renames.reduce((t, p) => t.split(`"${p.source}"`).join(`"${p.name}"`), text.replace(/\s+/g, ' ').trim());

  const scenarios: string[] = [];
  const usedNames = new Set<string>();
  for (const scenario of doc.scenarios) {
    const label = scenario.label ? `Scenario ${scenario.label}` : `the scenario on line ${scenario.line}`;
    const thenIndex = scenario.steps.findIndex((s) => s.keyword === 'Then');
    const then = scenario.steps[thenIndex];
    const outcome = then ? readOutcome(then.text) : undefined;
    if (!then || !outcome) {
      warnings.push(`${label} dropped: ${then ? `no outcome in "Then: ${then.text}"` : 'no Then: line'}`);
      continue;
    }
    if (outcome.repaired) warnings.push(`${label}: ${outcome.repaired}`);
    const extraThen = scenario.steps.slice(thenIndex + 1).filter((s) => s.keyword === 'Then');
    if (extraThen.length > 0) warnings.push(`${label} has ${extraThen.length + 1} Then lines; kept the first`);
    const candidates = scenarioNames(scenario, rename);
    let name = candidates.find((c) => !usedNames.has(c.toLowerCase())) ?? `${candidates[0]} (${label})`;
    if (usedNames.has(name.toLowerCase())) name = `${name} (${label})`;
    usedNames.add(name.toLowerCase());
    const givens = scenario.steps.slice(0, thenIndex).filter((s) => s.text !== '');
    const lines = [`  Scenario: ${name}`];
    givens.forEach((s, i) => {
      lines.push(`    ${i === 0 ? 'Given' : 'And'} ${lowerFirst(rename(s.text))}`);
    });
    lines.push(`    Then the rule returns ${outcome.outcome}`);
    if (outcome.annotation) lines.push(`    And the annotation is "${outcome.annotation}"`);
    scenarios.push(lines.join('\n'));
  }
  if (scenarios.length === 0)
    return skip('no scenario with a readable outcome (Then: Return COMPLIANT | NON_COMPLIANT | …)');

  const header = [
    `@control:none @severity:${severity} @resource:${resourceType} @category:${category}`,
    `Feature: ${ruleName}`,
    `  Description: ${description}`,
    `  Trigger: ${trigger}`,
    `  Reports on: ${resourceType}`,
    `  Rule Parameters: ${canonicalParameters(parameters)}`,
  ];
  const background =
    calls.calls.length === 0
      ? []
      : [
          '',
          '  Background:',
          ...calls.calls.map((call, i) => `    ${i === 0 ? 'Given' : 'And'} the rule's code calls "${call}"`),
        ];
  const feature = `${[...header, ...background, '', scenarios.join('\n\n')].join('\n')}\n`;

  const row: Row = {
    id,
    control_id: '',
    service,
    resource_type: resourceType,
    category,
    severity,
    requirement,
    methods: calls.calls.join('|'),
    gold: `${id}.feature`,
    split: assignSplit(id, input.fewshotShare),
  };

  const parsed = parseControl(feature);
  if (!parsed.ok)
    return skip(`the converted gherkin does not parse (line ${parsed.error.line}: ${parsed.error.message})`);
  const item = {
    id,
    controlId: null,
    service,
    resourceType,
    category: row.category,
    severity,
    requirement,
    methods: splitMethods(row.methods),
    gold: row.gold,
    goldText: feature,
    split: row.split,
  };
  // What the validator will ask a person to fix: reported, but not a repair of the source.
  for (const v of checkStructure(feature, parsed.control))
    if (!v.pass) notes.push(`to fix before validation: ${v.message}`);
  for (const p of checkGoldAgainstRow({ item, line: 0, goldFile: row.gold, indexFile: 'controls.csv' }, parsed.control))
    notes.push(`to fix before validation: ${p.message}`);
  return { ok: true, rule: { id, feature, row, warnings, notes } };
}
