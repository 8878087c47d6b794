import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand, HeadBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { StartupError } from '../startup-error.ts';
import { hashFile, tempPath } from './blob-store.ts';
import type { FileStorage, UploadBytes } from './file-storage.ts';

// Stored files and the bytes of uploads in progress in an S3-compatible bucket (Alibaba OSS,
// Tencent COS, Huawei OBS, MinIO), so any number of instances serve one campaign.
//
//   blobs/<first two hex digits>/<sha256>          a stored file, named by the SHA-256 of its bytes
//   uploads/<id>/<start offset, 16 digits>-<uuid>   one received piece of an upload in progress
//
// A PATCH writes its body to a local temporary file and, when the body ends or the connection
// drops, puts what arrived as one piece under a name of its own; the piece counts once the
// request has recorded it in the database (upload_pieces) with the upload's new offset, which
// only the instance holding the writer's lease can do. A piece put by an instance that died,
// or lost the lease, before recording it is never read and is removed with its upload.
// Finishing writes the recorded pieces into one local file, hashing it on the way, to check
// and store it like any other (decision 0027).

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (MinIO, most self-hosted servers) rather than in the host name (OSS, COS). */
  forcePathStyle: boolean;
}

const PIECE_DIGITS = 16;
const PART_BYTES = 8 * 1024 * 1024;

export function s3Client(settings: S3Settings): S3Client {
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Checksums only where the protocol requires them: the SDK's default trailing checksums in
    // aws-chunked bodies are not understood by several S3-compatible stores.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const blobKey = (sha256: string) => {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `blobs/${sha256.slice(0, 2)}/${sha256}`;
};
/** A piece's name: its upload, its start offset, and a name of its own so no put replaces another's. */
const pieceKey = (id: string, start: number) => `uploads/${id}/${String(start).padStart(PIECE_DIGITS, '0')}-${randomUUID()}`;

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey');

/** Proves the bucket answers with the keys given, or says what an operator must fix. */
export async function checkBucket(settings: S3Settings, client = s3Client(settings)): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: settings.bucket }));
  } catch (error) {
    const status = (error as S3ServiceException).$metadata?.httpStatusCode;
    const reason = status === 404 ? 'no such bucket' : status === 403 ? 'access denied with these keys' : (error as Error).message || (error as Error).name;
    throw new StartupError(`Cannot use the S3 bucket ${settings.bucket} at ${settings.endpoint}: ${reason}`);
  }
}

/**
 * `pieceBytes`: a request's body is kept a piece of this size at a time, so a crash in the
 * middle of a long one loses at most that much (64 MiB; smaller in tests).
 */
export function s3Storage(settings: S3Settings, dataDir: string, client = s3Client(settings), pieceBytes = 64 * 1024 * 1024): FileStorage {
  const Bucket = settings.bucket;

  const sizeOf = async (Key: string): Promise<number | undefined> => {
    try {
      return (await client.send(new HeadObjectCommand({ Bucket, Key }))).ContentLength;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  };

  /** Puts the first `size` bytes of a local file (a multipart upload past one part). */
  const putFile = async (Key: string, file: string, size: number) => {
    if (size <= PART_BYTES) {
      const body = size === 0 ? Buffer.alloc(0) : createReadStream(file, { start: 0, end: size - 1 });
      await client.send(new PutObjectCommand({ Bucket, Key, Body: body, ContentLength: size }));
      return;
    }
    await new Upload({ client, params: { Bucket, Key, Body: createReadStream(file, { start: 0, end: size - 1 }) }, partSize: PART_BYTES, queueSize: 2 }).done();
  };

  /** Every object whose name starts with `Prefix`, a page at a time. */
  async function* objects(Prefix: string) {
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
      yield* page.Contents ?? [];
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  // One request per object: DeleteObjects needs a checksum header that several S3-compatible
  // stores read differently (Content-MD5 or the SDK's CRC32), and an upload has few pieces.
  const deleteObjects = async (keys: string[]) => {
    for (const Key of keys) await client.send(new DeleteObjectCommand({ Bucket, Key }));
  };

  const uploads: UploadBytes = {
    create: async () => undefined,
    received: async (_id, saved) => saved,
    arriving: async (_id, saved) => saved,
    open: async (id, offset) => {
      const temp = await tempPath(dataDir);
      const handle = await open(temp, 'w+');
      let start = offset;
      return {
        handle,
        get start() {
          return start;
        },
        durableOnWrite: false,
        pieceBytes,
        keep: async (position) => {
          if (position <= start) return undefined;
          const piece = { start, size: position - start, key: pieceKey(id, start) };
          await putFile(piece.key, temp, piece.size);
          return piece;
        },
        restart: async (position) => {
          await handle.truncate(0);
          start = position;
        },
        close: async () => {
          await handle.close().catch(() => undefined);
          await rm(temp, { force: true });
        },
      };
    },
    whole: async (id, length, _runningHash, pieces) => {
      const file = await tempPath(dataDir);
      const handle = await open(file, 'wx');
      // A piece sent again from an offset inside the last one (the last byte, asked for again
      // after a crash) overwrites it from there: pieces are written in order of their start.
      let contiguous = true;
      const hash = createHash('sha256');
      try {
        let end = 0;
        for (const piece of pieces) {
          if (piece.start > end) throw new Error(`upload ${id}: nothing recorded from ${end} to ${piece.start}`);
          if (piece.start < end) contiguous = false;
          let written = 0;
          const body = (await client.send(new GetObjectCommand({ Bucket, Key: piece.key }))).Body as Readable;
          for await (const chunk of body) {
            const bytes = chunk as Buffer;
            if (written + bytes.length > piece.size) throw new Error(`upload ${id}: the piece at ${piece.start} is longer than recorded`);
            await handle.write(bytes, 0, bytes.length, piece.start + written);
            if (contiguous) hash.update(bytes);
            written += bytes.length;
          }
          if (written !== piece.size) throw new Error(`upload ${id}: the piece at ${piece.start} gave ${written} of ${piece.size} bytes`);
          end = Math.max(end, piece.start + piece.size);
        }
        if (end !== length) throw new Error(`upload ${id}: the pieces hold ${end} of ${length} bytes`);
        await handle.close();
      } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(file, { force: true });
        throw error;
      }
      return { file, sha256: contiguous ? hash.digest('hex') : await hashFile(file), release: () => rm(file, { force: true }) };
    },
    discard: (key) => deleteObjects([key]),
    remove: async (id) => {
      const keys: string[] = [];
      for await (const item of objects(`uploads/${id}/`)) keys.push(item.Key!);
      await deleteObjects(keys);
    },
    list: async function* () {
      // Pieces sort by upload id, so each upload's pieces come together.
      let current: { id: string; changedAt: Date } | undefined;
      for await (const item of objects('uploads/')) {
        const id = item.Key!.split('/')[1]!;
        const changedAt = item.LastModified ?? new Date(0);
        if (current?.id === id) {
          if (changedAt > current.changedAt) current.changedAt = changedAt;
          continue;
        }
        if (current) yield current;
        current = { id, changedAt };
      }
      if (current) yield current;
    },
  };

  return {
    kind: 's3',
    dataDir,
    adopt: async (file, blob, options) => {
      // Same name, same bytes: a blob already there is not put again.
      if ((await sizeOf(blobKey(blob.sha256))) !== blob.size) await putFile(blobKey(blob.sha256), file, blob.size);
      if (!options?.keepSource) await rm(file, { force: true });
    },
    read: async (blob, range) => {
      let answer;
      try {
        answer = await client.send(new GetObjectCommand({ Bucket, Key: blobKey(blob.sha256), Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
      } catch (error) {
        // A range past the object's end means it is shorter than recorded: not at its size either.
        if (isMissing(error) || (error as S3ServiceException).$metadata?.httpStatusCode === 416) return undefined;
        throw error;
      }
      const body = answer.Body as Readable;
      const size = range ? Number(answer.ContentRange?.split('/')[1]) : answer.ContentLength;
      if (size === blob.size) return body;
      body.destroy();
      return undefined;
    },
    has: async (blob) => (await sizeOf(blobKey(blob.sha256))) === blob.size,
    list: async function* () {
      for await (const item of objects('blobs/')) {
        const sha256 = item.Key!.slice(-64);
        if (/^[0-9a-f]{64}$/.test(sha256) && item.Key === blobKey(sha256)) yield { sha256, size: item.Size ?? 0 };
      }
    },
    uploads,
  };
}
