/**
 * How a case record is handed back to promptfoo: the candidate as output, the case identity and
 * scores as metadata, token usage and cost in promptfoo's shapes, and a grading function that
 * turns our scores into promptfoo's named scores (so `npx promptfoo view` shows them).
 */
import { COST_METRICS } from '../scoring/types.js';
import type { CaseRecord } from './types.js';

/** promptfoo's ProviderResponse, the fields we fill. */
export interface PromptfooCaseResponse {
  output: string;
  cached: boolean;
  cost?: number;
  latencyMs: number;
  tokenUsage: { prompt: number; completion: number; total: number; numRequests: number; cached?: number };
  metadata: {
    itemId: string;
    variant: string;
    model: string;
    repeat: number;
    key: string;
    scores: Record<string, number | null>;
    passes: Record<string, boolean>;
    error: CaseRecord['error'];
  };
}

/**
 * The promptfoo response for a stored or just-run case. A failed case is not a promptfoo `error`:
 * promptfoo retries responses whose error mentions 429 or "rate limit" (a throttled Bedrock call
 * would loop), and the case is final once stored. Its error is in the metadata and the grading
 * function fails it.
 */
export function toPromptfooResponse(record: CaseRecord, fromStore: boolean): PromptfooCaseResponse {
  const usage = record.usage.generation;
  const judge = record.usage.judge;
  const cost = usage.costUsd === null ? undefined : usage.costUsd + (judge?.costUsd ?? 0);
  const scores: Record<string, number | null> = {};
  const passes: Record<string, boolean> = {};
  for (const score of record.scores) {
    scores[score.metric] = score.value;
    if (score.pass !== undefined) passes[score.metric] = score.pass;
  }
  return {
    output: record.candidate ?? '',
    cached: fromStore,
    ...(cost === undefined ? {} : { cost }),
    latencyMs: usage.latencyMs,
    tokenUsage: {
      prompt: usage.tokensIn,
      completion: usage.tokensOut,
      total: usage.tokensIn + usage.tokensOut,
      numRequests: usage.calls,
      cached: usage.cacheReadTokens,
    },
    metadata: {
      itemId: record.itemId,
      variant: record.variant,
      model: record.model,
      repeat: record.repeat,
      key: record.key,
      scores,
      passes,
      error: record.error,
    },
  };
}

/**
 * The promptfoo response for a case when promptfoo's results go nowhere (no --promptfoo-db): an
 * empty output and nothing else. The record is in results.jsonl; anything more (the candidate,
 * metadata, token usage) promptfoo would walk, copy and sanitise into a result nobody reads. It
 * needs nothing of the case, so it can answer before the case is scored.
 */
export function caseDoneResponse(): { output: string } {
  return { output: '' };
}

/**
 * A response for a case that did not run (interrupted, or stopped by a user error). Marked as a
 * quota error so promptfoo's rate-limit retry never re-sends it.
 */
export function notRunResponse(message: string): { error: string; metadata: { rateLimitKind: 'quota' } } {
  return { error: message, metadata: { rateLimitKind: 'quota' } };
}

/** promptfoo's GradingResult, the fields we fill. */
export interface PromptfooGrading {
  pass: boolean;
  score: number;
  reason: string;
  namedScores: Record<string, number>;
}

/**
 * A promptfoo `javascript` assertion function: passes when every thresholded check passed; its
 * score is the mean of the quality scores; each score becomes a promptfoo named score.
 */
export function gradeFromMetadata(_output: string, context: { metadata?: Record<string, unknown> }): PromptfooGrading {
  const meta = context.metadata as PromptfooCaseResponse['metadata'] | undefined;
  if (!meta?.scores)
    return { pass: false, score: 0, reason: 'no gherkin-bench scores on this result', namedScores: {} };
  const namedScores: Record<string, number> = {};
  const quality: number[] = [];
  for (const [metric, value] of Object.entries(meta.scores)) {
    if (value === null) continue;
    namedScores[metric] = value;
    if (!(COST_METRICS as readonly string[]).includes(metric)) quality.push(value);
  }
  const failedChecks = Object.entries(meta.passes ?? {})
    .filter(([, pass]) => !pass)
    .map(([metric]) => metric);
  const pass = !meta.error && failedChecks.length === 0;
  const score = quality.length ? quality.reduce((a, b) => a + b, 0) / quality.length : 0;
  const reason = meta.error
    ? `case failed at ${meta.error.stage}: ${meta.error.message}`
    : failedChecks.length
      ? `failed: ${failedChecks.join(', ')}`
      : 'every check passed';
  return { pass, score, reason, namedScores };
}
