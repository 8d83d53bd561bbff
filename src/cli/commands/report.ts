/** `gherkin-bench report <run-dir>`: rebuild every report file from the stored run (no model call). */
import { rebuildReports } from '../../report/rebuild.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

/** The `report` command. */
export const reportCommand: CommandFactory = (io: CliIo) =>
  defineCommand({
    command: 'report <run-dir>',
    describe: 'Rebuild summary.json, summary.md, results.csv and index.html of a stored run',
    builder: (y) =>
      y
        .positional('run-dir', { type: 'string', demandOption: true, describe: 'A run folder, e.g. reports/<run-id>' })
        .option('reference', {
          type: 'string',
          describe: 'Variant every other is compared with (default: all techniques off)',
        }),
    handler: async (args) => {
      const { summary, files } = await rebuildReports(args.runDir, args.reference ? { reference: args.reference } : {});
      emit(io, args, { files, counts: summary.counts }, () =>
        [`${summary.counts.cases} cases (${summary.counts.failed} failed); wrote:`, ...files.map((f) => `  ${f}`)].join(
          '\n',
        ),
      );
    },
  });
