/**
 * The drill-down data of a report page's cases (candidate, score reasons and details, trace), stored compactly and read
 * lazily: the page decodes a case's chunk only when the case is opened. Cases go in chunks of
 * {@link CASES_PER_CHUNK} in results.jsonl order; within a chunk each distinct text (system
 * prompt, prompt, response, passage, tool result, candidate) is stored once and referred to by
 * its index, and the chunk's JSON is raw-DEFLATE-compressed and base64-encoded. A real-sized
 * 10,000-case run embedded about 100 MB of JSON eagerly; its texts repeat across cases (the same
 * system prompts, prompt openings and passages).
 */
import { deflateRawSync } from 'node:zlib';
import type { CaseRecord } from '../run/types.js';
import type { ReportCaseDetail } from './report-data.js';

/** Cases per compressed chunk: a chunk is a few hundred KB of text, decoded in milliseconds. */
export const CASES_PER_CHUNK = 64;

/** How the page finds and decodes a case's chunk. */
export interface ReportDetailStore {
  /** Each chunk: base64 of the raw DEFLATE of the UTF-8 JSON of a {@link DetailChunk}. */
  encoding: 'deflate-raw+base64';
  /** Case `i` of ReportData.cases is entry `i % casesPerChunk` of chunk `floor(i / casesPerChunk)`. */
  casesPerChunk: number;
  chunks: string[];
}

/** A text of a chunk: its index in the chunk's `texts`. */
type TextRef = number;

/** A case's drill-down with every text replaced by a {@link TextRef}. */
export interface StoredCaseDetail {
  candidate: TextRef | null;
  scores: { reason: TextRef; details?: Record<string, unknown> }[];
  trace: Omit<ReportCaseDetail['trace'], 'retrieved' | 'steps'> & {
    retrieved: { service: string; method: string; text: TextRef }[];
    steps: (Omit<ReportCaseDetail['trace']['steps'][number], 'system' | 'prompt' | 'response' | 'toolUses'> & {
      system: TextRef;
      prompt: TextRef;
      response: TextRef;
      toolUses?: (Omit<NonNullable<ReportCaseDetail['trace']['steps'][number]['toolUses']>[number], 'result'> & {
        result: TextRef;
      })[];
    })[];
  };
}

/** What one chunk decodes to. */
export interface DetailChunk {
  texts: string[];
  cases: StoredCaseDetail[];
}

/** One chunk's details, each distinct (clipped) text stored once. */
function detailChunk(records: readonly CaseRecord[], clip: (text: string) => string): DetailChunk {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const intern = (text: string): TextRef => {
    let at = index.get(text);
    if (at === undefined) {
      at = texts.length;
      texts.push(text);
      index.set(text, at);
    }
    return at;
  };
  const ref = (text: string): TextRef => intern(clip(text));
  const cases = records.map(
    (record): StoredCaseDetail => ({
      // The candidate is never clipped: the page diffs it against the gold.
      candidate: record.candidate === null ? null : intern(record.candidate),
      scores: record.scores.map((score) =>
        score.details === undefined
          ? { reason: intern(score.reason) }
          : { reason: intern(score.reason), details: score.details },
      ),
      trace: {
        fewShotIds: record.trace.fewShotIds,
        retrieved: record.trace.retrieved.map((p) => ({
          service: p.service,
          method: p.method,
          text: ref(p.text ?? ''),
        })),
        // Fields picked one by one: cheaper than an object rest copy of each step.
        steps: record.trace.steps.map((step) => ({
          name: step.name,
          system: ref(step.system),
          prompt: ref(step.prompt),
          response: ref(step.response),
          usage: step.usage,
          latencyMs: step.latencyMs,
          cached: step.cached,
          modelId: step.modelId,
          ...(step.stopReason === undefined ? {} : { stopReason: step.stopReason }),
          ...(step.toolUses ? { toolUses: step.toolUses.map((use) => ({ ...use, result: ref(use.result) })) } : {}),
        })),
        ...(record.trace.agent ? { agent: record.trace.agent } : {}),
        ...(record.trace.repair ? { repair: record.trace.repair } : {}),
      },
    }),
  );
  return { texts, cases };
}

/** The compressed drill-down store of a run's cases; `clip` shortens each trace text (see html.ts). */
export function detailStore(records: readonly CaseRecord[], clip: (text: string) => string): ReportDetailStore {
  const chunks: string[] = [];
  for (let start = 0; start < records.length; start += CASES_PER_CHUNK) {
    const json = JSON.stringify(detailChunk(records.slice(start, start + CASES_PER_CHUNK), clip));
    chunks.push(deflateRawSync(json, { level: 1 }).toString('base64'));
  }
  return { encoding: 'deflate-raw+base64', casesPerChunk: CASES_PER_CHUNK, chunks };
}
