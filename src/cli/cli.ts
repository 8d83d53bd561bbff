/**
 * The yargs program: global flags, the command table, and the one top-level catch that turns a
 * {@link UserError} into a single line and exit code 2 (no stack trace unless --verbose).
 */
import yargs, { type Argv } from 'yargs';
import { isUserError } from '../errors.js';
import type { GlobalArgs } from './command.js';
import { commands } from './commands/index.js';
import type { CliIo } from './io.js';

export type { GlobalArgs } from './command.js';

/**
 * Run the CLI on `argv` (without the node and script paths) and return the exit code:
 * 0 ok, 1 a check failed, 2 bad usage or bad input.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const verbose = argv.includes('--verbose');
  const program: Argv<GlobalArgs> = yargs(argv)
    .scriptName('gherkin-bench')
    .usage('$0 <command> [options]\n\nMeasure how well LLMs write AWS security controls as Gherkin.')
    .option('json', { type: 'boolean', default: false, describe: 'Print machine-readable JSON' })
    .option('verbose', { type: 'boolean', default: false, describe: 'Print stack traces and debug detail' })
    .strict()
    .demandCommand(1, 'Name a command; see --help.')
    .recommendCommands()
    .exitProcess(false)
    .wrap(Math.min(110, io.columns || 100))
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    })
    .help()
    .alias('h', 'help')
    .version();
  const raiseExitCode = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  for (const register of commands) register(io, raiseExitCode)(program);
  try {
    await program.parseAsync();
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`gherkin-bench: ${error.message}\nRun with --help for usage.\n`);
      return 2;
    }
    if (isUserError(error)) {
      // One line per problem, each made inert.
      for (const line of error.lines) io.stderr(`gherkin-bench: ${printable(line)}\n`);
      if (verbose && error.cause instanceof Error) io.stderr(`${error.cause.stack ?? error.cause.message}\n`);
      return error.exitCode;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    io.stderr(
      verbose
        ? `${err.stack ?? err.message}\n`
        : `gherkin-bench: internal error: ${printable(err.message)} (run with --verbose for the stack trace)\n`,
    );
    return 3;
  }
}

/**
 * A message may quote hostile input (a CSV cell, a model's error text): escape control
 * characters (terminal escape sequences, NUL, line breaks) so it prints as one inert line.
 */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A yargs usage failure (unknown flag, missing argument). */
class UsageError extends Error {}
