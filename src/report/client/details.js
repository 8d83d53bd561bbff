/*
 * A case's drill-down (candidate, score reasons and details, trace), decoded from the page's compressed store only when
 * the case is opened. src/report/case-details.ts writes the store: chunks of cases, each the
 * base64 of raw-DEFLATE JSON { texts, cases } whose text fields are indices into `texts`. fflate
 * is inlined as the global `fflate`.
 */
import { data } from './data.js';

/** Decoded chunks kept for reopening nearby cases (a chunk is a few hundred KB of text). */
const DECODED_CHUNKS_KEPT = 8;
const decodedChunks = new Map();

function decodeDetailChunk(k) {
  let chunk = decodedChunks.get(k);
  if (chunk) return chunk;
  const binary = atob(data.details.chunks[k]);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  chunk = JSON.parse(new TextDecoder().decode(fflate.inflateSync(bytes)));
  if (decodedChunks.size >= DECODED_CHUNKS_KEPT) decodedChunks.delete(decodedChunks.keys().next().value);
  decodedChunks.set(k, chunk);
  return chunk;
}

/** The ReportCaseDetail (src/report/report-data.ts) of case `index` of data.cases. */
export function caseDetail(index) {
  const per = data.details.casesPerChunk;
  const { texts, cases } = decodeDetailChunk(Math.floor(index / per));
  const stored = cases[index % per];
  const text = (ref) => texts[ref];
  return {
    candidate: stored.candidate === null ? null : text(stored.candidate),
    scores: stored.scores.map((s) =>
      s.details ? { reason: text(s.reason), details: s.details } : { reason: text(s.reason) },
    ),
    trace: {
      ...stored.trace,
      retrieved: stored.trace.retrieved.map((p) => ({ ...p, text: text(p.text) })),
      steps: stored.trace.steps.map((s) => ({
        ...s,
        system: text(s.system),
        prompt: text(s.prompt),
        response: text(s.response),
        ...(s.toolUses ? { toolUses: s.toolUses.map((u) => ({ ...u, result: text(u.result) })) } : {}),
      })),
    },
  };
}
