/**
 * The canonical control gherkin, parsed: @cucumber/gherkin does the parsing; this module turns its
 * AST into the few things gherkin-bench reasons about (tags, rule name, description fields,
 * scenarios, steps, outcomes).
 */
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';

/** The compliance results a control can return. */
export const OUTCOMES = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE', 'ERROR'] as const;
/** One compliance result. */
export type Outcome = (typeof OUTCOMES)[number];

/** The description fields of the canonical gherkin, in their canonical order. */
export const DESCRIPTION_FIELDS = ['Description', 'Trigger', 'Reports on', 'Rule Parameters'] as const;
/** One description field name. */
export type DescriptionField = (typeof DESCRIPTION_FIELDS)[number];

/** One step of a scenario. */
export interface ControlStep {
  /** The keyword as written, trimmed (`Given`, `And`, `Then`, …). */
  keyword: string;
  /** The step's meaning after And/But are resolved: context, action or outcome. */
  kind: 'given' | 'when' | 'then';
  text: string;
  line: number;
}

/** One scenario (or scenario outline). */
export interface ControlScenario {
  name: string;
  line: number;
  steps: ControlStep[];
  /** The outcomes its Then steps state (`Then the rule returns NON_COMPLIANT`). */
  outcomes: Outcome[];
  /** Example rows, when it is a Scenario Outline. */
  exampleRows: number;
}

/** A parsed control gherkin. */
export interface ParsedControl {
  /** Tags without '@', e.g. `control:SageMaker.1`. */
  tags: string[];
  /** `key:value` tags as a map, e.g. `{ control: 'SageMaker.1' }`. */
  tagValues: Record<string, string>;
  featureName: string;
  featureLine: number;
  /** Description fields found in the feature description (`Trigger: Periodic`). */
  fields: Partial<Record<DescriptionField, string>>;
  /** The feature description as written. */
  description: string;
  scenarios: ControlScenario[];
  /** The steps of the feature's `Background:` (prepended to every scenario), when it has one. */
  background?: ControlStep[];
  /** Every outcome any scenario states. */
  outcomes: Outcome[];
}

/** Why a text did not parse. */
export interface ParseFailure {
  message: string;
  line?: number;
  column?: number;
}

/** The result of {@link parseControl}. */
export type ParseResult = { ok: true; control: ParsedControl } | { ok: false; error: ParseFailure };

const OUTCOME_PATTERN = /\b(NON_COMPLIANT|NOT_APPLICABLE|COMPLIANT|ERROR)\b/g;
const FIELD_PATTERN = /^\s*(Description|Trigger|Reports on|Rule Parameters)\s*:\s*(.*)$/i;

/** An annotation step (`the annotation is "…"`): free text that explains a result and states none. */
const ANNOTATION_STEP = /^\s*the annotation is\b/i;

/**
 * The outcomes a step text states. An annotation step states none, even when its quoted text
 * mentions one (`the annotation is "…Otherwise, return NON_COMPLIANT"`).
 */
export function outcomesIn(text: string): Outcome[] {
  if (ANNOTATION_STEP.test(text)) return [];
  return [...text.matchAll(OUTCOME_PATTERN)].map((m) => m[1] as Outcome);
}

function canonicalField(name: string): DescriptionField {
  const found = DESCRIPTION_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
  return found ?? 'Description';
}

/** Parse a control gherkin with @cucumber/gherkin. Never throws on bad text. */
export function parseControl(text: string): ParseResult {
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
  let document: ReturnType<typeof parser.parse>;
  try {
    document = parser.parse(text);
  } catch (error) {
    const first = (error as { errors?: { message: string; location?: { line: number; column?: number } }[] })
      .errors?.[0];
    const source = first ?? (error as { message: string; location?: { line: number; column?: number } });
    return {
      ok: false,
      error: {
        message: String(source.message ?? error).split('\n')[0] ?? 'parse error',
        line: source.location?.line,
        column: source.location?.column,
      },
    };
  }
  const feature = document.feature;
  if (!feature) return { ok: false, error: { message: 'no Feature: found', line: 1 } };

  const tags = feature.tags.map((t) => t.name.replace(/^@/, ''));
  const tagValues: Record<string, string> = {};
  for (const tag of tags) {
    const colon = tag.indexOf(':');
    if (colon > 0) tagValues[tag.slice(0, colon)] = tag.slice(colon + 1);
  }
  const fields: Partial<Record<DescriptionField, string>> = {};
  for (const line of (feature.description ?? '').split('\n')) {
    const match = FIELD_PATTERN.exec(line);
    if (match) fields[canonicalField(match[1] as string)] = (match[2] ?? '').trim();
  }

  const scenarios: ControlScenario[] = [];
  const background: ControlStep[] = [];
  const collect = (children: typeof feature.children): void => {
    for (const child of children) {
      if (child.rule) collect(child.rule.children);
      if (child.background)
        for (const step of child.background.steps)
          background.push({ keyword: step.keyword.trim(), kind: 'given', text: step.text, line: step.location.line });
      const scenario = child.scenario;
      if (!scenario) continue;
      let previous: ControlStep['kind'] = 'given';
      const steps = scenario.steps.map((step): ControlStep => {
        const keyword = step.keyword.trim();
        const type = step.keywordType;
        const kind: ControlStep['kind'] =
          type === 'Context' ? 'given' : type === 'Action' ? 'when' : type === 'Outcome' ? 'then' : previous;
        previous = kind;
        return { keyword, kind, text: step.text, line: step.location.line };
      });
      const outcomes = [...new Set(steps.filter((s) => s.kind === 'then').flatMap((s) => outcomesIn(s.text)))];
      scenarios.push({
        name: scenario.name,
        line: scenario.location.line,
        steps,
        outcomes,
        exampleRows: scenario.examples.reduce((n, e) => n + e.tableBody.length, 0),
      });
    }
  };
  collect(feature.children);

  return {
    ok: true,
    control: {
      tags,
      tagValues,
      featureName: feature.name.trim(),
      featureLine: feature.location.line,
      fields,
      description: feature.description ?? '',
      scenarios,
      ...(background.length > 0 ? { background } : {}),
      outcomes: [...new Set(scenarios.flatMap((s) => s.outcomes))],
    },
  };
}
