/** `gherkin-bench judge calibrate`: measure the deterministic metrics and (with --judge) the LLM judge. */
import { combineDatasets, DEFAULT_DATASETS } from '../../dataset/combine.js';
import { loadDataset } from '../../dataset/load.js';
import { UserError } from '../../errors.js';
import { openCallCache, withCache } from '../../generation/providers/cache.js';
import { costOf, priceTable } from '../../generation/providers/pricing.js';
import { resolveProvider } from '../../generation/providers/registry.js';
import { packagePath } from '../../paths.js';
import { type CalibrationJudge, calibrate } from '../../scoring/calibration/calibrate.js';
import { calibrateAgainstLabels } from '../../scoring/calibration/human-labels.js';
import { defaultCalibrationDir, loadCalibrationSets } from '../../scoring/calibration/labels.js';
import { renderCalibration } from '../../scoring/calibration/render.js';
import { renderLabelCalibration } from '../../scoring/calibration/render-labels.js';
import { JUDGE_MODES, type JudgeMode } from '../../scoring/judge/prompt.js';
import { loadRubric } from '../../scoring/judge/rubric.js';
import { defineCommand, withCommands } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

/** The `judge` command and its subcommands. */
export const judgeCommand: CommandFactory = (io: CliIo) =>
  defineCommand({
    command: 'judge <command>',
    describe: 'Measure the scoring metrics and the LLM judge',
    builder: (yargs) =>
      withCommands(
        yargs,
        defineCommand({
          command: 'calibrate',
          describe:
            'Sensitivity of every metric to corrupted golds; with --judge also the judge, its agreement with expert labels, repeatability and verbosity bias',
          builder: (y) =>
            y
              .option('judge', {
                type: 'string',
                describe: 'Judge model (e.g. bedrock:<model-id>); omitted: deterministic metrics only',
              })
              .option('rubric', {
                type: 'string',
                default: 'default',
                describe: 'Rubric name under judges/ or a YAML path',
              })
              .option('mode', {
                choices: JUDGE_MODES,
                default: 'reference-guided' as JudgeMode,
                describe: 'Judge mode',
              })
              .option('samples', {
                type: 'number',
                default: 1,
                describe: 'Judge samples per text (2+ measures repeatability)',
              })
              .option('dataset', {
                type: 'string',
                array: true,
                describe:
                  'Gold set folder(s), each reported on its own and all together (default: the shipped security-controls and aws-config-rules)',
              })
              .option('calibration', {
                type: 'string',
                describe: 'Expert-labelled calibration file or folder (default: datasets/judge-calibration)',
              })
              .option('position', {
                type: 'boolean',
                default: false,
                describe: 'Also probe position bias: judge each (gold, defect) pair in both orders (2 calls per pair)',
              })
              .option('labels', {
                type: 'string',
                array: true,
                describe:
                  'Label files of one run (gherkin-bench label): compare the judge with people, and people with each other',
              })
              .option('run', {
                type: 'string',
                describe: "With --labels: the labelled run folder (default: the one holding the files' labels/ folder)",
              })
              .option('seed', {
                type: 'number',
                default: 1,
                describe: 'With --labels: seed of the bootstrap intervals',
              })
              .option('cache', {
                type: 'boolean',
                default: true,
                describe: 'Use the model-call cache (--no-cache to skip)',
              }),
          handler: async (args) => {
            if (!Number.isInteger(args.samples) || args.samples < 1)
              throw new UserError('BAD_USAGE', '--samples: must be a whole number ≥ 1');
            let judge: CalibrationJudge | undefined;
            if (args.judge) {
              const rubric = loadRubric(args.rubric);
              const model = await resolveProvider(args.judge, { env: io.env });
              const provider = args.cache ? withCache(model, openCallCache(), 'use') : model;
              const prices = priceTable();
              judge = {
                provider,
                rubric,
                mode: args.mode,
                samples: args.samples,
                position: args.position,
                costOf: (usage, modelId) => costOf(usage, modelId, prices),
              };
            }
            if (args.labels) {
              const report = await calibrateAgainstLabels({
                files: args.labels,
                seed: args.seed,
                ...(args.run ? { runDir: args.run } : {}),
                ...(judge ? { judge } : {}),
              });
              return emit(io, args, report, () => renderLabelCalibration(report));
            }
            const dirs = args.dataset ?? DEFAULT_DATASETS.map((name) => packagePath('datasets', name));
            const sets = await Promise.all(dirs.map((dir) => loadDataset(dir)));
            const dataset = combineDatasets(sets);
            const names = sets.map((set) => set.name);
            const notes: string[] = [];
            let calibration = loadCalibrationSets(args.calibration ?? defaultCalibrationDir());
            if (!args.calibration) {
              // The shipped labels belong to a shipped dataset; another dataset needs its own labels.
              const skipped = calibration.filter((set) => !names.includes(set.dataset));
              calibration = calibration.filter((set) => names.includes(set.dataset));
              for (const set of skipped)
                notes.push(
                  `agreement: skipped ${set.file} (labels for dataset "${set.dataset}", not ${names.map((n) => `"${n}"`).join(' or ')})`,
                );
            }
            const report = await calibrate({
              items: dataset.items,
              sets: sets.map((set) => ({ name: set.name, items: set.items })),
              calibration,
              notes,
              ...(judge ? { judge } : {}),
            });
            emit(io, args, report, () => renderCalibration(report));
          },
        }),
      ),
    handler: () => {},
  });
