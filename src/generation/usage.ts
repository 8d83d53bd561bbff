/** Calls, tokens, latency and cost of a case: zeroed and summed. */
import type { CaseUsage } from './types.js';

/** Zeroed usage. */
export function emptyUsage(): CaseUsage {
  return { calls: 0, tokensIn: 0, tokensOut: 0, cacheReadTokens: 0, cacheWriteTokens: 0, latencyMs: 0, costUsd: 0 };
}

/** Add one usage to a running total (cost turns null once any part is unknown). */
export function addCaseUsage(total: CaseUsage, part: CaseUsage): void {
  total.calls += part.calls;
  total.tokensIn += part.tokensIn;
  total.tokensOut += part.tokensOut;
  total.cacheReadTokens += part.cacheReadTokens;
  total.cacheWriteTokens += part.cacheWriteTokens;
  total.latencyMs += part.latencyMs;
  total.costUsd = total.costUsd === null || part.costUsd === null ? null : total.costUsd + part.costUsd;
}
