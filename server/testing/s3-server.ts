import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../storage/s3-storage.ts';

// An S3-protocol server on loopback (s3rver, from the npm registry) with one empty bucket, so the
// S3 storage is tested against the protocol, not a mock. It runs in the test's own process.

export interface TestS3 {
  settings: S3Settings;
  /** Where the server keeps the bucket's objects, to look behind the protocol. */
  directory: string;
  close(): Promise<void>;
}

export async function startS3Server(bucket = 'zhengji-test'): Promise<TestS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'zhengji-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`, bucket, region: 'us-east-1',
      accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true,
    },
    directory,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
