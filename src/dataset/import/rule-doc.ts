/**
 * Parsing the Gherkin block of an AWS Config rule source (the docstring the RDK template and
 * awslabs/aws-config-rules carry) into its parts. The format is loose, so the parser is too:
 * a field's value is the rest of its header line plus the lines up to the next header (wrapped
 * lines are joined), headers are matched case-insensitively with their common spellings
 * (`Rule Name`/`Rule Identifier`, `Reports on`/`Resource Type to report on`), and lines it does not
 * know (`Feature:`, `As a`, `I want`, `Rationale:`) are kept aside, never mistaken for steps.
 */
import type { BlockLine } from './comment-block.js';

/** One step as written: `Given:`, `And:`, `When:`, `Then:` or `But:` and its (joined) text. */
export interface DocStep {
  keyword: 'Given' | 'And' | 'When' | 'Then' | 'But';
  text: string;
  line: number;
}

/** One numbered scenario. */
export interface DocScenario {
  /** The number or label after `Scenario` (`1`, `2a`), "" when none. */
  label: string;
  /** Any title text on the header line. */
  title: string;
  line: number;
  steps: DocStep[];
}

/** The fields of a rule gherkin block; absent fields are undefined. */
export interface RuleDoc {
  ruleName?: string;
  description?: string;
  rationale?: string;
  severity?: string;
  trigger?: string;
  reportsOn?: string;
  /** The Rule Parameters section, line by line (tables and lists keep their shape). */
  parameters?: string[];
  /** Lines of a `Feature:` narrative (`In order to`, `As a`, `I want`). */
  feature: string[];
  scenarios: DocScenario[];
  /** The block's first line in the source. */
  line: number;
}

type Field = 'ruleName' | 'description' | 'rationale' | 'severity' | 'trigger' | 'reportsOn' | 'parameters' | 'feature';

const HEADERS: [RegExp, Field | 'scenarios'][] = [
  [/^(?:rule\s*name|rule\s*identifier|rule\s*id)$/i, 'ruleName'],
  [/^description$/i, 'description'],
  [/^rationale$/i, 'rationale'],
  [/^(?:indicative\s+)?severity$/i, 'severity'],
  [/^triggers?(?:\s+type)?$/i, 'trigger'],
  [/^(?:reports?\s+on|resource\s+types?\s+to\s+report\s+on|resource\s+types?)$/i, 'reportsOn'],
  [/^rule\s+param(?:eter)?s?$/i, 'parameters'],
  [/^feature$/i, 'feature'],
  [/^scenarios$/i, 'scenarios'],
];

const HEADER_LINE = /^\s*([A-Za-z][A-Za-z ]{1,40}?)\s*:\s*(.*)$/;
const SCENARIO_LINE = /^\s*Scenario\s*(?::\s*([0-9]+[a-z]?)?|([0-9]+[a-z]?)\s*:?)\s*[-–.:)]?\s*(.*)$/i;
/** `Given:` in any case, or a capitalised `Given` without the colon (a wrapped `and …` is not a step). */
const STEP_LINE = /^\s*(?:([Gg]iven|[Aa]nd|[Ww]hen|[Tt]hen|[Bb]ut)\s*:|(Given|And|When|Then|But)\b)\s*(.*)$/;
const NARRATIVE = /^\s*(?:In order to|As an?|As|I want(?: to)?|So that)\b/i;

function headerField(name: string): Field | 'scenarios' | undefined {
  return HEADERS.find(([pattern]) => pattern.test(name.trim()))?.[1];
}

function joinWrapped(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parse a gherkin block into a {@link RuleDoc}. */
export function parseRuleDoc(block: BlockLine[]): RuleDoc {
  const raw: Partial<Record<Field, string[]>> = {};
  const doc: RuleDoc = { feature: [], scenarios: [], line: block[0]?.line ?? 1 };
  let field: Field | undefined;
  let inScenarios = false;
  let scenario: DocScenario | undefined;
  let step: DocStep | undefined;

  for (const { text, line } of block) {
    if (text.trim() === '') continue;
    const scenarioMatch = SCENARIO_LINE.exec(text);
    if (scenarioMatch && !/^\s*Scenarios\s*:/i.test(text)) {
      inScenarios = true;
      field = undefined;
      step = undefined;
      scenario = {
        label: scenarioMatch[1] ?? scenarioMatch[2] ?? '',
        title: (scenarioMatch[3] ?? '').trim(),
        line,
        steps: [],
      };
      doc.scenarios.push(scenario);
      continue;
    }
    const stepMatch = inScenarios ? STEP_LINE.exec(text) : null;
    if (stepMatch && scenario) {
      const word = (stepMatch[1] ?? stepMatch[2] ?? '').toLowerCase();
      step = {
        keyword: (word.charAt(0).toUpperCase() + word.slice(1)) as DocStep['keyword'],
        text: (stepMatch[3] ?? '').trim(),
        line,
      };
      scenario.steps.push(step);
      continue;
    }
    const header = HEADER_LINE.exec(text);
    const known = header ? headerField(header[1] as string) : undefined;
    if (known === 'scenarios') {
      inScenarios = true;
      field = undefined;
      continue;
    }
    if (known) {
      inScenarios = false;
      scenario = undefined;
      step = undefined;
      field = known;
      raw[field] = raw[field] ?? [];
      const rest = (header?.[2] ?? '').trim();
      if (rest) raw[field]?.push(rest);
      continue;
    }
    if (NARRATIVE.test(text) && !inScenarios) {
      doc.feature.push(text.trim());
      field = 'feature';
      continue;
    }
    // A wrapped line: it continues whatever came before it.
    if (step) step.text = `${step.text} ${text.trim()}`.trim();
    else if (scenario) scenario.title = `${scenario.title} ${text.trim()}`.trim();
    else if (field) raw[field]?.push(text);
  }

  const single = (f: Field): string | undefined => {
    const value = raw[f] ? joinWrapped(raw[f] as string[]) : undefined;
    return value === '' ? undefined : value;
  };
  const ruleName = single('ruleName');
  if (ruleName !== undefined) doc.ruleName = ruleName;
  for (const f of ['description', 'rationale', 'severity', 'trigger', 'reportsOn'] as const) {
    const value = single(f);
    if (value !== undefined) doc[f] = value;
  }
  if (raw.parameters) doc.parameters = raw.parameters.map((l) => l.trim()).filter((l) => l !== '');
  if (raw.feature) doc.feature.push(...raw.feature.map((l) => l.trim()).filter((l) => l !== ''));
  return doc;
}
