/**
 * Retrieval hits rendered as compact Boto3-syntax passages for a prompt:
 *
 * ```
 * sagemaker.describe_auto_ml_job_v2(AutoMLJobName) — Returns the name, ARN, and status of an AutoML job.
 *   -> OutputDataConfig.KmsKeyId: string — The Key Management Service encryption key ID.
 *   -> AutoMLJobStatus: enum(Completed|InProgress|Failed|Stopped|Stopping)
 * ```
 *
 * Output members are written `->`, input members (for calls that change things) `<-`.
 */
import type { ServiceCatalog } from './catalog.js';
import { findMember, memberPaths } from './shapes.js';
import { shortDoc } from './text.js';

/** One operation found for a query: what a passage is made from (the retriever's `RetrievalHit`). */
export interface PassageSource {
  service: string;
  /** Operation name, e.g. `DescribeAutoMLJobV2`. */
  operation: string;
  /** boto3 method, e.g. `describe_auto_ml_job_v2`. */
  method: string;
  /** BM25 score with the read-operation preference applied (higher is better). */
  score: number;
  /** The operation's member paths most relevant to the query, best first. */
  members: string[];
}

/**
 * One retrieved operation as a prompt shows it. The one definition: generation's provider contract
 * (src/generation/providers/types.ts) re-exports it.
 */
export interface RetrievedPassage extends PassageSource {
  /** The compact Boto3-syntax passage shown in the prompt. */
  text: string;
}

/** Estimated tokens of a text (chars / 4, rounded up). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const MAX_ENUM_VALUES = 8;

/** The lines of one passage: a header, then one line per member path found. */
export function passageLines(
  catalog: ServiceCatalog,
  hit: PassageSource,
): { header: string; members: { path: string; line: string }[] } {
  const api = catalog.service(hit.service);
  const op = api.operation(hit.operation);
  const requiredInputs = memberPaths(api, hit.operation, 'input')
    .filter((m) => m.depth === 1 && m.required)
    .map((m) => m.name);
  const doc = shortDoc(op.documentation, 200);
  const header = `${hit.service}.${hit.method}(${requiredInputs.join(', ')})${doc ? ` — ${doc}` : ''}`;
  const members: { path: string; line: string }[] = [];
  for (const path of hit.members) {
    const out = findMember(api, hit.operation, path, 'output');
    const member = out ?? findMember(api, hit.operation, path, 'input');
    if (!member) continue;
    const arrow = out ? '->' : '<-';
    const values = member.enum
      ? `enum(${member.enum.slice(0, MAX_ENUM_VALUES).join('|')}${member.enum.length > MAX_ENUM_VALUES ? '|…' : ''})`
      : member.typeLabel;
    members.push({ path, line: `  ${arrow} ${path}: ${values}${member.doc ? ` — ${shortDoc(member.doc, 120)}` : ''}` });
  }
  return { header, members };
}

/**
 * Render hits, best first, as passages whose texts together fit `tokenBudget` (chars/4). A passage
 * that does not fit whole loses member lines from the end; one whose header alone does not fit
 * ends the list. Returns [] for a budget below one header.
 */
export function renderPassages(
  catalog: ServiceCatalog,
  hits: readonly PassageSource[],
  tokenBudget: number,
): RetrievedPassage[] {
  const passages: RetrievedPassage[] = [];
  let remaining = Math.max(0, Math.floor(tokenBudget)) * 4; // in characters
  for (const hit of hits) {
    const { header, members } = passageLines(catalog, hit);
    if (header.length > remaining) break;
    const lines = [header];
    const shown: string[] = [];
    let used = header.length;
    for (const member of members) {
      if (used + 1 + member.line.length > remaining) break;
      lines.push(member.line);
      shown.push(member.path);
      used += 1 + member.line.length;
    }
    passages.push({ ...hit, members: shown, text: lines.join('\n') });
    remaining -= used + 1;
    if (shown.length < members.length) break;
  }
  return passages;
}
