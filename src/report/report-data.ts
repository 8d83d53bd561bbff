/**
 * ReportData: the contract between the report writer (html.ts), which embeds it as JSON in
 * index.html, and the page (client/report.js), which reads it back. Whatever the page shows of a
 * run comes through these types; the page's reader is JSDoc-typed against them.
 */
import type { Summary } from '../analysis/types.js';
import type { CaseRecord, RunItem, RunManifest } from '../run/types.js';

/** Id of the `<script type="application/json">` element that carries the data. */
export const REPORT_DATA_ELEMENT = 'report-data';

/** One retrieved passage as the page shows it (its text clipped on a large run). */
export interface ReportPassage {
  service: string;
  method: string;
  text: string;
}

/** One stored case as the page shows it: the record without the timestamps, trace texts clipped. */
export interface ReportCase
  extends Pick<
    CaseRecord,
    'key' | 'itemId' | 'variant' | 'model' | 'repeat' | 'error' | 'candidate' | 'scores' | 'usage'
  > {
  trace: {
    fewShotIds: string[];
    retrieved: ReportPassage[];
    /** Every call of the chain; system, prompt, response and tool results clipped on a large run. */
    steps: CaseRecord['trace']['steps'];
    /** What the agent's tool loop did (agent variants). */
    agent?: CaseRecord['trace']['agent'];
    /** What self-repair did (repair variants). */
    repair?: CaseRecord['trace']['repair'];
  };
}

/** Everything index.html embeds of a run. */
export interface ReportData {
  /** The analysis (what summary.json holds). */
  summary: Summary;
  /** The run's items by id (gold text beside each candidate, breakdowns). */
  items: Record<string, RunItem>;
  /** Every stored case, in results.jsonl order. */
  cases: ReportCase[];
}

/** The page's view of one record; `clip` shortens each trace text (see html.ts's trace budget). */
export function reportCase(record: CaseRecord, clip: (text: string) => string): ReportCase {
  return {
    key: record.key,
    itemId: record.itemId,
    variant: record.variant,
    model: record.model,
    repeat: record.repeat,
    error: record.error,
    candidate: record.candidate,
    scores: record.scores,
    usage: record.usage,
    trace: {
      fewShotIds: record.trace.fewShotIds,
      retrieved: record.trace.retrieved.map((p) => ({
        service: p.service,
        method: p.method,
        text: clip(p.text ?? ''),
      })),
      steps: record.trace.steps.map((s) => ({
        ...s,
        system: clip(s.system),
        prompt: clip(s.prompt),
        response: clip(s.response),
        ...(s.toolUses ? { toolUses: s.toolUses.map((u) => ({ ...u, result: clip(u.result) })) } : {}),
      })),
      ...(record.trace.agent ? { agent: record.trace.agent } : {}),
      ...(record.trace.repair ? { repair: record.trace.repair } : {}),
    },
  };
}

/** The data of a run's page. */
export function reportData(
  manifest: RunManifest,
  records: readonly CaseRecord[],
  summary: Summary,
  clip: (text: string) => string,
): ReportData {
  return {
    summary,
    items: Object.fromEntries(manifest.items.map((item) => [item.id, item])),
    cases: records.map((record) => reportCase(record, clip)),
  };
}
