/** `gherkin-bench rescore <run-dir> [--metric ID]...`: re-score a stored run (no generation call), then rebuild its reports. */
import { rebuildReports } from '../../report/rebuild.js';
import { rescoreRun } from '../../run/rescore.js';
import { SCORER_IDS } from '../../scoring/scorers.js';
import { defineCommand } from '../command.js';
import { type CommandFactory, emit } from '../io.js';

/** The `rescore` command. */
export const rescoreCommand: CommandFactory = (io, setExitCode) =>
  defineCommand({
    command: 'rescore <run-dir>',
    describe:
      'Re-score a stored run with no generation call (judge calls from the call cache), then rebuild its reports',
    builder: (y) =>
      y
        .positional('run-dir', { type: 'string', demandOption: true, describe: 'A run folder, e.g. reports/<run-id>' })
        .option('metric', {
          type: 'string',
          array: true,
          requiresArg: true,
          describe: `Only these scorers (repeatable): ${SCORER_IDS.join(', ')}; default: every scorer the run configures`,
        })
        .option('replay', {
          type: 'boolean',
          describe: 'Answer judge calls from the call cache only (a miss is an error)',
        }),
    handler: async (args) => {
      const result = await rescoreRun({
        runDir: args.runDir,
        ...(args.metric ? { metrics: args.metric } : {}),
        replay: args.replay === true,
        env: io.env,
      });
      for (const warning of result.warnings) io.stderr(`gherkin-bench: warning: ${warning}\n`);
      const { files } = await rebuildReports(result.runDir);
      if (result.failed > 0) setExitCode(1);
      emit(io, args, { ...result, files }, () =>
        [
          `Re-scored ${result.rescored} of ${result.cases} cases with ${result.scorers.join(', ')} (${result.failed} failed)`,
          `Previous results kept as ${result.previous}; wrote:`,
          ...files.map((f) => `  ${f}`),
        ].join('\n'),
      );
    },
  });
