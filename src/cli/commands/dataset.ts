/**
 * `gherkin-bench dataset validate|stats|import|leaks`: check a gold set, count it, import AWS Config
 * rule gherkins into a new one, or check that nothing shown or tuned on leaks an evaluation answer.
 */
import type { Argv } from 'yargs';
import { type ImportReport, importAwsConfigRules, renderImportReport } from '../../dataset/import/import.js';
import { checkLeaks, type LeakReport } from '../../dataset/leaks/check.js';
import { defaultDatasetDir } from '../../dataset/load.js';
import { formatProblem } from '../../dataset/problems.js';
import { datasetStats, renderStats } from '../../dataset/stats.js';
import { type ValidationReport, validateDataset } from '../../dataset/validate.js';
import { defineCommand, withCommands } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

/** `1 error`, `2 errors`. */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function renderValidation(report: ValidationReport): string {
  const lines = report.problems.map(formatProblem);
  const verdict = report.ok ? 'valid' : 'INVALID';
  lines.push(
    `dataset ${report.dir}: ${verdict}: ${count(report.items, 'item')}, ${count(report.errors, 'error')}, ${count(report.warnings, 'warning')} (${report.elapsedMs} ms)`,
  );
  return lines.join('\n');
}

function renderLeaks(report: LeakReport): string {
  const lines = report.problems.map(formatProblem);
  lines.push(
    `leaks: ${report.ok ? 'none' : 'FOUND'}: ${report.errors} errors, ${report.warnings} warnings (templates, near-duplicate requirements, exemplar methods under otherServicesOnly: ${report.policy.otherServicesOnly ?? false})`,
  );
  return lines.join('\n');
}

const dirPositional = <T>(y: Argv<T>) =>
  y.positional('dir', { type: 'string', describe: 'Dataset folder (default: the shipped security-controls set)' });

/** The `dataset` command and its subcommands. */
export const datasetCommand: CommandFactory = (io: CliIo, setExitCode) =>
  defineCommand({
    command: 'dataset <command>',
    describe: 'Validate, count or import a gold set of control gherkins',
    builder: (yargs) =>
      withCommands(
        yargs,
        defineCommand({
          command: 'validate [dir]',
          describe: 'Check schema, files, parsing, style rules, row agreement and grounding; exit 2 on any error',
          builder: (y) => dirPositional(y),
          handler: async (args) => {
            const report = await validateDataset(args.dir ?? defaultDatasetDir());
            emit(io, args, report, () => renderValidation(report));
            if (!report.ok) {
              io.stderr(
                `gherkin-bench: dataset ${report.dir} has ${count(report.errors, 'error')}; see the list above\n`,
              );
              setExitCode(2);
            }
          },
        }),
        defineCommand({
          command: 'stats [dir]',
          describe: 'Count items by service, category, severity and split; scenarios and outcomes',
          builder: (y) => dirPositional(y),
          handler: async (args) => {
            const stats = await datasetStats(args.dir ?? defaultDatasetDir());
            emit(io, args, stats, () => renderStats(stats));
          },
        }),
        defineCommand({
          command: 'import <source>',
          describe: 'Import the Gherkin docstrings of AWS Config rule sources (Python, Java, Node) as a new dataset',
          builder: (y) =>
            y
              .positional('source', { type: 'string', demandOption: true, describe: 'Folder of rule sources' })
              .option('from', {
                type: 'string',
                choices: ['aws-config-rules'],
                demandOption: true,
                describe: 'Source format (awslabs/aws-config-rules or RDK rules)',
              })
              .option('out', { type: 'string', demandOption: true, describe: 'Dataset folder to create' })
              .option('fewshot-share', {
                type: 'number',
                default: 0.25,
                describe: 'Share of items put in the fewshot split (stable, by hash of the id)',
              })
              .option('force', {
                type: 'boolean',
                default: false,
                describe: 'Replace --out if it exists',
              }),
          handler: async (args) => {
            const report: ImportReport = await importAwsConfigRules(args.source, args.out, {
              fewshotShare: args.fewshotShare,
              force: args.force,
            });
            emit(io, args, report, () => renderImportReport(report));
          },
        }),
        defineCommand({
          command: 'leaks',
          describe:
            'Check that no template, few-shot item or retrieval dev query leaks an evaluation answer; exit 1 on a leak',
          builder: (y) =>
            y.option('dataset', {
              type: 'string',
              array: true,
              describe: 'Gold set folder(s) (default: the shipped security-controls and aws-config-rules)',
            }),
          handler: async (args) => {
            const report = await checkLeaks(args.dataset ? { datasets: args.dataset } : {});
            emit(io, args, report, () => renderLeaks(report));
            if (!report.ok) setExitCode(1);
          },
        }),
      ).demandCommand(1, 'Name a dataset subcommand: validate, stats, import or leaks.'),
    handler: () => undefined,
  });
