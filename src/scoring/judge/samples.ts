/** Turn the judge's validated samples into scores: per-criterion mean and spread, and the overall. */
import type { Score } from '../types.js';
import type { JudgeReply } from './prompt.js';
import type { Rubric } from './rubric.js';

/** Mean, population standard deviation, min and max of raw 1–5 scores. */
export function spread(values: readonly number[]): { mean: number; sd: number; min: number; max: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

/** A raw 1–5 score on [0, 1]. */
export const normalise = (raw: number): number => (raw - 1) / 4;

/** The raw 1–5 score of a normalised [0, 1] judge score (the inverse of {@link normalise}). */
export const denormalise = (score: number): number => 1 + 4 * score;

/**
 * `judge.<criterion>` for each criterion ((mean − 1) / 4, details: raw scores, mean, sd, min, max,
 * reasons) and `judge.overall` (the weight-averaged criteria). `failures` are the samples that failed.
 */
export function summariseSamples(rubric: Rubric, replies: readonly JudgeReply[], failures: readonly string[]): Score[] {
  const scores: Score[] = [];
  let weighted = 0;
  let weights = 0;
  for (const criterion of rubric.criteria) {
    const raw = replies.map((r) => r.criteria[criterion.id]?.score ?? Number.NaN);
    const stats = spread(raw);
    const value = normalise(stats.mean);
    weighted += value * criterion.weight;
    weights += criterion.weight;
    const reasons = replies.map((r) => r.criteria[criterion.id]?.reason ?? '');
    scores.push({
      metric: `judge.${criterion.id}`,
      value,
      reason:
        replies.length === 1
          ? `${raw[0]}/5: ${reasons[0]}`
          : `mean ${stats.mean.toFixed(2)}/5 over ${replies.length} samples (sd ${stats.sd.toFixed(2)})`,
      details: { raw, ...stats, samples: replies.length, failedSamples: failures.length, reasons },
    });
  }
  scores.push({
    metric: 'judge.overall',
    value: weighted / weights,
    reason: `weighted mean of ${rubric.criteria.length} criteria over ${replies.length} sample(s)`,
    details: {
      weights: Object.fromEntries(rubric.criteria.map((c) => [c.id, c.weight])),
      samples: replies.length,
      failedSamples: failures.length,
      ...(failures.length > 0 ? { failures } : {}),
    },
  });
  return scores;
}
