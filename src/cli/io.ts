/** The CLI's connection to the outside world, passed in so commands can be tested in-process. */
import type { CommandRegistration } from './command.js';

/** Where a command writes and what environment it sees. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** The working directory relative paths are resolved against. */
  cwd: string;
  /** Terminal width for help text; absent when not a terminal. */
  columns?: number;
  /**
   * Listen for an interrupt (Ctrl-C); returns the unsubscribe. The entry point owns the signal
   * (a second interrupt exits at once); absent when nothing can interrupt (in-process tests).
   */
  onInterrupt?: (listener: () => void) => () => void;
  /** Read all of standard input (for `-` file arguments); absent when there is none. */
  readStdin?: () => Promise<string>;
}

/** A command factory: gets the io and a way to raise the exit code (1 = a check failed). */
export type CommandFactory = (io: CliIo, setExitCode: (code: number) => void) => CommandRegistration;

/** Print `value` as JSON when `--json` was given, else the text `render` makes. */
export function emit(io: CliIo, args: { json?: boolean }, value: unknown, render: () => string): void {
  if (args.json) io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  else {
    const text = render();
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
}
