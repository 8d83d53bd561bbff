/**
 * A local stand-in for the Amazon Bedrock control plane's batch inference API, for tests and the
 * bench: an HTTP server on 127.0.0.1 speaking the restJson1 protocol that `@aws-sdk/client-bedrock`
 * sends (`POST /model-invocation-job`, `GET /model-invocation-job/{jobIdentifier}`,
 * `POST /model-invocation-job/{jobIdentifier}/stop`), so the real, signing SDK client runs against it.
 *
 * A job moves one status per GetModelInvocationJob: Submitted → Validating → Scheduled →
 * InProgress → its outcome (Completed by default); polls while its records are being answered
 * see InProgress (the job finishes even if the client that polled went away). On reaching InProgress it reads the input
 * JSONL from S3 (a real S3-protocol server: s3rver), answers every record by sending its
 * `modelInput` to a fake Bedrock Runtime (test/support/fake-bedrock.ts, through the real runtime
 * SDK: the same replies the on-demand path gets), and writes `<outputUri>/<jobId>/<file>.out` plus
 * `manifest.json.out`, as Bedrock does. A repeated `clientRequestToken` returns the first job's ARN.
 *
 * Knobs: records answered with an `error` line, a job outcome per job (Failed, Expired, Stopped,
 * PartiallyCompleted: no output for the last record), shuffled output order.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { bedrockRequestHandler, DEFAULT_BEDROCK_TIMEOUT_MS } from '../../src/generation/providers/bedrock.js';
import { FAKE_CREDENTIALS } from './fake-bedrock.js';
import { LOCAL_S3_CREDENTIALS } from './local-s3.js';

/** Terminal outcomes a test can ask a job to end with. */
export type JobOutcome = 'Completed' | 'PartiallyCompleted' | 'Failed' | 'Expired' | 'Stopped';

/** Options of {@link startFakeBedrockBatch}. */
export interface FakeBedrockBatchOptions {
  /** The S3 server the jobs read and write (path-style). */
  s3Endpoint: string;
  /** The fake Bedrock Runtime that answers each record. */
  runtimeEndpoint: string;
  /** Records to answer with an `error` line instead of a `modelOutput`. */
  failRecord?: (recordId: string, jobName: string) => boolean;
  /** How each job ends (default Completed). */
  outcome?: (jobName: string, index: number) => JobOutcome;
  /** Write the output lines in a shuffled order (seeded). */
  shuffle?: boolean;
}

/** A job as the stand-in keeps it. */
export interface FakeJob {
  arn: string;
  name: string;
  modelId: string;
  token: string;
  inputUri: string;
  outputUri: string;
  invocationType: string;
  status: string;
  message?: string;
  records: number;
}

/** A running stand-in. */
export interface FakeBedrockBatch {
  readonly url: string;
  /** Jobs created (a repeated token creates none). */
  readonly jobs: readonly FakeJob[];
  /** CreateModelInvocationJob requests received (repeats included). */
  readonly createCalls: number;
  /** Records answered across all jobs. */
  readonly recordsAnswered: number;
  /** Time spent answering records and writing output (the simulated job time), ms. */
  readonly jobMs: number;
  close(): Promise<void>;
}

const NEXT_STATUS: Record<string, string> = {
  Submitted: 'Validating',
  Validating: 'Scheduled',
  Scheduled: 'InProgress',
};

/** Start the stand-in on a random port of 127.0.0.1. */
export async function startFakeBedrockBatch(options: FakeBedrockBatchOptions): Promise<FakeBedrockBatch> {
  const jobs: FakeJob[] = [];
  const byToken = new Map<string, FakeJob>();
  let createCalls = 0;
  let recordsAnswered = 0;
  let jobMs = 0;
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: options.s3Endpoint,
    forcePathStyle: true,
    credentials: LOCAL_S3_CREDENTIALS,
  });
  const runtime = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: options.runtimeEndpoint,
    credentials: FAKE_CREDENTIALS,
    maxAttempts: 1,
    // The transport of the on-demand provider (HTTP/1.1, keep-alive): the fake runtime speaks it.
    requestHandler: bedrockRequestHandler(DEFAULT_BEDROCK_TIMEOUT_MS),
  });

  async function read(uri: string): Promise<string> {
    const { bucket, key } = splitUri(uri);
    const reply = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await reply.Body?.transformToString('utf8')) ?? '';
  }
  async function write(uri: string, body: string): Promise<void> {
    const { bucket, key } = splitUri(uri);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  }

  /** Answer every record of a job and write its output, as a finished job leaves it. */
  async function process(job: FakeJob, outcome: JobOutcome): Promise<void> {
    const started = performance.now();
    const lines = (await read(job.inputUri)).split('\n').filter((line) => line.trim());
    const kept = outcome === 'PartiallyCompleted' ? lines.slice(0, -1) : lines;
    let inputTokens = 0;
    let outputTokens = 0;
    let errors = 0;
    const out = await Promise.all(
      kept.map(async (line) => {
        const record = JSON.parse(line) as { recordId: string; modelInput: Omit<ConverseCommandInput, 'modelId'> };
        if (options.failRecord?.(record.recordId, job.name)) {
          errors++;
          return { ...record, error: { errorCode: 400, errorMessage: 'fake batch: record rejected' } };
        }
        const reply = await runtime.send(new ConverseCommand({ ...record.modelInput, modelId: job.modelId }));
        const { $metadata: _metadata, ...modelOutput } = reply;
        inputTokens += reply.usage?.inputTokens ?? 0;
        outputTokens += reply.usage?.outputTokens ?? 0;
        recordsAnswered++;
        return { ...record, modelOutput };
      }),
    );
    if (options.shuffle) shuffleSeeded(out, job.name);
    const jobId = job.arn.slice(job.arn.lastIndexOf('/') + 1);
    const file = job.inputUri.slice(job.inputUri.lastIndexOf('/') + 1);
    const folder = `${job.outputUri.replace(/\/+$/, '')}/${jobId}`;
    await write(`${folder}/${file}.out`, `${out.map((line) => JSON.stringify(line)).join('\n')}\n`);
    await write(
      `${folder}/manifest.json.out`,
      JSON.stringify({
        totalRecordCount: lines.length,
        processedRecordCount: kept.length,
        successRecordCount: kept.length - errors,
        errorRecordCount: errors,
        inputTokenCount: inputTokens,
        outputTokenCount: outputTokens,
      }),
    );
    jobMs += performance.now() - started;
  }

  /** Jobs whose records are being answered (a poll meanwhile sees InProgress). */
  const processing = new Set<FakeJob>();

  async function advance(job: FakeJob): Promise<void> {
    const next = NEXT_STATUS[job.status];
    if (next) {
      job.status = next;
      return;
    }
    if (job.status !== 'InProgress' || processing.has(job)) return;
    const outcome = options.outcome?.(job.name, jobs.indexOf(job)) ?? 'Completed';
    processing.add(job);
    try {
      if (outcome === 'Completed' || outcome === 'PartiallyCompleted') await process(job, outcome);
      else job.message = `fake batch: job ${outcome.toLowerCase()}`;
      job.status = outcome;
    } finally {
      processing.delete(job);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (request.method === 'POST' && path === '/model-invocation-job') {
      createCalls++;
      const input = JSON.parse(body) as Record<string, any>;
      const token = String(input.clientRequestToken ?? '');
      const existing = token ? byToken.get(token) : undefined;
      if (existing) return json(response, 200, { jobArn: existing.arn });
      const id = `fakejob${String(jobs.length + 1).padStart(5, '0')}`;
      const job: FakeJob = {
        arn: `arn:aws:bedrock:us-east-1:111122223333:model-invocation-job/${id}`,
        name: String(input.jobName),
        modelId: String(input.modelId),
        token,
        inputUri: String(input.inputDataConfig?.s3InputDataConfig?.s3Uri),
        outputUri: String(input.outputDataConfig?.s3OutputDataConfig?.s3Uri),
        invocationType: String(input.modelInvocationType ?? 'InvokeModel'),
        status: 'Submitted',
        records: 0,
      };
      job.records = (await read(job.inputUri)).split('\n').filter((line) => line.trim()).length;
      jobs.push(job);
      if (token) byToken.set(token, job);
      return json(response, 200, { jobArn: job.arn });
    }
    const match = /^\/model-invocation-job\/([^/]+)(\/stop)?$/.exec(path);
    const job = match?.[1] ? jobs.find((j) => j.arn === decodeURIComponent(match[1] as string)) : undefined;
    if (!job) return error(response, 404, 'ResourceNotFoundException', `no job ${path}`);
    if (request.method === 'POST' && match?.[2]) {
      job.status = 'Stopped';
      return json(response, 200, {});
    }
    if (request.method !== 'GET') return error(response, 404, 'UnknownOperationException', `no route ${path}`);
    await advance(job);
    return json(response, 200, {
      jobArn: job.arn,
      jobName: job.name,
      modelId: job.modelId,
      clientRequestToken: job.token,
      roleArn: 'arn:aws:iam::111122223333:role/fake-batch',
      status: job.status,
      ...(job.message ? { message: job.message } : {}),
      submitTime: new Date().toISOString(),
      inputDataConfig: { s3InputDataConfig: { s3Uri: job.inputUri, s3InputFormat: 'JSONL' } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: job.outputUri } },
      modelInvocationType: job.invocationType,
      totalRecordCount: job.records,
    });
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((cause: unknown) =>
      error(response, 500, 'InternalServerException', (cause as Error).message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    jobs,
    get createCalls() {
      return createCalls;
    },
    get recordsAnswered() {
      return recordsAnswered;
    },
    get jobMs() {
      return jobMs;
    },
    close: async () => {
      runtime.destroy();
      s3.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function splitUri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri);
  if (!match?.[1]) throw new Error(`not an S3 URI: ${uri}`);
  return { bucket: match[1], key: match[2] ?? '' };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': 'fake-batch' });
  response.end(JSON.stringify(body));
}

function error(response: ServerResponse, status: number, name: string, message: string): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-errortype': `${name}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  });
  response.end(JSON.stringify({ message }));
}

/** Shuffle in place with a small seeded generator (the seed is the job name). */
function shuffleSeeded<T>(items: T[], seed: string): void {
  let state = [...seed].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 2166136261);
  for (let i = items.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
