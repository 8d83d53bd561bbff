/** `gherkin-bench api <service> [operation]`: list a service's operations or show one's member tree. */
import { UserError } from '../../errors.js';
import { defaultCatalog } from '../../knowledge/catalog.js';
import { describeApi, renderDescription } from '../../knowledge/describe.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

/** The `api` command. */
export const apiCommand: CommandFactory = (io: CliIo) =>
  defineCommand({
    command: 'api <service> [operation]',
    describe: "List a service's Boto3 methods, or show one operation's input/output member paths",
    builder: (yargs) =>
      yargs
        .positional('service', { type: 'string', demandOption: true, describe: 'boto3 client name, e.g. sagemaker' })
        .positional('operation', {
          type: 'string',
          describe: 'Operation (DescribeAutoMLJobV2) or boto3 method (describe_auto_ml_job_v2)',
        })
        .option('depth', { type: 'number', describe: 'Show members at most this deep' }),
    handler: (args) => {
      if (args.depth !== undefined && (!Number.isInteger(args.depth) || args.depth < 1))
        throw new UserError('BAD_USAGE', `--depth: must be a whole number ≥ 1 (got ${args.depth})`);
      const description = describeApi(defaultCatalog(), args.service, args.operation, args.depth);
      emit(io, args, description, () => renderDescription(description));
    },
  });
