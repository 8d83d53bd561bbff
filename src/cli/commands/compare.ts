/** `gherkin-bench compare <run-a> <run-b>`: paired statistics of run B against run A over shared cases. */
import { compareRuns } from '../../analysis/compare-runs.js';
import { comparisonMarkdown, comparisonTable } from '../../report/compare.js';
import { readRun } from '../../run/store.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

/** The `compare` command. */
export const compareCommand: CommandFactory = (io: CliIo) =>
  defineCommand({
    command: 'compare <run-a> <run-b>',
    describe: 'Compare two stored runs (two models, or last week and today) with paired statistics',
    builder: (y) =>
      y
        .positional('run-a', { type: 'string', demandOption: true, describe: 'The run compared against (A)' })
        .positional('run-b', { type: 'string', demandOption: true, describe: 'The run compared (B)' })
        .option('markdown', { type: 'boolean', default: false, describe: 'Print Markdown for a PR comment' }),
    handler: async (args) => {
      const [a, b] = await Promise.all([readRun(args.runA), readRun(args.runB)]);
      const result = compareRuns(a, b);
      emit(io, args, result, () => (args.markdown ? comparisonMarkdown(result) : comparisonTable(result)));
    },
  });
