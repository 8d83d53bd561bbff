/**
 * Deterministic corruptions of a gold gherkin, by type, for the sensitivity analysis: each is a
 * known defect (or a harmless change) a metric should (or should not) notice.
 */
import { apiReferences } from '../../knowledge/grounding.js';
import { LOGIC_CORRUPTIONS } from './logic-corruptions.js';

/** What a metric should do with a corruption. */
export type Expectation =
  /** A real defect: the gold should score higher. */
  | 'gold-higher'
  /** Adds nothing: the corrupted text must not score higher (verbosity bias). */
  | 'not-higher'
  /** Harmless reordering: ideally a tie. */
  | 'tie';

/** One corruption type. */
export interface Corruption {
  id: string;
  description: string;
  expect: Expectation;
  /** The corrupted text, or null when the gold has nothing to corrupt this way. */
  apply(gold: string, service: string): string | null;
}

interface Block {
  start: number;
  end: number;
}

const SCENARIO_START = /^\s*(Scenario|Scenario Outline|Scenario Template|Example):/;

/** Line ranges of the scenarios (each up to the next scenario or the end). */
function scenarioBlocks(lines: readonly string[]): Block[] {
  const starts = lines.flatMap((line, i) => (SCENARIO_START.test(line) ? [i] : []));
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? lines.length }));
}

function withoutTrailingBlank(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && !(out[out.length - 1] as string).trim()) out.pop();
  return out;
}

const quoteAll = (text: string, from: string, to: string): string => text.split(`"${from}"`).join(`"${to}"`);

/** The gold's most quoted member path (ties: first written), or undefined. */
function mainPath(gold: string): string | undefined {
  const paths = apiReferences(gold).paths;
  let best: string | undefined;
  let bestCount = 0;
  for (const path of paths) {
    const count = gold.split(`"${path}"`).length - 1;
    if (count > bestCount) {
      best = path;
      bestCount = count;
    }
  }
  return best;
}

const wrongMemberPath: Corruption = {
  id: 'wrong-member-path',
  description: 'the most used member path gets a wrong last member (every occurrence), e.g. KmsKeyId → KmsKeyIdSetting',
  expect: 'gold-higher',
  apply(gold) {
    const path = mainPath(gold);
    if (!path) return null;
    const wrong = path.replace(/([A-Za-z0-9]+)((?:\[\]|\{\})?)$/, '$1Setting$2');
    return quoteAll(gold, path, wrong);
  },
};

const invertedExpectedValue: Corruption = {
  id: 'inverted-expected-value',
  description: 'COMPLIANT and NON_COMPLIANT swapped in every Then step: the rule logic is backwards',
  expect: 'gold-higher',
  apply(gold) {
    if (!/\bNON_COMPLIANT\b/.test(gold) || !/(?<!NON_)\bCOMPLIANT\b/.test(gold)) return null;
    return gold
      .split('\n')
      .map((line) =>
        /^\s*Then\b/.test(line)
          ? line.replace(/\b(NON_COMPLIANT|COMPLIANT)\b/g, (m) => (m === 'COMPLIANT' ? 'NON_COMPLIANT' : 'COMPLIANT'))
          : line,
      )
      .join('\n');
  },
};

const nonCompliantDropped: Corruption = {
  id: 'non-compliant-dropped',
  description: 'every scenario that returns NON_COMPLIANT removed',
  expect: 'gold-higher',
  apply(gold) {
    const lines = gold.split('\n');
    const drop = scenarioBlocks(lines).filter((b) =>
      lines.slice(b.start, b.end).some((l) => /^\s*Then\b.*\bNON_COMPLIANT\b/.test(l)),
    );
    if (drop.length === 0) return null;
    const kept = lines.filter((_, i) => !drop.some((b) => i >= b.start && i < b.end));
    return `${withoutTrailingBlank(kept).join('\n')}\n`;
  },
};

const wrongService: Corruption = {
  id: 'wrong-service',
  description: 'every quoted "service.method" call names another service (ec2, or s3 for ec2 controls)',
  expect: 'gold-higher',
  apply(gold, service) {
    const other = service === 'ec2' ? 's3' : 'ec2';
    const methods = apiReferences(gold).methods;
    if (methods.length === 0) return null;
    let text = gold;
    for (const method of methods) text = quoteAll(text, method, `${other}.${method.slice(method.indexOf('.') + 1)}`);
    return text;
  },
};

const thenRemoved: Corruption = {
  id: 'then-removed',
  description: 'the Then step (and the And/But steps after it) removed from the first scenario that has one',
  expect: 'gold-higher',
  apply(gold) {
    const lines = gold.split('\n');
    for (const block of scenarioBlocks(lines)) {
      const then = lines.findIndex((l, i) => i >= block.start && i < block.end && /^\s*Then\b/.test(l));
      if (then < 0) continue;
      let end = then + 1;
      while (end < block.end && /^\s*(And|But)\b/.test(lines[end] as string)) end++;
      return [...lines.slice(0, then), ...lines.slice(end)].join('\n');
    }
    return null;
  },
};

const scenariosShuffled: Corruption = {
  id: 'scenarios-shuffled',
  description: 'scenario order reversed (content unchanged: a fair metric ties)',
  expect: 'tie',
  apply(gold) {
    const lines = gold.split('\n');
    const blocks = scenarioBlocks(lines);
    if (blocks.length < 2) return null;
    const header = withoutTrailingBlank(lines.slice(0, (blocks[0] as Block).start));
    const bodies = blocks.map((b) => withoutTrailingBlank(lines.slice(b.start, b.end)).join('\n')).reverse();
    return `${header.join('\n')}\n\n${bodies.join('\n\n')}\n`;
  },
};

/** The filler the padding corruption adds: long, polite, and free of any fact. */
export const FILLER = {
  description:
    ' This control is an important part of a robust, comprehensive and well-architected security posture, and it helps organisations follow industry best practices consistently.',
  step: 'And the evaluation is carried out carefully, thoroughly and consistently in line with AWS best practices',
} as const;

const verbosePadding: Corruption = {
  id: 'verbose-padding',
  description: 'filler added: a sentence of praise in the Description and a content-free And step in every scenario',
  expect: 'not-higher',
  apply(gold) {
    const lines = gold.split('\n');
    const out: string[] = [];
    let inScenario = false;
    let padded = false;
    for (const line of lines) {
      if (SCENARIO_START.test(line)) {
        inScenario = true;
        padded = false;
      }
      if (/^\s*Description:/.test(line)) {
        out.push(`${line.replace(/\s+$/, '')}${FILLER.description}`);
        continue;
      }
      if (inScenario && !padded && /^\s*Then\b/.test(line)) {
        const indent = /^\s*/.exec(line)?.[0] ?? '    ';
        out.push(`${indent}${FILLER.step}`);
        padded = true;
      }
      out.push(line);
    }
    return out.join('\n');
  },
};

/** Every corruption type, in report order. */
export const CORRUPTIONS: readonly Corruption[] = [
  wrongMemberPath,
  invertedExpectedValue,
  nonCompliantDropped,
  wrongService,
  thenRemoved,
  scenariosShuffled,
  verbosePadding,
  ...LOGIC_CORRUPTIONS,
];
