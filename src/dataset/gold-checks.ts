/**
 * The checks that tie a gold gherkin to its index row: tags agree with the row, `Reports on`
 * names the row's resource type, 3–8 scenarios cover the outcomes every control must handle, the
 * row's Boto3 methods appear in the gold, the requirement does not give the answer away, and the
 * row's service and methods exist in the pinned botocore models. Style and grounding checks live
 * with the gherkin rules and the knowledge base; this module only adds what needs the row.
 */
import type { ParsedControl } from '../gherkin/parse.js';
import type { ServiceCatalog } from '../knowledge/catalog.js';
import { didYouMean } from '../knowledge/suggest.js';
import type { LocatedItem } from './load.js';
import type { Problem } from './problems.js';

/** Fewest and most scenarios a gold may have. */
export const SCENARIO_RANGE = { min: 3, max: 8 } as const;

/** Outcomes every gold covers; ERROR is added when the control takes rule parameters. */
export const REQUIRED_OUTCOMES = ['NOT_APPLICABLE', 'NON_COMPLIANT', 'COMPLIANT'] as const;

/** The first line (1-based) of `text` matching `pattern`, or `fallback`. */
export function lineOf(text: string, pattern: RegExp, fallback: number): number {
  const index = text.split(/\r?\n/).findIndex((line) => pattern.test(line));
  return index < 0 ? fallback : index + 1;
}

/** `service.method` for a `methods` entry (bare methods belong to the row's service). */
export function qualifiedMethod(method: string, service: string): string {
  return method.includes('.') ? method : `${service}.${method}`;
}

/** Whether a `Rule Parameters:` value declares parameters (anything but None / empty). */
export function takesParameters(value: string | undefined): boolean {
  return value !== undefined && !/^(none\.?|)$/i.test(value.trim());
}

/** Check one parsed gold against its row. */
export function checkGoldAgainstRow(located: LocatedItem, control: ParsedControl): Problem[] {
  const { item, goldFile } = located;
  const text = item.goldText;
  const problems: Problem[] = [];
  const at = (line: number, field: string, message: string, check: string): void => {
    problems.push({ file: goldFile, line, field, message, severity: 'error', check });
  };

  const tagLine = lineOf(text, /^\s*@/, control.featureLine);
  const expectedTags: [string, string][] = [
    ['control', item.controlId ?? 'none'],
    ['severity', item.severity],
    ['resource', item.resourceType],
    ['category', item.category],
  ];
  for (const [key, expected] of expectedTags) {
    const actual = control.tagValues[key];
    if (actual === undefined) at(tagLine, 'tags', `missing @${key}:${expected} (from the index row)`, 'tags');
    else if (actual !== expected)
      at(tagLine, 'tags', `@${key}:${actual} disagrees with the index row (${expected}); make them agree`, 'tags');
  }

  const reportsOn = control.fields['Reports on'];
  if (reportsOn !== undefined && reportsOn !== item.resourceType) {
    at(
      lineOf(text, /^\s*Reports on\s*:/i, control.featureLine),
      'Reports on',
      `"${reportsOn}" disagrees with the index row's resource_type (${item.resourceType})`,
      'resource',
    );
  }

  const count = control.scenarios.length;
  if (count < SCENARIO_RANGE.min || count > SCENARIO_RANGE.max) {
    at(
      control.featureLine,
      'scenarios',
      `${count} scenarios; a gold has ${SCENARIO_RANGE.min}–${SCENARIO_RANGE.max}`,
      'scenario-count',
    );
  }
  const required: string[] = [...REQUIRED_OUTCOMES];
  if (takesParameters(control.fields['Rule Parameters'])) required.push('ERROR');
  const missing = required.filter((o) => !control.outcomes.includes(o as never));
  if (missing.length > 0) {
    const why = missing.includes('ERROR')
      ? ' (ERROR: the control takes rule parameters; add an invalid-value scenario)'
      : '';
    at(control.featureLine, 'scenarios', `no scenario returns ${missing.join(', ')}${why}`, 'outcome-coverage');
  }

  for (const method of item.methods) {
    const call = qualifiedMethod(method, item.service);
    if (!text.includes(`"${call}"`)) {
      problems.push({
        file: located.indexFile,
        line: located.line,
        field: 'methods',
        message: `the index lists ${call} but the gold never calls "${call}"; add a step or drop it from methods`,
        severity: 'error',
        check: 'methods',
      });
    }
  }
  return problems;
}

/** Check a row on its own: the requirement and the row's service and methods against botocore. */
export function checkRow(located: LocatedItem, catalog: ServiceCatalog): Problem[] {
  const { item, line, indexFile } = located;
  const problems: Problem[] = [];
  const at = (field: string, message: string, check: string): void => {
    problems.push({ file: indexFile, line, field, message, severity: 'error', check });
  };

  if (item.methods.length === 0)
    at('methods', 'empty; list the Boto3 calls the control must make (service.method)', 'methods');
  const sentences = item.requirement.split(/(?<=[.!?])\s+(?=[A-Z"(])/).filter((s) => s.trim() !== '');
  if (sentences.length > 3) at('requirement', `${sentences.length} sentences; write 1–3`, 'requirement');
  if (/\b[a-z0-9-]+\.[a-z]+_[a-z0-9_]+\b/.test(item.requirement)) {
    at('requirement', 'names a Boto3 call; the generator must find the calls itself', 'requirement');
  }

  if (!catalog.hasService(item.service)) {
    at('service', `unknown boto3 service "${item.service}"${didYouMean(item.service, catalog.services())}`, 'service');
    return problems;
  }
  for (const method of item.methods) {
    const [service, name] = qualifiedMethod(method, item.service).split('.') as [string, string];
    if (!catalog.hasService(service)) {
      at(
        'methods',
        `unknown boto3 service "${service}" in ${method}${didYouMean(service, catalog.services())}`,
        'methods',
      );
      continue;
    }
    const api = catalog.service(service);
    if (!api.methods().includes(name)) {
      at('methods', `"${service}" has no method "${name}"${didYouMean(name, api.methods())}`, 'methods');
      continue;
    }
    const operation = api.resolveOperation(name) ?? '';
    const words = [name, operation].filter((w) => w.length > 0);
    if (words.some((w) => new RegExp(`\\b${w}\\b`).test(item.requirement))) {
      at('requirement', `names the API ${operation}; describe the requirement, not the call`, 'requirement');
    }
  }
  return problems;
}
