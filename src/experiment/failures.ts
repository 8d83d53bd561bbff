/**
 * The failed cases of a run, grouped by reason: one group per stage and normalised error message
 * (request ids, attempt counts and durations left out, so the same failure on many cases is one
 * group), with a count and an example case. What the console prints at the end of a run.
 */
import type { CaseRecord } from '../run/types.js';

/** One reason cases failed. */
export interface FailureGroup {
  /** The stage that failed (`generation`, `scoring`, `judge`). */
  stage: string;
  /** The normalised error message. */
  reason: string;
  /** Cases that failed this way. */
  count: number;
  /** One of them: its key, item, variant, model and repeat (0-based). */
  example: Pick<CaseRecord, 'key' | 'itemId' | 'variant' | 'model' | 'repeat'>;
}

/** Longest reason kept (a provider may put a whole HTTP response in its message). */
export const MAX_REASON_LENGTH = 240;

/**
 * An error message with what differs from case to case taken out: its first line only, UUIDs
 * and long hex ids as `<id>`, dates as `<date>`, `after N attempts`, durations as `N ms`,
 * whitespace collapsed, cut at {@link MAX_REASON_LENGTH} characters.
 */
export function normaliseReason(message: string): string {
  const reason = (message.split('\n')[0] ?? '')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/gi, '<id>')
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?/g, '<date>')
    .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\b/g, '<date>')
    .replace(/\bafter \d+ attempts\b/g, 'after N attempts')
    .replace(/\b\d+(\.\d+)? ?ms\b/g, 'N ms')
    .replace(/("latencyMs"\s*:\s*)\d+/gi, '$1N')
    .replace(/\s+/g, ' ')
    .trim();
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason;
}

/** The failed records grouped by stage and normalised reason, most frequent first (ties: first seen). */
export function groupFailures(records: readonly CaseRecord[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const record of records) {
    if (!record.error) continue;
    const reason = normaliseReason(record.error.message) || 'no message';
    const id = `${record.error.stage}\0${reason}`;
    const group = groups.get(id);
    if (group) group.count++;
    else
      groups.set(id, {
        stage: record.error.stage,
        reason,
        count: 1,
        example: {
          key: record.key,
          itemId: record.itemId,
          variant: record.variant,
          model: record.model,
          repeat: record.repeat,
        },
      });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
