/** `gherkin-bench retrieve "<requirement>"`: the Boto3 operations (and fields) a control would need. */
import { UserError } from '../../errors.js';
import { defaultCatalog } from '../../knowledge/catalog.js';
import { createRetriever, type RetrievalHit } from '../../knowledge/retrieval.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

function renderHits(hits: RetrievalHit[]): string {
  if (hits.length === 0) return 'no operations found';
  return hits
    .map((h, i) => `${i + 1}. ${h.service}.${h.method} (${h.operation}, score ${h.score})\n   ${h.members.join(', ')}`)
    .join('\n');
}

/** The `retrieve` command. */
export const retrieveCommand: CommandFactory = (io: CliIo) =>
  defineCommand({
    command: 'retrieve <requirement>',
    describe: 'Search the Boto3 API for the operations and member paths a security requirement needs',
    builder: (yargs) =>
      yargs
        .positional('requirement', {
          type: 'string',
          demandOption: true,
          describe: 'The security requirement, in words',
        })
        .option('service', { type: 'string', describe: 'Search only this boto3 client (e.g. sagemaker)' })
        .option('resource-type', {
          type: 'string',
          describe: 'CloudFormation type to narrow to, e.g. AWS::SageMaker::NotebookInstance',
        })
        .option('k', { alias: 'n', type: 'number', default: 5, describe: 'How many operations' })
        .option('passages', { type: 'boolean', default: false, describe: 'Print the prompt passages instead' })
        .option('budget', { type: 'number', default: 1500, describe: 'Token budget of --passages (chars/4)' }),
    handler: (args) => {
      if (!args.requirement.trim())
        throw new UserError(
          'BAD_USAGE',
          'requirement: empty; pass the security requirement in words, e.g. retrieve "S3 buckets must block public access"',
        );
      if (!Number.isInteger(args.budget) || args.budget < 1)
        throw new UserError('BAD_USAGE', `--budget: must be a whole number of tokens ≥ 1 (got ${args.budget})`);
      const retriever = createRetriever(defaultCatalog());
      const hits = retriever.retrieve(args.requirement, {
        k: args.k,
        ...(args.service ? { service: args.service } : {}),
        ...(args.resourceType ? { resourceType: args.resourceType } : {}),
      });
      if (args.passages) {
        const passages = retriever.renderPassages(hits, args.budget);
        emit(io, args, passages, () => passages.map((p) => p.text).join('\n\n') || 'no operations found');
      } else emit(io, args, hits, () => renderHits(hits));
    },
  });
