/**
 * A command as the CLI registers it: its builder declares the flags and positionals, and the
 * handler's arguments are inferred from that builder (yargs' own types), so no handler casts
 * what it gets.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

/** Global flags every command accepts. */
export interface GlobalArgs {
  json: boolean;
  verbose: boolean;
}

/** Adds one command (and its subcommands) to a yargs program. */
export type CommandRegistration = (program: Argv<GlobalArgs>) => Argv<GlobalArgs>;

/** One command: `A` is what its builder makes of the global arguments. */
export interface CommandSpec<A> {
  command: string;
  describe: string;
  builder: (yargs: Argv<GlobalArgs>) => Argv<A>;
  handler: (args: ArgumentsCamelCase<A>) => void | Promise<void>;
}

/** Define a command; the handler's argument type comes from the builder. */
export function defineCommand<A>(spec: CommandSpec<A>): CommandRegistration {
  const module: CommandModule<GlobalArgs, A> = spec;
  return (program) => program.command(module);
}

/** Register subcommands (or commands) on a program, in order. */
export function withCommands(program: Argv<GlobalArgs>, ...commands: CommandRegistration[]): Argv<GlobalArgs> {
  return commands.reduce((registered, register) => register(registered), program);
}
