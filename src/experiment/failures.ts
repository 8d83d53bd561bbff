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

/**
 * An error message with what differs from case to case taken out: its first line only, UUIDs
 * and long hex ids as `<id>`, `after N attempts`, durations as `N ms`, whitespace collapsed.
 */
export function normaliseReason(message: string): string {
  return (message.split('\n')[0] ?? '')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/gi, '<id>')
    .replace(/\bafter \d+ attempts\b/g, 'after N attempts')
    .replace(/\b\d+(\.\d+)? ?ms\b/g, 'N ms')
    .replace(/\s+/g, ' ')
    .trim();
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
