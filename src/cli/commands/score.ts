/**
 * `gherkin-bench score <candidate.feature|-> --item <id> [--dataset DIR] [--json]`: every
 * deterministic metric of one candidate against one gold item, behaviour's counterexamples
 * included. `--json` prints the scores as a case stores them in results.jsonl. Exit 1 when a check
 * with a threshold fails, 2 on bad input.
 */

import { loadDataset } from '../../dataset/load.js';
import { badInput } from '../../errors.js';
import { didYouMean } from '../../knowledge/suggest.js';
import { scoreChecks } from '../../scoring/checks.js';
import type { Score } from '../../scoring/types.js';
import { textTableLines } from '../../text-table.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';
import { readInput } from './ground.js';

function render(scores: Score[]): string {
  const rows = scores.map((s) => [
    s.metric,
    s.value === null ? 'n/a' : s.value.toFixed(3),
    s.pass === undefined ? '' : s.pass ? 'pass' : 'FAIL',
    s.reason,
  ]);
  const lines = textTableLines(['metric', 'value', '', 'why'], rows);
  const examples = (scores.find((s) => s.metric === 'behaviour')?.details?.counterexamples ?? []) as { text: string }[];
  if (examples.length > 0)
    lines.push(
      '',
      'Counterexamples (states where the candidate decides differently):',
      ...examples.map((e) => `  ${e.text}`),
    );
  return lines.join('\n');
}

/** The `score` command. */
export const scoreCommand: CommandFactory = (io: CliIo, setExitCode) =>
  defineCommand({
    command: 'score <candidate>',
    describe:
      'Score one candidate gherkin against one gold item with every deterministic metric (exit 1 when a check fails)',
    builder: (yargs) =>
      yargs
        .positional('candidate', {
          type: 'string',
          demandOption: true,
          describe: 'A .feature file, or - for standard input',
        })
        .option('item', { type: 'string', demandOption: true, describe: 'The gold item id (controls.csv `id`)' })
        .option('dataset', { type: 'string', describe: 'Dataset folder (default: the shipped gold set)' }),
    handler: async (args) => {
      const file = args.candidate === '' ? '-' : args.candidate;
      const text = await readInput(io, file);
      const dataset = await loadDataset(args.dataset);
      const item = dataset.items.find((i) => i.id === args.item);
      if (!item)
        throw badInput(
          { field: '--item' },
          `no item "${args.item}" in ${dataset.dir}${didYouMean(
            args.item,
            dataset.items.map((i) => i.id),
          )}`,
        );
      const scores = scoreChecks(text, item);
      emit(io, args, scores, () => render(scores));
      if (scores.some((s) => s.pass === false)) setExitCode(1);
    },
  });
