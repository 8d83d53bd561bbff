/**
 * How a benchmark's stand-in process is driven from its parent: one command per stdin line.
 * `close`, or the end of stdin, closes the process's servers and exits; each other command named
 * in `answers` prints its answer as one line on stdout; anything else is ignored.
 */
import { createInterface } from 'node:readline';

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
