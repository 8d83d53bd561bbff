/** The real CLI in a child process (node + tsx on src/cli/main.ts), with its output captured. */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How a child CLI ended. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const NODE_ARGS = [
  '--import',
  pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href,
  resolve('src/cli/main.ts'),
];

/** Start `gherkin-bench <args>` in `cwd` with exactly `env`. */
export function startCli(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; exit: Promise<ChildExit> } {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<ChildExit>((done) => {
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
  return { child, exit };
}

/**
 * The parent's environment as a user's shell would have it: without AWS_*, *_API_KEY, tokens
 * and secrets (tests add fake ones) and without the test runner's own variables.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^AWS_|_API_KEY$|_TOKEN$|_SECRET|^VITEST|^TEST$|^NODE_ENV$|^JEST_/.test(name),
    ),
  );
}
