/**
 * `gherkin-bench dataset validate|stats|import`: check a gold set, count it, or import AWS Config
 * rule gherkins into a new one.
 */
import type { Argv } from 'yargs';
import { type ImportReport, importAwsConfigRules, renderImportReport } from '../../dataset/import/import.js';
import { defaultDatasetDir } from '../../dataset/load.js';
import { formatProblem } from '../../dataset/problems.js';
import { datasetStats, renderStats } from '../../dataset/stats.js';
import { type ValidationReport, validateDataset } from '../../dataset/validate.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

interface DirArgs {
  dir?: string;
  json?: boolean;
}

interface ImportArgs {
  json?: boolean;
  from: string;
  source: string;
  out: string;
  fewshotShare: number;
  force: boolean;
}

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

const dirPositional = (y: Argv) =>
  y.positional('dir', { type: 'string', describe: 'Dataset folder (default: the shipped security-controls set)' });

/** The `dataset` command and its subcommands. */
export const datasetCommand: CommandFactory = (io: CliIo, setExitCode) => ({
  command: 'dataset <command>',
  describe: 'Validate, count or import a gold set of control gherkins',
  builder: (yargs) =>
    yargs
      .command<DirArgs>({
        command: 'validate [dir]',
        describe: 'Check schema, files, parsing, style rules, row agreement and grounding; exit 2 on any error',
        builder: dirPositional,
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
      })
      .command<DirArgs>({
        command: 'stats [dir]',
        describe: 'Count items by service, category, severity and split; scenarios and outcomes',
        builder: dirPositional,
        handler: async (args) => {
          const stats = await datasetStats(args.dir ?? defaultDatasetDir());
          emit(io, args, stats, () => renderStats(stats));
        },
      })
      .command<ImportArgs>({
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
            }) as unknown as Argv<ImportArgs>,
        handler: async (args) => {
          const report: ImportReport = await importAwsConfigRules(args.source, args.out, {
            fewshotShare: args.fewshotShare,
            force: args.force,
          });
          emit(io, args, report, () => renderImportReport(report));
        },
      })
      .demandCommand(1, 'Name a dataset subcommand: validate, stats or import.'),
  handler: () => undefined,
});
