/** A real S3-protocol server (s3rver) on 127.0.0.1, on a random port, storing in a temporary folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** The only credentials s3rver accepts (its defaults; not AWS credentials). */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** A running local S3. */
export interface LocalS3 {
  /** `http://127.0.0.1:<port>` (path-style addressing). */
  readonly url: string;
  /** The bucket made at start. */
  readonly bucket: string;
  close(): Promise<void>;
}

/** Start s3rver with one empty bucket. */
export async function startLocalS3(bucket = 'gherkin-bench-batch'): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'gb-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
