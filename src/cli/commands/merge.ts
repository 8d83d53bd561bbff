/**
 * `gherkin-bench merge <run-dir>... --out DIR`: join the run folders of `run --shard i/n` into one
 * run folder, which `report` and `gate` read as usual.
 */
import { resolve } from 'node:path';
import { mergeShards } from '../../run/merge.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

/** The `merge` command. */
export const mergeCommand: CommandFactory = (io: CliIo) =>
  defineCommand({
    command: 'merge <run-dirs..>',
    describe: 'Join the run folders of run --shard i/n into one run folder (then report and gate as usual)',
    builder: (y) =>
      y
        .positional('run-dirs', { type: 'string', array: true, demandOption: true, describe: 'Shard run folders' })
        .option('out', {
          type: 'string',
          demandOption: true,
          requiresArg: true,
          describe: 'The merged run folder to make',
        })
        .option('allow-partial', {
          type: 'boolean',
          default: false,
          describe: 'Merge even with shards missing or unfinished (complete it later with run --resume)',
        }),
    handler: async (args) => {
      const result = await mergeShards(
        (args.runDirs as string[]).map((dir) => resolve(io.cwd, dir)),
        resolve(io.cwd, args.out),
        { allowPartial: args.allowPartial },
      );
      emit(io, args, result, () =>
        [
          `Merged ${result.shards.length} shards into ${args.out}/: ${result.ok} ok, ${result.failed} failed of ${result.cases} cases`,
          ...(result.missingShards.length ? [`Missing shards: ${result.missingShards.join(', ')}`] : []),
          ...(result.remaining
            ? [`${result.remaining} cases not stored; run them with: gherkin-bench run --resume ${args.out}`]
            : []),
          `Report it with: gherkin-bench report ${args.out}`,
        ].join('\n'),
      );
    },
  });
