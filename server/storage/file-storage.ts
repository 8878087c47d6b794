import type { Hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { adoptFile, blobPath, HashingFileWriter, hashFile, listLocalBlobs, readBlob, tempPath, type StoredBlob } from './blob-store.ts';
import { createUploadFile, listUploadFiles, openUploadAt, uploadFilePath, uploadFileSize } from './local-uploads.ts';

// Where stored files and the bytes of uploads in progress live: one interface, two kinds. Local
// keeps both under DATA_DIR (one machine, or instances sharing one folder); S3 keeps both in a
// bucket any number of instances share (s3-storage.ts). Either way a file being checked or
// finished is a local file in DATA_DIR/tmp, as the parsers of Office, PDF and pictures need.

export interface BlobRange {
  start: number;
  end: number;
}

/** A piece of an upload kept under a name of its own (S3), recorded in the database. */
export interface UploadPiece {
  start: number;
  size: number;
  key: string;
}

/** Where one request writes the bytes of one upload, starting at `start`. */
export interface UploadSink {
  /** The open file the bytes go into, at `position - start`. */
  readonly handle: FileHandle;
  readonly start: number;
  /** Whether bytes count as received once they reach `handle` (local), or only once kept (S3). */
  durableOnWrite: boolean;
  /** How many bytes of one request make a piece before the next begins (S3). */
  pieceBytes: number;
  /**
   * Makes the bytes up to `position` durable where every instance finds them. With S3 they are
   * a new piece, which counts once the caller has recorded it; a local file needs no record.
   */
  keep(position: number): Promise<UploadPiece | undefined>;
  /** After a kept piece was recorded, starts the next one at `position` in the same file (S3). */
  restart(position: number): Promise<void>;
  close(): Promise<void>;
}

/** A local file holding every byte of a finished upload, and its SHA-256. */
export interface WholeUpload {
  file: string;
  sha256: string;
  /** Removes what was made only for finishing (nothing for local storage). */
  release(): Promise<void>;
}

export interface UploadBytes {
  create(id: string): Promise<void>;
  /** Bytes durably received, given the offset the database saved; undefined when they are gone. */
  received(id: string, savedOffset: number): Promise<number | undefined>;
  /** What has arrived so far while a request is still writing (it may be ahead of the database). */
  arriving(id: string, savedOffset: number): Promise<number>;
  open(id: string, offset: number): Promise<UploadSink>;
  /**
   * Every byte of the upload as one local file; `runningHash` is the hash of them if known, and
   * `pieces` the recorded pieces in order of their start (S3).
   */
  whole(id: string, length: number, runningHash: Hash | undefined, pieces: readonly UploadPiece[]): Promise<WholeUpload>;
  /** Removes one piece that no record names (replaced, or put by a writer that lost the lease). */
  discard(key: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Every upload that has bytes here, with when they last changed: to sweep ones without a row. */
  list(): AsyncIterable<{ id: string; changedAt: Date }>;
}

export interface FileStorage {
  readonly kind: 'local' | 's3';
  /** The local folder for files being written or checked (DATA_DIR). */
  readonly dataDir: string;
  /**
   * Makes the finished local `file`, whose bytes are `blob`, a stored blob. It moves the file,
   * unless `keepSource`: then the file stays too, so a crash before the caller's rows commit
   * leaves it to finish from again.
   */
  adopt(file: string, blob: StoredBlob, options?: { keepSource?: boolean }): Promise<void>;
  /**
   * The bytes of a blob from `start` to `end` inclusive (the whole blob without a range), or
   * undefined when it is missing or not at its recorded size: with S3 one GET, not a HEAD first.
   */
  read(blob: StoredBlob, range?: BlobRange): Promise<Readable | undefined>;
  /** Whether the blob is stored at its recorded size. */
  has(blob: StoredBlob): Promise<boolean>;
  /** Every stored blob, for backups. */
  list(): AsyncIterable<StoredBlob>;
  uploads: UploadBytes;
}

/** Files under DATA_DIR: blobs/ by hash, uploads/ by id (blob-store.ts, upload-bytes.ts). */
export function localStorage(dataDir: string): FileStorage {
  return {
    kind: 'local',
    dataDir,
    adopt: (file, blob, options) => adoptFile(dataDir, file, blob.sha256, options),
    read: (blob, range) => readBlob(dataDir, blob, range),
    // Synchronous on purpose: a check inside a transaction on SQLite must not await the thread
    // pool while holding the only connection, and a stat of a local file takes microseconds.
    has: async ({ sha256, size }) => {
      try {
        return statSync(blobPath(dataDir, sha256)).size === size;
      } catch {
        return false;
      }
    },
    list: () => listLocalBlobs(dataDir),
    uploads: {
      create: (id) => createUploadFile(dataDir, id),
      // What reached the file is the truth; the database's offset may lag it, never lead it.
      received: async (id, saved) => {
        const size = await uploadFileSize(dataDir, id);
        return size === undefined ? undefined : Math.min(saved, size);
      },
      arriving: async (id) => (await uploadFileSize(dataDir, id)) ?? 0,
      open: async (id, offset) => {
        const handle = await openUploadAt(dataDir, id, offset);
        return {
          handle, start: 0, durableOnWrite: true, pieceBytes: Infinity,
          keep: async () => void (await handle.sync()),
          restart: async () => undefined,
          close: () => handle.close(),
        };
      },
      whole: async (id, _length, runningHash) => {
        const file = uploadFilePath(dataDir, id);
        return { file, sha256: runningHash ? runningHash.digest('hex') : await hashFile(file), release: async () => undefined };
      },
      discard: async () => undefined,
      remove: (id) => rm(uploadFilePath(dataDir, id), { force: true }),
      list: () => listUploadFiles(dataDir),
    },
  };
}

/** Streams `source` into the storage while hashing it; the blob is stored when this resolves. */
export async function storeStream(storage: FileStorage, source: Readable | AsyncIterable<Uint8Array>): Promise<StoredBlob> {
  const temp = await tempPath(storage.dataDir);
  const handle = await open(temp, 'wx');
  try {
    const writer = new HashingFileWriter(handle);
    await pipeline(source, writer);
    await handle.close();
    const stored = { sha256: writer.hash.digest('hex'), size: writer.size };
    await storage.adopt(temp, stored);
    return stored;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Stores the local `file` as a blob, moving it: it is gone when this settles, stored or not. */
export async function storeFile(storage: FileStorage, file: string): Promise<StoredBlob> {
  try {
    const blob = { sha256: await hashFile(file), size: (await stat(file)).size };
    await storage.adopt(file, blob);
    return blob;
  } finally {
    await rm(file, { force: true });
  }
}

/** Stores a small buffer (a thumbnail) the same way. */
export function storeBuffer(storage: FileStorage, bytes: Uint8Array): Promise<StoredBlob> {
  return storeStream(storage, Readable.from([bytes]));
}
