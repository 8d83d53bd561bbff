/**
 * Reading a finished batch job back: every `*.jsonl.out` file under the job's output folder (lines
 * `{ recordId, modelInput, modelOutput | error }`, in no guaranteed order) is joined on `recordId`
 * with the job's record requests, and each reply goes into the call cache exactly as an on-demand
 * reply of the same call would (same key, same entry form), its model id marked as a batch reply.
 * Records with an error line or no line at all, and every record of a job that ended Failed,
 * Stopped or Expired, are returned as failed (the caller retries them on demand).
 */
import type { ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import pLimit from 'p-limit';
import { fromConverseOutput } from '../../generation/providers/bedrock.js';
import { CACHE_ENTRY_VERSION, type CallCache } from '../../generation/providers/cache.js';
import { BATCH_MODEL_PREFIX } from '../../generation/providers/pricing.js';
import type { ModelRequest } from '../../generation/providers/types.js';
import type { BatchAws } from './aws.js';
import type { BatchJob, RecordRequest } from './jobs.js';

/** One line of a batch output file. */
interface OutputLine {
  recordId?: string;
  modelOutput?: unknown;
  error?: { errorCode?: number | string; errorMessage?: string } | string;
}

/** The summary Bedrock writes beside the output (`manifest.json.out`), when present. */
export interface OutputManifest {
  totalRecordCount?: number;
  processedRecordCount?: number;
  successRecordCount?: number;
  errorRecordCount?: number;
  inputTokenCount?: number;
  outputTokenCount?: number;
}

/** What ingesting one job found. */
export interface IngestResult {
  /** Replies put in the call cache. */
  answered: number;
  /** Cache keys without a reply, with why. */
  failed: Record<string, string>;
  /** Output lines whose recordId is not one of the job's records, or repeats one already read. */
  unknown: number;
  duplicates: number;
  manifest: OutputManifest | null;
}

/** Cache entries written at once while a job is read back. */
const CACHE_WRITES_IN_FLIGHT = 32;

/** Job statuses whose output holds replies (a partially completed job's missing records fail). */
const WITH_OUTPUT = new Set(['Completed', 'PartiallyCompleted']);

/** Ingest one job that reached a terminal status. */
export async function ingestJob(
  job: BatchJob,
  requests: ReadonlyMap<string, RecordRequest>,
  aws: BatchAws,
  cache: CallCache,
): Promise<IngestResult> {
  const failed: Record<string, string> = {};
  const result: IngestResult = { answered: 0, failed, unknown: 0, duplicates: 0, manifest: null };
  if (!WITH_OUTPUT.has(job.status)) {
    const why = `batch job ${job.name} ended ${job.status}${job.message ? ` (${job.message})` : ''}`;
    for (const record of requests.values()) failed[record.key] = why;
    return result;
  }
  const seen = new Set<string>();
  const writes: Promise<void>[] = [];
  const limit = pLimit(CACHE_WRITES_IN_FLIGHT);
  for (const uri of await aws.list(job.outputUri)) {
    if (uri.endsWith('/manifest.json.out')) {
      result.manifest = JSON.parse(await aws.getText(uri)) as OutputManifest;
      continue;
    }
    if (!uri.endsWith('.jsonl.out')) continue;
    for (const text of (await aws.getText(uri)).split('\n')) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as OutputLine;
      const record = line.recordId === undefined ? undefined : requests.get(line.recordId);
      if (!record) {
        result.unknown++;
        continue;
      }
      if (seen.has(record.recordId)) {
        result.duplicates++;
        continue;
      }
      seen.add(record.recordId);
      if (line.modelOutput === undefined || line.error !== undefined) {
        failed[record.key] = `batch record error: ${describeError(line.error)}`;
        continue;
      }
      const response = fromConverseOutput(
        `${BATCH_MODEL_PREFIX}${job.modelId}`,
        record.request as ModelRequest,
        line.modelOutput as ConverseCommandOutput,
        0,
      );
      writes.push(
        limit(() =>
          cache.put({
            version: CACHE_ENTRY_VERSION,
            key: record.key,
            providerId: `bedrock:${job.modelId}`,
            repeat: record.repeat,
            createdAt: new Date().toISOString(),
            request: record.request,
            response,
          }),
        ),
      );
      result.answered++;
    }
  }
  await Promise.all(writes);
  for (const record of requests.values())
    if (!seen.has(record.recordId)) failed[record.key] = `batch job ${job.name} (${job.status}) wrote no output for it`;
  return result;
}

function describeError(error: OutputLine['error']): string {
  if (error === undefined) return 'no modelOutput';
  if (typeof error === 'string') return error;
  return [error.errorCode, error.errorMessage].filter((part) => part !== undefined).join(' ') || 'unknown';
}
