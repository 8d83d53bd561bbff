/**
 * `gherkin-bench run [experiment.yaml]`: run (or resume) an experiment. Progress goes to stderr;
 * the run folder and a per-variant table go to stdout. Ctrl-C stops cleanly (finished cases are
 * kept) and prints how to resume; exit 130.
 */
import { relative } from 'node:path';
import { flagName, RUN_FLAGS, readRunFlags } from '../../config/flags.js';
import { UserError } from '../../errors.js';
import { type ExecuteRunResult, executeRun } from '../../experiment/execute.js';
import type { FailureGroup } from '../../experiment/failures.js';
import type { RunEvent } from '../../run/engine.js';
import { parseShard } from '../../run/shard.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

/** The `run` command. */
export const runCommand: CommandFactory = (io, setExitCode) =>
  defineCommand({
    command: 'run [experiment]',
    describe:
      'Run an experiment (default: the offline 2^5 ablation of cot, rag, fewShot, agent, repair) and store it under reports/<run-id>/',
    builder: (yargs) => {
      let y = yargs.positional('experiment', { type: 'string', describe: 'Experiment YAML file' });
      y = y.option('preflight', {
        type: 'boolean',
        describe: 'Check every model with one minimal call before any case runs (--no-preflight skips it)',
      });
      for (const [key, spec] of Object.entries(RUN_FLAGS)) {
        y = y.option(flagName(key).slice(2), {
          type: spec.type,
          describe: spec.describe,
          ...(spec.array ? { array: true } : {}),
          ...(spec.type === 'boolean' ? {} : { requiresArg: true }),
        });
      }
      return y
        .option('shard', {
          type: 'string',
          requiresArg: true,
          describe: 'Run one deterministic slice i/n of the case grid (join the shards with gherkin-bench merge)',
        })
        .option('batch', {
          type: 'boolean',
          describe:
            "Answer the Bedrock calls with Amazon Bedrock batch inference jobs (50% price; the experiment's batch: block)",
        });
    },
    handler: async (args) => {
      const flags = readRunFlags(args);
      const controller = new AbortController();
      const stopListening = io.onInterrupt?.(() => {
        io.stderr('\ngherkin-bench: interrupting: finishing the cases in flight (Ctrl-C again to quit at once)…\n');
        controller.abort();
      });
      let result: ExecuteRunResult;
      try {
        result = await executeRun({
          ...(args.experiment === undefined ? {} : { file: args.experiment }),
          flags,
          preflight: args.preflight !== false,
          ...(args.shard === undefined ? {} : { shard: parseShard(args.shard) }),
          ...(args.batch
            ? { batch: { onProgress: (line: string) => io.stderr(`gherkin-bench: batch: ${line}\n`) } }
            : {}),
          env: io.env,
          cwd: io.cwd,
          signal: controller.signal,
          onEvent: progressPrinter(io),
        });
      } finally {
        stopListening?.();
      }
      const { counts } = result;
      const where = displayPath(io.cwd, counts.runDir);
      if (counts.interrupted)
        throw new UserError(
          'INTERRUPTED',
          `interrupted: ${counts.ok + counts.failed}/${counts.planned} cases stored in ${where}; resume with: gherkin-bench run --resume ${where}${args.batch ? ' --batch' : ''}`,
          { exitCode: 130 },
        );
      if (counts.failed > 0 || result.reportError) setExitCode(1);
      emit(io, args, { ...result, runDir: counts.runDir }, () => renderResult(result, where));
      if (result.failures.length) io.stderr(renderFailures(result.failures));
    },
  });

/** A progress line on stderr at the start, about every 5% of the cases, and at the end. */
function progressPrinter(io: CliIo): (event: RunEvent) => void {
  let step = 1;
  return (event) => {
    if (event.type === 'start') {
      step = Math.max(1, Math.round(event.total / 20));
      const resumed = event.stored ? ` (${event.stored} already stored, resuming)` : '';
      io.stderr(`gherkin-bench: run ${event.runId}: ${event.total} cases${resumed}\n`);
    } else if (event.type === 'case' && (event.done % step === 0 || event.done === event.total)) {
      io.stderr(`  ${event.done}/${event.total} cases\n`);
    } else if (event.type === 'warning') io.stderr(`gherkin-bench: warning: ${event.message}\n`);
  };
}

/** The failed cases grouped by reason, for stderr: a count, the reason and an example case each. */
export function renderFailures(failures: readonly FailureGroup[]): string {
  const total = failures.reduce((sum, group) => sum + group.count, 0);
  const lines = [`gherkin-bench: ${total} failed ${total === 1 ? 'case' : 'cases'}, by reason:`];
  for (const { count, stage, reason, example } of failures)
    lines.push(
      `  ${String(count).padStart(4)} × ${stage}: ${reason}`,
      `         e.g. ${example.itemId} · ${example.variant} · ${example.model} · repeat ${example.repeat} (case ${example.key})`,
    );
  return `${lines.join('\n')}\n`;
}

function displayPath(cwd: string, dir: string): string {
  const rel = relative(cwd, dir);
  return rel && !rel.startsWith('..') ? rel : dir;
}

const pct = (v: number | null) => (v === null ? '   –' : `${(v * 100).toFixed(0).padStart(3)}%`);

/** The human summary: where the run is, the counts, a per-variant table. */
export function renderResult(result: ExecuteRunResult, where: string): string {
  const { counts, means, metrics } = result;
  const lines = [
    `Run stored in ${where}/ (manifest.json, results.jsonl)`,
    `Cases: ${counts.ok} ok, ${counts.failed} failed of ${counts.planned}` +
      (counts.fromStore ? ` (${counts.fromStore} from an earlier part of this run)` : ''),
    '',
  ];
  const multiModel = new Set(means.map((m) => m.model)).size > 1;
  const label = (m: (typeof means)[number]) => (multiModel ? `${m.variant} · ${m.model}` : m.variant);
  const width = Math.max(7, ...means.map((m) => label(m).length));
  const col = (m: string) => Math.max(9, m.length);
  lines.push(`${'variant'.padEnd(width)}  ${metrics.map((m) => m.padStart(col(m))).join(' ')}  failed`);
  for (const row of means)
    lines.push(
      `${label(row).padEnd(width)}  ${metrics.map((m) => pct(row.means[m] ?? null).padStart(col(m))).join(' ')}  ${String(row.failed).padStart(6)}`,
    );
  if (result.reports.length) lines.push('', `Report: ${where}/index.html (also summary.md, summary.json, results.csv)`);
  if (result.reportError) lines.push('', `Reports could not be written: ${result.reportError}`);
  return lines.join('\n');
}
