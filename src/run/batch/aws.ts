/**
 * The AWS side of batch inference: S3 objects through `@aws-sdk/client-s3`, batch jobs through
 * `@aws-sdk/client-bedrock` (CreateModelInvocationJob, GetModelInvocationJob). Credentials come
 * from the SDK's default chain unless given; endpoint overrides are honoured (a local S3 server
 * needs path-style addressing, which is turned on whenever an S3 endpoint is set).
 */
import {
  BedrockClient,
  type BedrockClientConfig,
  CreateModelInvocationJobCommand,
  GetModelInvocationJobCommand,
  type ModelInvocationJobStatus,
} from '@aws-sdk/client-bedrock';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { UserError } from '../../errors.js';

/** Where and how to reach AWS. */
export interface BatchAwsOptions {
  region?: string;
  profile?: string;
  s3Endpoint?: string;
  bedrockEndpoint?: string;
  /** Explicit credentials (tests); default: the SDK's default credential chain. Never logged. */
  credentials?: BedrockClientConfig['credentials'];
}

/** A job as gherkin-bench submits it. */
export interface JobSubmission {
  jobName: string;
  modelId: string;
  roleArn: string;
  /** Idempotency token: the same token never creates a second job. */
  clientRequestToken: string;
  inputUri: string;
  outputUri: string;
  timeoutHours?: number;
}

/** A job's state as GetModelInvocationJob reports it. */
export interface JobState {
  status: ModelInvocationJobStatus | 'Unknown';
  message?: string;
}

/** The S3 and Bedrock calls batch inference makes. */
export interface BatchAws {
  putText(uri: string, text: string): Promise<void>;
  getText(uri: string): Promise<string>;
  /** The object URIs under a folder URI (all pages). */
  list(folderUri: string): Promise<string[]>;
  createJob(job: JobSubmission): Promise<string>;
  getJob(jobArn: string): Promise<JobState>;
}

/** An S3 URI split into bucket and key (`s3://bucket/a/b` → `bucket`, `a/b`). */
export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match?.[1]) throw new UserError('BAD_INPUT', `batch.s3Uri: "${uri}" is not an S3 URI (s3://bucket/folder/)`);
  return { bucket: match[1], key: match[2] ?? '' };
}

/** Join an S3 folder URI and a relative path with exactly one slash. */
export function s3Join(folderUri: string, path: string): string {
  return `${folderUri.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The S3 and Bedrock clients for batch inference. */
export function createBatchAws(options: BatchAwsOptions): BatchAws {
  const common = {
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  };
  const s3 = new S3Client({
    ...common,
    ...(options.s3Endpoint === undefined ? {} : { endpoint: options.s3Endpoint, forcePathStyle: true }),
  });
  const bedrock = new BedrockClient({
    ...common,
    ...(options.bedrockEndpoint === undefined ? {} : { endpoint: options.bedrockEndpoint }),
  });
  async function listAll(folderUri: string): Promise<string[]> {
    const { bucket, key } = parseS3Uri(folderUri);
    const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
    const uris: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
      );
      for (const object of page.Contents ?? []) if (object.Key) uris.push(`s3://${bucket}/${object.Key}`);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return uris;
  }
  async function create(job: JobSubmission): Promise<string> {
    const reply = await bedrock.send(
      new CreateModelInvocationJobCommand({
        jobName: job.jobName,
        roleArn: job.roleArn,
        clientRequestToken: job.clientRequestToken,
        modelId: job.modelId,
        modelInvocationType: 'Converse',
        inputDataConfig: { s3InputDataConfig: { s3Uri: job.inputUri, s3InputFormat: 'JSONL' } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: job.outputUri } },
        ...(job.timeoutHours === undefined ? {} : { timeoutDurationInHours: job.timeoutHours }),
      }),
    );
    if (!reply.jobArn) throw new Error(`CreateModelInvocationJob ${job.jobName}: no jobArn in the reply`);
    return reply.jobArn;
  }
  return {
    async putText(uri, text) {
      const { bucket, key } = parseS3Uri(uri);
      await awsCall(`upload ${uri}`, () =>
        s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: 'application/jsonl' })),
      );
    },
    async getText(uri) {
      const { bucket, key } = parseS3Uri(uri);
      return awsCall(`read ${uri}`, async () => {
        const reply = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return (await reply.Body?.transformToString('utf8')) ?? '';
      });
    },
    list: (folderUri) => awsCall(`list ${folderUri}`, () => listAll(folderUri)),
    createJob: (job) => awsCall(`CreateModelInvocationJob ${job.jobName}`, () => create(job)),
    getJob: (jobArn) =>
      awsCall(`GetModelInvocationJob ${jobArn}`, async () => {
        const reply = await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
        return { status: reply.status ?? 'Unknown', ...(reply.message ? { message: reply.message } : {}) };
      }),
  };
}

/**
 * Run one AWS call; a failure (after the SDK's own retries) becomes a one-line user error naming
 * the call, the AWS error and what to check. The run folder keeps what was recorded, so the run
 * continues with `--resume <run-dir> --batch` once fixed.
 */
async function awsCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode === undefined ? '' : ` (HTTP ${e.$metadata.httpStatusCode})`;
    const message = (e.message ?? '').split('\n')[0]?.trim();
    throw new UserError(
      'BAD_INPUT',
      `run --batch: ${what}: ${e.name ?? 'Error'}${message ? `: ${message}` : ''}${status}; check batch.s3Uri, batch.roleArn and the AWS credentials and region, then continue with --resume <run-dir> --batch`,
      { cause: error },
    );
  }
}
