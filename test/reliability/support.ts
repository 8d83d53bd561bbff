/**
 * Helpers for the reliability tests: the CLI run in-process with a capturing io, a snapshot of
 * a folder tree (to prove a failed command left nothing behind), and the checks every
 * bad-input error must pass.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';

/** What one in-process CLI run printed and returned. */
import type { Captured as CliResult } from '../support/cli.js';

/** Run the CLI in-process on `argv` with `env` as its environment. */
export { cli as runInProcess } from '../support/cli.js';
export type { CliResult };

/**
 * Every file and folder under `dir` (relative path → size and sha256, or `dir`, or a link's
 * target). A missing folder snapshots as an empty map.
 */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const rel = relative(dir, path);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) out.set(rel, `link ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        out.set(rel, 'dir');
        walk(path);
      } else out.set(rel, `${stat.size} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(dir);
  return out;
}

/** C0 control characters other than newline and tab, and DEL: never printed raw to a terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** A stack frame line as Node prints it. */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/**
 * The contract of a bad-input error: exit 2, nothing on stdout, exactly one line on stderr that
 * starts with `gherkin-bench:`, names `file` and matches `where` (line or field), with no stack
 * trace, no "internal error" and no raw control characters.
 */
export function expectOneLineError(result: CliResult, file: string, where?: RegExp): void {
  const context = JSON.stringify(result.stderr);
  expect(result.code, context).toBe(2);
  expect(result.stdout, context).toBe('');
  expect(result.stderr.endsWith('\n'), context).toBe(true);
  const lines = result.stderr.slice(0, -1).split('\n');
  expect(lines, context).toHaveLength(1);
  const line = lines[0] as string;
  expect(line.startsWith('gherkin-bench: '), context).toBe(true);
  expect(line, context).toContain(file);
  if (where) expect(line, context).toMatch(where);
  expect(line, context).not.toMatch(/internal error/i);
  expect(result.stderr, context).not.toMatch(STACK_FRAME);
  expect(CONTROL_CHARS.test(result.stderr), context).toBe(false);
}
