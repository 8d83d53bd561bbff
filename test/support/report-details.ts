/** Read a report page's compressed drill-down store back in Node, for tests. */
import { inflateRawSync } from 'node:zlib';
import type { DetailChunk, ReportDetailStore } from '../../src/report/case-details.js';
import type { ReportData } from '../../src/report/report-data.js';

/** The embedded ReportData of an index.html. */
export function pageData(html: string): ReportData {
  const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1];
  if (json === undefined) throw new Error('the page has no report-data element');
  return JSON.parse(json) as ReportData;
}

/** Decode a chunk as the page does (the page uses fflate; this is Node's own inflate). */
export function chunkOf(store: ReportDetailStore, k: number): DetailChunk {
  return JSON.parse(inflateRawSync(Buffer.from(store.chunks[k] ?? '', 'base64')).toString('utf8')) as DetailChunk;
}

/** Case `i`'s drill-down with its texts put back. */
export function detailOf(store: ReportDetailStore, i: number) {
  const { texts, cases } = chunkOf(store, Math.floor(i / store.casesPerChunk));
  const stored = cases[i % store.casesPerChunk];
  if (!stored) throw new Error(`no case ${i}`);
  const text = (ref: number) => texts[ref];
  return {
    candidate: stored.candidate === null ? null : text(stored.candidate),
    scores: stored.scores.map((s) => ({ reason: text(s.reason), details: s.details })),
    retrieved: stored.trace.retrieved.map((p) => ({ ...p, text: text(p.text) })),
    steps: stored.trace.steps.map((s) => ({
      ...s,
      system: text(s.system),
      prompt: text(s.prompt),
      response: text(s.response),
      toolUses: s.toolUses?.map((u) => ({ ...u, result: text(u.result) })),
    })),
    agent: stored.trace.agent,
  };
}
