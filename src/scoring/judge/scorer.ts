/** The judge as a scorer: `judge.<criterion>` and `judge.overall` of one candidate, through the run's judge provider. */
import type { ScorerDefinition } from '../scorer.js';
import { judgeCandidate } from './judge.js';

/** Version of the judge scorer (the rubric and the prompt have their own hashes in the manifest). */
export const JUDGE_SCORER_VERSION = '1';

/** The `judge` scorer: runs when the run configures a judge; its failures are recorded at stage `judge`. */
export const judgeScorer: ScorerDefinition = {
  id: 'judge',
  version: JUDGE_SCORER_VERSION,
  readsMethods: false,
  stage: 'judge',
  enabled: (settings) => settings.judge !== null,
  options: ({ judge }) =>
    judge
      ? {
          model: judge.model,
          rubric: judge.rubric.file,
          rubricHash: judge.rubric.hash,
          mode: judge.mode,
          samples: judge.samples,
        }
      : {},
  owns: (metric) => metric.startsWith('judge.'),
  create: ({ judge }) => {
    if (!judge) throw new Error('the judge scorer needs a judge in the scoring settings');
    return async (input, context) => {
      if (!context.judgeProvider) throw new Error('the judge scorer needs the judge provider in the scoring context');
      const judged = await judgeCandidate({
        candidate: input.candidate,
        item: input.item,
        rubric: judge.rubric,
        provider: context.judgeProvider,
        mode: judge.mode,
        samples: judge.samples,
        repeat: input.repeat,
        ...(context.costOf ? { costOf: context.costOf } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      });
      return { scores: judged.scores, usage: judged.usage, ...(judged.error ? { error: judged.error } : {}) };
    };
  },
};
