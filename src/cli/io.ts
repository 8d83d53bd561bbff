/** The CLI's connection to the outside world, passed in so commands can be tested in-process. */

/** Where a command writes and what environment it sees. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Read all of standard input (for `-` file arguments); absent when there is none. */
  readStdin?: () => Promise<string>;
}

/** A command factory: gets the io and a way to raise the exit code (1 = a check failed). */
export type CommandFactory = (
  io: CliIo,
  setExitCode: (code: number) => void,
) => import('yargs').CommandModule<object, any>;

/** Print `value` as JSON when `--json` was given, else the text `render` makes. */
export function emit(io: CliIo, args: { json?: boolean }, value: unknown, render: () => string): void {
  if (args.json) io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  else {
    const text = render();
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
}
