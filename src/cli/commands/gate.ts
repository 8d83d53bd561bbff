/** `gherkin-bench gate` and `gherkin-bench baseline save`: the CI regression gate. */
import { appendFileSync } from 'node:fs';
import { writeFileAtomic } from '../../atomic-write.js';
import { gateRun, saveBaseline } from '../../gate/load.js';
import { gateJunit, gateMarkdown, gateTable, githubAnnotations } from '../../gate/output.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

/** The `gate` command: exit 0 pass, 1 regression, 2 bad usage or input. */
export const gateCommand: CommandFactory = (io: CliIo, setExitCode) =>
  defineCommand({
    command: 'gate',
    describe: 'Fail (exit 1) when a run regressed against a baseline; JUnit, Markdown and GitHub annotations',
    builder: (y) =>
      y
        .option('baseline', {
          type: 'string',
          demandOption: true,
          describe: 'Baseline file (gherkin-bench baseline save)',
        })
        .option('run', { type: 'string', demandOption: true, describe: 'Run folder with summary.json' })
        .option('rules', { type: 'string', describe: 'Gate rules (YAML); default: no check metric may regress' })
        .option('junit', { type: 'string', describe: 'Write JUnit XML here (one test case per rule)' })
        .option('markdown', { type: 'string', describe: 'Write the Markdown block (for a PR comment) here' })
        .option('allow-mismatch', {
          type: 'boolean',
          default: false,
          describe: 'Compare even when the dataset or variants differ (with a warning)',
        }),
    handler: async (args) => {
      const result = await gateRun({
        baseline: args.baseline,
        run: args.run,
        ...(args.rules ? { rules: args.rules } : {}),
        allowMismatch: args.allowMismatch,
      });
      const markdown = gateMarkdown(result);
      if (args.junit) writeFileAtomic(args.junit, gateJunit(result));
      if (args.markdown) writeFileAtomic(args.markdown, markdown);
      if (io.env.GITHUB_ACTIONS === 'true') {
        // The runner reads workflow commands on stdout and stderr; with --json stdout stays pure JSON.
        const annotate = args.json ? io.stderr : io.stdout;
        for (const line of githubAnnotations(result)) annotate(`${line}\n`);
        const summaryFile = io.env.GITHUB_STEP_SUMMARY;
        if (summaryFile) {
          try {
            appendFileSync(summaryFile, markdown);
          } catch (error) {
            io.stderr(`warning: cannot append to GITHUB_STEP_SUMMARY ${summaryFile}: ${(error as Error).message}\n`);
          }
        }
      }
      emit(io, args, result, () => gateTable(result));
      if (!result.passed) setExitCode(1);
    },
  });

/** The `baseline save` command. */
export const baselineCommand: CommandFactory = (io: CliIo) =>
  defineCommand({
    command: 'baseline <command>',
    describe: 'Save the baseline of a run for the regression gate',
    builder: (y) =>
      y
        .command({
          command: 'save <run-dir>',
          describe: 'Write a compact, reviewable baseline (per-item scores, summary, hashes, models)',
          builder: (b) =>
            b
              .positional('run-dir', { type: 'string', demandOption: true, describe: 'A run folder' })
              .option('out', { type: 'string', demandOption: true, describe: 'Baseline file to write' }),
          handler: async (args) => {
            const baseline = await saveBaseline(args.runDir, args.out);
            emit(
              io,
              args,
              { out: args.out, runId: baseline.runId, series: Object.keys(baseline.scores).length },
              () =>
                `baseline of ${baseline.runId} (${baseline.variants.length} variants, ${baseline.dataset.items} items) written to ${args.out}`,
            );
          },
        })
        .demandCommand(1, 'Name a subcommand: save'),
    handler: () => undefined,
  });
