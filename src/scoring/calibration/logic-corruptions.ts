/**
 * Corruptions of a gold's logic and behaviour-preserving rewrites, for the behaviour metric's
 * sensitivity rows: a boolean condition negated, a condition dropped, an enum value swapped for
 * another real value of its enum, a numeric threshold moved; conditions reordered, scenarios
 * retitled. Each edits Given/And lines only and returns null when the gold has nothing to edit.
 */
import { goldBehaviour } from '../behaviour/gold-cache.js';
import type { Corruption } from './corrupt.js';

const GIVEN = /^\s*(Given|And|But)\b/;
const THEN = /^\s*Then\b/;
const SCENARIO = /^\s*Scenario:/;
const BACKGROUND = /^\s*Background:/;

/** Replace the first Given/And line (before any Then of its scenario) that `edit` changes. */
function editFirstGiven(gold: string, edit: (line: string) => string): string | null {
  const lines = gold.split('\n');
  let afterThen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (SCENARIO.test(line)) afterThen = false;
    else if (THEN.test(line)) afterThen = true;
    else if (!afterThen && GIVEN.test(line)) {
      const next = edit(line);
      if (next !== line) {
        lines[i] = next;
        return lines.join('\n');
      }
    }
  }
  return null;
}

const booleanNegated: Corruption = {
  id: 'boolean-negated',
  description: 'the first `is true` / `is false` condition negated',
  expect: 'gold-higher',
  apply: (gold) =>
    editFirstGiven(gold, (l) => l.replace(/\bis (true|false)\b/, (_, b) => `is ${b === 'true' ? 'false' : 'true'}`)),
};

const conditionDropped: Corruption = {
  id: 'condition-dropped',
  description:
    'the first And condition step of a scenario with two or more Given/And steps removed (a Background step is not a condition of one scenario)',
  expect: 'gold-higher',
  apply(gold) {
    const lines = gold.split('\n');
    let givenInScenario = 0;
    let inScenario = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (SCENARIO.test(line)) {
        givenInScenario = 0;
        inScenario = true;
      } else if (BACKGROUND.test(line)) inScenario = false;
      else if (inScenario && /^\s*Given\b/.test(line)) givenInScenario = 1;
      else if (givenInScenario > 0 && /^\s*And\b/.test(line) && /"/.test(line)) {
        return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
      } else if (THEN.test(line)) givenInScenario = 0;
    }
    return null;
  },
};

const enumSwapped: Corruption = {
  id: 'enum-swapped',
  description: 'the first quoted enum value of a condition swapped for another value of the same enum',
  expect: 'gold-higher',
  apply(gold) {
    const built = goldBehaviour(gold);
    if (!built.ok) return null;
    const enums = [...built.model.members.values()].flatMap((m) => (m.enum && m.enum.length > 1 ? [m.enum] : []));
    return editFirstGiven(gold, (line) =>
      line.replace(/(\b(?:is|as) "|" ")([^"]+)"/, (whole, lead: string, value: string) => {
        const values = enums.find((e) => e.includes(value));
        const other = values?.find((v) => v !== value);
        return other ? `${lead}${other}"` : whole;
      }),
    );
  },
};

const thresholdMoved: Corruption = {
  id: 'threshold-moved',
  description: 'the first numeric threshold of a condition moved up by one (`is 7 or more` → `is 8 or more`)',
  expect: 'gold-higher',
  apply: (gold) =>
    editFirstGiven(gold, (l) =>
      l.replace(
        /("\s+is (?:at least |at most |more than |less than |greater than |fewer than )?)(-?\d+)(?=\s|$)/,
        (_, lead: string, n: string) => `${lead}${Number(n) + 1}`,
      ),
    ),
};

const conditionsReordered: Corruption = {
  id: 'conditions-reordered',
  description: 'in every scenario, the And condition steps after the Given listed in reverse order (same logic)',
  expect: 'tie',
  apply(gold) {
    const lines = gold.split('\n');
    let changed = false;
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*Given\b/.test(lines[i] as string)) continue;
      let end = i + 1;
      while (end < lines.length && /^\s*And\b/.test(lines[end] as string)) end++;
      if (end - (i + 1) >= 2) {
        const reversed = lines.slice(i + 1, end).reverse();
        if (reversed.join('\n') !== lines.slice(i + 1, end).join('\n')) changed = true;
        lines.splice(i + 1, end - (i + 1), ...reversed);
      }
      i = end - 1;
    }
    return changed ? lines.join('\n') : null;
  },
};

const scenariosRetitled: Corruption = {
  id: 'scenarios-retitled',
  description: 'every scenario renamed `Case N` (same logic)',
  expect: 'tie',
  apply(gold) {
    let n = 0;
    const out = gold.replace(/^(\s*Scenario:).*$/gm, (_, head: string) => `${head} Case ${++n}`);
    return n > 0 ? out : null;
  },
};

/** The logic corruptions and behaviour-preserving rewrites, in report order. */
export const LOGIC_CORRUPTIONS: readonly Corruption[] = [
  booleanNegated,
  conditionDropped,
  enumSwapped,
  thresholdMoved,
  conditionsReordered,
  scenariosRetitled,
];
