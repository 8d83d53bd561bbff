/** `parse`: does @cucumber/gherkin parse the candidate? */
import { type ParseResult, parseControl } from '../../gherkin/parse.js';
import type { Score } from '../types.js';
import type { CheckFactory, CheckInput } from './types.js';

/** The candidate's parse result, reusing the caller's when it has one. */
export function parsedOf(input: CheckInput): ParseResult {
  return input.parsed ?? parseControl(input.candidate);
}

/** `parse`: value 1 and pass when the candidate parses with a Feature; else 0 with the parser's message and line. */
export const parseCheck: CheckFactory = () => (input) => {
  const parsed = parsedOf(input);
  if (parsed.ok) return { metric: 'parse', value: 1, pass: true, reason: 'parses as Gherkin' };
  const { message, line, column } = parsed.error;
  const score: Score = {
    metric: 'parse',
    value: 0,
    pass: false,
    reason: input.candidate.trim()
      ? `does not parse${line === undefined ? '' : ` (line ${line})`}: ${message}`
      : 'empty candidate: no gherkin to parse',
    details: { message, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) },
  };
  return score;
};
