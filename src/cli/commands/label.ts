/** `gherkin-bench label <run-dir>`: serve the blind labelling page for one annotator until Ctrl-C. */
import { DEFAULT_HOST, startLabelServer } from '../../labels/server.js';
import { DEFAULT_SAMPLE } from '../../labels/session.js';
import { JUDGE_MODES } from '../../scoring/judge/prompt.js';
import { defineCommand } from '../command.js';
import type { CliIo, CommandFactory } from '../io.js';

/** The `label` command. */
export const labelCommand: CommandFactory = (io: CliIo) =>
  defineCommand({
    command: 'label <run-dir>',
    describe: "Label a blind sample of a run's cases on the rubric's 1–5 scales in a local web page",
    builder: (y) =>
      y
        .positional('run-dir', { type: 'string', demandOption: true, describe: 'A run folder, e.g. reports/<run-id>' })
        .option('annotator', {
          type: 'string',
          describe: 'Your name; labels go to <run-dir>/labels/<annotator>.jsonl (default: $USER)',
        })
        .option('sample', { type: 'number', default: DEFAULT_SAMPLE, describe: 'Cases to label' })
        .option('seed', { type: 'number', default: 1, describe: 'Seed of the sample and its order' })
        .option('port', { type: 'number', default: 0, describe: 'Port (default: any free port)' })
        .option('host', { type: 'string', default: DEFAULT_HOST, describe: 'Loopback address to bind' })
        .option('rubric', { type: 'string', describe: "Rubric name or path (default: the run's judge rubric)" })
        .option('mode', {
          choices: JUDGE_MODES,
          describe: "reference-guided shows the gold (default: the run's judge mode, else reference-guided)",
        })
        .option('out', { type: 'string', describe: 'Label file (default: <run-dir>/labels/<annotator>.jsonl)' }),
    handler: async (args) => {
      const server = await startLabelServer({
        runDir: args.runDir,
        annotator: args.annotator ?? io.env.USER ?? io.env.USERNAME ?? 'annotator',
        sample: args.sample,
        seed: args.seed,
        port: args.port,
        host: args.host,
        ...(args.rubric ? { rubric: args.rubric } : {}),
        ...(args.mode ? { mode: args.mode } : {}),
        ...(args.out ? { file: args.out } : {}),
      });
      io.stdout(
        `Labelling ${server.cases} cases (${server.labelled} done) at ${server.url}\nLabels: ${server.file}\nOpen the address in a browser; Ctrl-C stops the server (every label given is already saved).\n`,
      );
      await new Promise<void>((resolve) => {
        if (!io.onInterrupt) return; // no way to be interrupted (a test): serve until closed by the caller
        const stop = io.onInterrupt(() => {
          stop();
          resolve();
        });
      });
      await server.close();
      io.stderr('\nlabelling server stopped\n');
    },
  });
