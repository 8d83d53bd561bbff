/**
 * Finding API references in text (a gherkin, generated or gold), before resolving them against the
 * models (see grounding.ts). Pure text work: quoted tokens, bare `service.method`, bare snake_case
 * and PascalCase names, and the Background/Scenario block each line belongs to.
 */
import { parsePath } from './shapes.js';

/** What a token looks like before resolution. */
export type TokenShape = 'method' | 'path' | 'value' | 'snake' | 'pascal';

/** One candidate reference found in the text. */
export interface RawToken {
  shape: TokenShape;
  /** As written (quotes removed, a trailing `()` removed). */
  text: string;
  /** 1-based line number. */
  line: number;
  /** Column of the token's first character (0-based), to order tokens on a line. */
  column: number;
  quoted: boolean;
  /** Index of the block (feature header, Background, Scenario) the line belongs to. */
  block: number;
}

/** A block of the document: the header before the first scenario, a Background, or a Scenario. */
export interface TextBlock {
  kind: 'header' | 'background' | 'scenario';
  name: string;
  line: number;
}

const BLOCK_START = /^\s*(Background|Scenario Outline|Scenario Template|Scenario|Example|Rule)\s*:\s*(.*)$/;
const QUOTED = /"([^"\n]*)"|`([^`\n]*)`/g;
const METHOD_REF = /^([a-z][a-z0-9-]*)\.([a-z][a-z0-9_]*)$/;
const BARE_METHOD = /(?<![\w.@:/-])([a-z][a-z0-9-]*)\.([a-z][a-z0-9_]*)(?![\w-]|\.\w)/g;
const BARE_SNAKE = /(?<![\w.@:/-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w.-])/g;
const BARE_PASCAL = /(?<![\w.@:/-])[A-Z][a-z]+(?:[A-Z0-9][A-Za-z0-9]*)+(?![\w.:-])/g;
const NUMBER = /^[-+]?\d[\d.,_]*%?$/;

/** Split a document into blocks; returns the block index of every line (0-based lines). */
export function blocksOf(lines: string[]): { blocks: TextBlock[]; lineBlock: number[] } {
  const blocks: TextBlock[] = [{ kind: 'header', name: '', line: 1 }];
  const lineBlock: number[] = [];
  lines.forEach((text, i) => {
    const match = BLOCK_START.exec(text);
    if (match) {
      const keyword = match[1] as string;
      if (keyword === 'Rule') blocks.push({ kind: 'header', name: match[2] ?? '', line: i + 1 });
      else
        blocks.push({
          kind: keyword === 'Background' ? 'background' : 'scenario',
          name: (match[2] ?? '').trim(),
          line: i + 1,
        });
    }
    lineBlock.push(blocks.length - 1);
  });
  return { blocks, lineBlock };
}

/** Classify a quoted token by its look, or undefined when it cannot be an API reference. */
export function classifyQuoted(token: string): TokenShape | undefined {
  const text = token.trim();
  if (!text || /\s/.test(text) || NUMBER.test(text)) return undefined;
  if (METHOD_REF.test(text)) return 'method';
  if (parsePath(text)) return 'path';
  return 'value';
}

/** Every candidate reference in a text, in reading order. */
export function scanText(text: string): { tokens: RawToken[]; blocks: TextBlock[]; lines: string[] } {
  const lines = text.split(/\r?\n/);
  const { blocks, lineBlock } = blocksOf(lines);
  const tokens: RawToken[] = [];
  lines.forEach((lineText, i) => {
    const line = i + 1;
    const block = lineBlock[i] ?? 0;
    if (/^\s*#/.test(lineText)) return; // comments
    let blanked = lineText;
    for (const match of lineText.matchAll(QUOTED)) {
      const raw = (match[1] ?? match[2] ?? '').trim().replace(/\(\)$/, '');
      const column = match.index ?? 0;
      blanked = `${blanked.slice(0, column)}${' '.repeat(match[0].length)}${blanked.slice(column + match[0].length)}`;
      const shape = classifyQuoted(raw);
      if (shape) tokens.push({ shape, text: raw, line, column, quoted: true, block });
    }
    if (/^\s*@/.test(lineText)) return; // tag lines hold no calls
    const taken: [number, number][] = [];
    const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
    for (const match of blanked.matchAll(BARE_METHOD)) {
      const column = match.index ?? 0;
      taken.push([column, column + match[0].length]);
      tokens.push({ shape: 'method', text: match[0], line, column, quoted: false, block });
    }
    for (const match of blanked.matchAll(BARE_SNAKE)) {
      const column = match.index ?? 0;
      if (free(column, column + match[0].length))
        tokens.push({ shape: 'snake', text: match[0], line, column, quoted: false, block });
    }
    for (const match of blanked.matchAll(BARE_PASCAL)) {
      const column = match.index ?? 0;
      if (free(column, column + match[0].length))
        tokens.push({ shape: 'pascal', text: match[0], line, column, quoted: false, block });
    }
  });
  tokens.sort((a, b) => a.line - b.line || a.column - b.column);
  return { tokens, blocks, lines };
}

/** Split `service.method` (or undefined when the text is not in that form). */
export function splitMethodRef(text: string): { service: string; method: string } | undefined {
  const match = METHOD_REF.exec(text);
  return match ? { service: match[1] as string, method: match[2] as string } : undefined;
}
