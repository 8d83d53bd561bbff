/**
 * The batch ledger of a run folder: `batch/jobs.json` (every job with its state, written
 * atomically before any poll) and one `batch/<job>.requests.jsonl` per job (each record's cache
 * key and request, to join the output on `recordId`). A resumed run reads them back and polls
 * the same jobs; a job is never submitted twice.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomicAsync } from '../../atomic-write.js';
import { UserError } from '../../errors.js';
import type { ModelRequest } from '../../generation/providers/types.js';

/** Schema tag of jobs.json. */
export const BATCH_JOBS_SCHEMA = 'gherkin-bench/batch-jobs@1';

/** The job states after which a job changes no more (GetModelInvocationJob's statuses). */
export const TERMINAL_STATUSES: readonly string[] = ['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired'];

/** One batch job of the run. */
export interface BatchJob {
  /** Job name (also the folder of its input and output in S3). */
  name: string;
  /** The provider id (`bedrock:<model>`) whose calls the job answers. */
  providerId: string;
  modelId: string;
  /** The chain step of its records (`analysis`, `gherkin`, `judge`, …). */
  step: string;
  /** The idempotency token of CreateModelInvocationJob (a hash of the job's record ids). */
  token: string;
  records: number;
  inputUri: string;
  outputUri: string;
  /** Null until CreateModelInvocationJob answered. */
  arn: string | null;
  status: string;
  message?: string;
  /** True once its replies are in the call cache (and its failures noted below). */
  ingested: boolean;
  /** Cache keys of records that got no reply, with why (retried on demand). */
  failed: Record<string, string>;
}

/** One line of `<job>.requests.jsonl`. */
export interface RecordRequest {
  recordId: string;
  /** The call-cache key the reply is stored under. */
  key: string;
  repeat: number;
  /** The request as the cache stores it (without the generation context, with its hash). */
  request: Omit<ModelRequest, 'context'> & { contextHash?: string };
}

/** jobs.json. */
interface JobsFile {
  schema: typeof BATCH_JOBS_SCHEMA;
  jobs: BatchJob[];
}

/** The batch folder of a run. */
export function batchDir(runDir: string): string {
  return join(runDir, 'batch');
}

/** Read the jobs of a run ([] when it has none yet). A damaged file is a user error naming it. */
export async function readJobs(runDir: string): Promise<BatchJob[]> {
  const path = join(batchDir(runDir), 'jobs.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed = JSON.parse(text) as JobsFile;
    if (parsed.schema !== BATCH_JOBS_SCHEMA || !Array.isArray(parsed.jobs)) throw new Error(`not ${BATCH_JOBS_SCHEMA}`);
    return parsed.jobs;
  } catch (error) {
    throw new UserError(
      'BAD_INPUT',
      `${path}: unreadable batch ledger (${(error as Error).message}); restore it or start a new run`,
    );
  }
}

/** Write jobs.json atomically. */
export async function writeJobs(runDir: string, jobs: readonly BatchJob[]): Promise<void> {
  const file: JobsFile = { schema: BATCH_JOBS_SCHEMA, jobs: [...jobs] };
  await writeFileAtomicAsync(join(batchDir(runDir), 'jobs.json'), `${JSON.stringify(file, null, 2)}\n`);
}

/** Write a job's record requests atomically. */
export async function writeRecordRequests(
  runDir: string,
  job: string,
  records: readonly RecordRequest[],
): Promise<void> {
  const text = records.map((record) => JSON.stringify(record)).join('\n');
  await writeFileAtomicAsync(join(batchDir(runDir), `${job}.requests.jsonl`), `${text}\n`);
}

/** Read a job's record requests, by record id. */
export async function readRecordRequests(runDir: string, job: string): Promise<Map<string, RecordRequest>> {
  const path = join(batchDir(runDir), `${job}.requests.jsonl`);
  const text = await readFile(path, 'utf8');
  const out = new Map<string, RecordRequest>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as RecordRequest;
    out.set(record.recordId, record);
  }
  return out;
}
