/**
 * How a benchmark's stand-in process is driven from its parent: one command per stdin line.
 * `close`, or the end of stdin, closes the process's servers and exits; each other command named
 * in `answers` prints its answer as one line on stdout; anything else is ignored. The stand-in
 * side is {@link controlFromStdin}; the parent side is {@link startStandIn}.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { siblingScript } from './measure.js';

/** Listen on stdin for the parent's commands (see the module comment). */
export function controlFromStdin(options: { answers: Record<string, () => string>; close: () => Promise<void> }): void {
  const lines = createInterface({ input: process.stdin });
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    lines.close();
    await options.close();
    process.exit(0);
  };
  lines.on('line', (line) => {
    const command = line.trim();
    if (command === 'close') void close();
    else if (Object.hasOwn(options.answers, command)) process.stdout.write(`${options.answers[command]?.()}\n`);
  });
  lines.on('close', () => void close());
}

/** A stand-in process as its parent sees it. */
export interface StandIn {
  /** The first line it printed (what it says once it listens). */
  readonly greeting: string;
  /** Send a command and resolve with its one-line answer. */
  ask(command: string): Promise<string>;
  /** Send `close` and wait for the process to exit. */
  close(): Promise<void>;
}

/** Start a stand-in script of bench/ (`fake-bedrock-server`) with `args` and read its first line. */
export async function startStandIn(script: string, args: readonly string[] = []): Promise<StandIn> {
  const child = spawn(process.execPath, [...siblingScript(script), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    greeting: await next(),
    ask: (command) => {
      const answer = next();
      child.stdin.write(`${command}\n`);
      return answer;
    },
    close: async () => {
      child.stdin.end('close\n');
      await exited;
    },
  };
}
