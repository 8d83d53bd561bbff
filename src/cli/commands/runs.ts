/** `gherkin-bench runs`: list the stored runs of an output folder, newest first. */
import { resolve } from 'node:path';
import { DEFAULT_OUT } from '../../config/schema.js';
import { listRuns, type RunListing } from '../../run/list.js';
import { defineCommand } from '../command.js';
import { type CommandFactory, emit } from '../io.js';

/** The `runs` command. */
export const runsCommand: CommandFactory = (io) =>
  defineCommand({
    command: 'runs',
    describe: 'List stored runs (id, date, cases ok/failed, variants, models)',
    builder: (yargs) =>
      yargs.option('out', { type: 'string', default: DEFAULT_OUT, describe: 'Folder that holds run folders' }),
    handler: async (args) => {
      const out = args.out;
      const runs = await listRuns(resolve(io.cwd, out));
      emit(io, args, runs, () => renderRuns(runs, out));
    },
  });

/** The runs as a text table. */
export function renderRuns(runs: readonly RunListing[], out: string): string {
  if (!runs.length) return `No runs in ${out}/ yet; start one with: gherkin-bench run`;
  const rows = runs.map((r) => [
    r.id,
    r.startedAt ? r.startedAt.slice(0, 16).replace('T', ' ') : '–',
    r.status,
    `${r.ok}/${r.cases}`,
    String(r.failed),
    r.status === 'damaged' ? (r.problem ?? '') : summarise(r.variants),
    r.models.join(', '),
  ]);
  const header = ['run', 'started (UTC)', 'status', 'ok', 'failed', 'variants', 'models'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function summarise(variants: readonly string[]): string {
  return variants.length > 3 ? `${variants.length} (${variants.slice(0, 2).join(', ')}, …)` : variants.join(', ');
}
