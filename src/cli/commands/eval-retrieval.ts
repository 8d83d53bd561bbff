/** `gherkin-bench eval-retrieval`: hit@1/5/10 and MRR of the API retriever on the held-out retrieval set (or another). */
import { defaultCatalog } from '../../knowledge/catalog.js';
import { evaluateRetrieval, loadRetrievalSet } from '../../knowledge/retrieval-eval.js';
import { defineCommand } from '../command.js';
import { type CliIo, type CommandFactory, emit } from '../io.js';

/** The `eval-retrieval` command. */
export const evalRetrievalCommand: CommandFactory = (io: CliIo) =>
  defineCommand({
    command: 'eval-retrieval',
    describe: 'Measure the API retriever on the held-out queries of datasets/retrieval (hit@1, hit@5, hit@10, MRR)',
    builder: (yargs) =>
      yargs
        .option('service', {
          type: 'boolean',
          default: true,
          describe: "Narrow each query to its row's service (--no-service searches every service)",
        })
        .option('dataset', {
          type: 'string',
          describe:
            'A retrieval CSV (default: the held-out set datasets/retrieval/heldout.csv; the tuning set is datasets/retrieval/dev.csv)',
        }),
    handler: (args) => {
      const catalog = defaultCatalog();
      const cases = loadRetrievalSet(args.dataset, catalog);
      const { scores, results } = evaluateRetrieval(catalog, cases, { useService: args.service });
      emit(io, args, scores, () => {
        const misses = results
          .filter((r) => r.rank === null || r.rank > 5)
          .map(
            (r) =>
              `  ${r.id}: rank ${r.rank ?? '>10'}; expected ${r.expected.join('|')}; got ${r.top.slice(0, 3).join(', ')}`,
          );
        return [
          `retrieval on ${scores.n} requirements (${args.service ? 'service given' : 'all services'}):`,
          `  hit@1 ${scores.hit1}  hit@5 ${scores.hit5}  hit@10 ${scores.hit10}  MRR ${scores.mrr}`,
          ...(misses.length ? ['not in the top 5:', ...misses] : []),
        ].join('\n');
      });
    },
  });
