/** `gherkin-bench ground <file|->`: resolve every API reference of a gherkin against the models. */
import { readFileSync } from 'node:fs';
import { badInput, UserError } from '../../errors.js';
import { type GroundingReport, groundText } from '../../knowledge/grounding.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

function render(report: GroundingReport, file: string): string {
  const lines = report.references.map((r) => {
    const mark = r.status === 'valid' ? 'ok  ' : r.status === 'unknown' ? 'UNKN' : 'MISP';
    const extra = r.note ? ` — ${r.note}` : '';
    const hint = r.status === 'unknown' && r.suggestions.length ? ` (did you mean ${r.suggestions.join(', ')}?)` : '';
    return `${file}:${r.line}: ${mark} ${r.kind} "${r.text}"${extra}${hint}`;
  });
  const { valid, unknown, misplaced, total } = report.counts;
  const precision = report.precision === null ? 'n/a' : report.precision.toFixed(3);
  lines.push(
    `${total} references: ${valid} valid, ${unknown} unknown, ${misplaced} misplaced; precision ${precision}` +
      (report.services.length ? ` (services: ${report.services.join(', ')})` : ' (no service named; pass --service)'),
  );
  return lines.join('\n');
}

/** Read a gherkin file argument (`-`: standard input); bad input is a UserError naming the file. */
export async function readInput(io: CliIo, file: string): Promise<string> {
  let bytes: Buffer;
  if (file === '-') {
    if (!io.readStdin) throw new UserError('BAD_USAGE', 'standard input is not available; pass a file');
    bytes = Buffer.from(await io.readStdin(), 'utf8');
  } else {
    try {
      bytes = readFileSync(file);
    } catch (cause) {
      throw badInput({ file }, 'cannot read the file; pass an existing .feature file or - for standard input', cause);
    }
  }
  const label = file === '-' ? 'standard input' : file;
  if (bytes.includes(0)) throw badInput({ file: label }, 'is a binary file; pass a text .feature file');
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw badInput({ file: label }, 'is not UTF-8 text; pass a text .feature file');
  if (text.trim() === '') throw badInput({ file: label }, 'is empty; pass a gherkin to check');
  return text;
}

/** The `ground` command. */
export const groundCommand: CommandFactory = (io: CliIo, setExitCode) =>
  defineCommand({
    command: 'ground <file>',
    describe: 'Check every Boto3 call, member path and enum value of a gherkin against the models (exit 1 on unknown)',
    builder: (yargs) =>
      yargs
        .positional('file', {
          type: 'string',
          demandOption: true,
          describe: 'A .feature file, or - for standard input',
        })
        .option('service', { type: 'string', describe: 'boto3 client the text is about (besides those it names)' }),
    handler: async (args) => {
      // yargs hands a lone `-` over as an empty string.
      const file = args.file === '' ? '-' : args.file;
      const text = await readInput(io, file);
      const report = groundText(text, args.service ? { service: args.service } : {});
      emit(io, args, report, () => render(report, file === '-' ? '<stdin>' : file));
      if (report.counts.unknown > 0) setExitCode(1);
    },
  });
