/**
 * A problem found in a dataset: where (file, line, column or field) and what to do about it.
 * Loading stops at the first error; validation collects them all.
 */
import { badInput, type UserError } from '../errors.js';

/** One problem, located. */
export interface Problem {
  /** The file, as the caller named the dataset folder (e.g. `datasets/x/controls.csv`). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** The CSV column or gherkin part concerned (`severity`, `tags`, `scenarios`). */
  field?: string;
  /** What is wrong and what to do. */
  message: string;
  /** Errors make a dataset invalid; warnings are printed but do not. */
  severity: 'error' | 'warning';
  /** A stable id of the check that found it (`csv`, `schema`, `gold-path`, `parse`, `style:<rule>`, …). */
  check: string;
}

/**
 * Escape control characters (terminal escape sequences, NUL, line breaks) in text that may quote
 * hostile input (a CSV cell, a rule file's line), so it prints as one inert line.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `file:line: field: message` — the one-line form the CLI prints (control characters escaped). */
export function formatProblem(problem: Problem): string {
  const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? `${problem.field}: ` : '';
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  return printable(`${place}: ${tag}${field}${problem.message}`);
}

/** The first error as a {@link UserError} (exit 2), noting how many more there are. */
export function problemsToError(problems: readonly Problem[]): UserError | undefined {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (!first) return undefined;
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more; run "gherkin-bench dataset validate" to list them)` : '';
  return badInput({ file: first.file, line: first.line, field: first.field }, `${first.message}${more}`);
}

/** Strip @cucumber/gherkin's own `(line:column): ` prefix from a parse message; problems carry the place. */
export function withoutLocation(message: string): string {
  return message.replace(/^\(\d+:\d+\):\s*/, '');
}
