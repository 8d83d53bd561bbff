/**
 * Finding the Gherkin block at the top of a rule source: a Python docstring or `#` comment run, a
 * Java/JavaScript/TypeScript `/* *\/` block or `//` comment run. Comment markers and banner lines
 * (`#####`, `##  Gherkin  ##`) are stripped; line numbers in the source are kept.
 */

/** Source languages the importer reads. */
export type SourceLanguage = 'python' | 'java' | 'javascript';

/** One line of a comment block, with its 1-based line in the source file. */
export interface BlockLine {
  text: string;
  line: number;
}

/** Test files of a rule (`X_test.py`, `test_x.py`, `x.test.js`, `x.spec.ts`, `XTest.java`). */
export function isTestFile(file: string): boolean {
  const name = file.split(/[\\/]/).pop() ?? file;
  return /(?:_test\.py|^test_.*\.py|\.(?:test|spec)\.[cm]?[jt]s|Tests?\.java)$/.test(name);
}

/** The language of a file name, or undefined when the importer does not read it. */
export function languageOf(file: string): SourceLanguage | undefined {
  if (/\.py$/i.test(file)) return 'python';
  if (/\.java$/i.test(file)) return 'java';
  if (/\.(?:js|mjs|cjs|ts)$/i.test(file) && !/\.d\.ts$/i.test(file)) return 'javascript';
  return undefined;
}

/** Every comment block / docstring of a source, in order. */
export function commentBlocks(source: string, language: SourceLanguage): BlockLine[][] {
  const lines = source.split(/\r?\n/);
  const blocks: BlockLine[][] = [];
  const lineComment = language === 'python' ? /^\s*#(.*)$/ : /^\s*\/\/(.*)$/;
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] as string;
    const opener = language === 'python' ? /^\s*[rRuU]?('''|""")(.*)$/.exec(raw) : /^\s*\/\*+(.*)$/.exec(raw);
    if (opener) {
      const close = language === 'python' ? (opener[1] as string) : '*/';
      const first = language === 'python' ? (opener[2] as string) : (opener[1] as string);
      const block: BlockLine[] = [];
      let rest = first;
      let lineNo = i + 1;
      for (;;) {
        const end = rest.indexOf(close);
        if (end >= 0) {
          block.push({ text: rest.slice(0, end).trimEnd(), line: lineNo });
          break;
        }
        block.push({ text: rest, line: lineNo });
        i++;
        if (i >= lines.length) break;
        rest = language === 'python' ? (lines[i] as string) : (lines[i] as string).replace(/^\s*\*(?!\/)\s?/, '');
        lineNo = i + 1;
      }
      blocks.push(block);
      i++;
      continue;
    }
    if (lineComment.test(raw)) {
      const block: BlockLine[] = [];
      while (i < lines.length && lineComment.test(lines[i] as string)) {
        block.push({ text: (lineComment.exec(lines[i] as string)?.[1] ?? '').replace(/^ ?/, ''), line: i + 1 });
        i++;
      }
      blocks.push(block);
      continue;
    }
    i++;
  }
  return blocks;
}

const BANNER = /^\s*#{3,}\s*$|^\s*#+\s*gherkin\s*#+\s*$|^\s*[-=*]{5,}\s*$/i;
const RULE_MARK = /\b(?:Rule Name|Rule Identifier)\s*:/i;
const DESCRIPTION_MARK = /^\s*Description\s*:/im;
const SCENARIO_MARK = /^\s*Scenarios?\s*:?\s*\d*\s*:?/im;

/** Whether a block's text is a rule gherkin: a Rule Name/Identifier, or a Description and a Scenario. */
function isRuleGherkin(text: string): boolean {
  return RULE_MARK.test(text) || (DESCRIPTION_MARK.test(text) && SCENARIO_MARK.test(text));
}

/**
 * The first block that carries a rule gherkin (a Rule Name/Identifier line, or Description and
 * Scenario lines), banners and surrounding blank lines removed.
 */
export function findGherkinBlock(source: string, language: SourceLanguage): BlockLine[] | undefined {
  for (const block of commentBlocks(source, language)) {
    const text = block.map((l) => l.text).join('\n');
    if (!isRuleGherkin(text)) continue;
    const lines = block
      .filter((l) => !BANNER.test(l.text))
      .map((l) => ({ text: l.text.replace(/^\s*##\s?/, ''), line: l.line }));
    const first = lines.findIndex((l) => l.text.trim() !== '');
    const last = lines.findLastIndex((l) => l.text.trim() !== '');
    return lines.slice(first, last + 1);
  }
  return undefined;
}
