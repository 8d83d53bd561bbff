/**
 * ReportData: the contract between the report writer (html.ts), which embeds it as JSON in
 * index.html, and the page (client/*.js), which reads it back. Whatever the page shows of a
 * run comes through these types; the page's reader is JSDoc-typed against them.
 */
import type { Summary } from '../analysis/types.js';
import type { CaseRecord, RunItem, RunManifest } from '../run/types.js';
import type { Score } from '../scoring/types.js';
import { detailStore, type ReportDetailStore } from './case-details.js';

/** Id of the `<script type="application/json">` element that carries the data. */
export const REPORT_DATA_ELEMENT = 'report-data';

/** One retrieved passage as the page shows it (its text clipped on a large run). */
export interface ReportPassage {
  service: string;
  method: string;
  text: string;
}

/** A score as the cases table needs it; its reason and details are in the {@link ReportCaseDetail}. */
export type ReportScore = Pick<Score, 'metric' | 'value' | 'pass'>;

/** One stored case as the page's table shows it: the record without the candidate, trace, score notes and timestamps. */
export interface ReportCase
  extends Pick<CaseRecord, 'key' | 'itemId' | 'variant' | 'model' | 'repeat' | 'error' | 'usage'> {
  scores: ReportScore[];
}

/** What the drill-down of one case shows besides its {@link ReportCase}, trace texts clipped on a large run. */
export interface ReportCaseDetail {
  candidate: CaseRecord['candidate'];
  /** The reason and details of each score, in the order of {@link ReportCase.scores}. */
  scores: Pick<Score, 'reason' | 'details'>[];
  trace: {
    fewShotIds: string[];
    retrieved: ReportPassage[];
    /**
     * Every call of the chain; system, prompt, response and tool results clipped on a large run,
     * without the parsed analysis (the page shows the response it was parsed from).
     */
    steps: Omit<CaseRecord['trace']['steps'][number], 'parsed'>[];
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
  /** Each case's {@link ReportCaseDetail}, compressed, decoded by the page when the case is opened. */
  details: ReportDetailStore;
}

/** The table row of one record. */
export function reportCase(record: CaseRecord): ReportCase {
  return {
    key: record.key,
    itemId: record.itemId,
    variant: record.variant,
    model: record.model,
    repeat: record.repeat,
    error: record.error,
    scores: record.scores.map((score) =>
      score.pass === undefined
        ? { metric: score.metric, value: score.value }
        : { metric: score.metric, value: score.value, pass: score.pass },
    ),
    usage: record.usage,
  };
}

/** The data of a run's page; `clip` shortens each trace text (see html.ts's trace budget). */
export function reportData(
  manifest: RunManifest,
  records: readonly CaseRecord[],
  summary: Summary,
  clip: (text: string) => string,
): ReportData {
  return {
    summary,
    items: Object.fromEntries(manifest.items.map((item) => [item.id, item])),
    cases: records.map(reportCase),
    details: detailStore(records, clip),
  };
}
