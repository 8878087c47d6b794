import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';

// Stored files are named by the SHA-256 of their bytes, under DATA_DIR/blobs/<first two hex
// digits>/<sha256>: the same bytes are stored once, a name can never point at other bytes, and
// a finished file appears only by an atomic rename after fsync, so a crash leaves either the
// whole file or none. Nothing here holds a whole file in memory.

const SHA256 = /^[0-9a-f]{64}$/;

export interface StoredBlob {
  sha256: string;
  size: number;
}

export function blobPath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256);
}

/** A fresh path for a file being written, on the same disk as the blobs so a rename moves it. */
export async function tempPath(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, 'tmp');
  await mkdir(dir, { recursive: true });
  return path.join(dir, randomUUID());
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/** Removes files in DATA_DIR/tmp last changed before `before` (left by a crash); how many. */
export async function removeTemporaryFilesBefore(dataDir: string, before: Date): Promise<number> {
  const dir = path.join(dataDir, 'tmp');
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const info = await stat(path.join(dir, name)).catch(() => undefined);
    if (info && info.mtime < before) {
      await rm(path.join(dir, name), { force: true, recursive: true });
      removed += 1;
    }
  }
  return removed;
}

/**
 * Makes a finished, already fsynced file the blob `sha256` by renaming it into place; when that
 * blob exists already the file is removed instead (same name, same bytes). With `keepSource` the
 * file stays where it is too (a hard link, or a copy where the disk cannot link), so a crash
 * before the caller's rows commit leaves the file to finish from again.
 */
export async function adoptFile(dataDir: string, file: string, sha256: string, options: { keepSource?: boolean } = {}): Promise<void> {
  const target = blobPath(dataDir, sha256);
  if (await exists(target)) {
    if (!options.keepSource) await rm(file, { force: true });
    return;
  }
  await mkdir(path.dirname(target), { recursive: true });
  if (options.keepSource) await linkOrCopy(file, target);
  else await rename(file, target);
  await syncDir(path.dirname(target));
}

async function linkOrCopy(file: string, target: string): Promise<void> {
  try {
    await link(file, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    await copyDurably(file, target);
  }
}

/** Puts a copy of `file` at `target` by an atomic rename, fsynced first: whole or not at all. */
export async function copyDurably(file: string, target: string): Promise<void> {
  const temp = `${target}.${randomUUID()}`;
  await copyFile(file, temp);
  const handle = await open(temp, 'r+');
  await handle.sync().finally(() => handle.close());
  await rename(temp, target);
}

/** Whether `file` shares its bytes with another name (a blob adopted with keepSource). */
export async function isLinked(file: string): Promise<boolean> {
  return (await stat(file)).nlink > 1;
}

/** A writable that hashes and counts what it has written, and fsyncs the file before it finishes. */
export class HashingFileWriter extends Writable {
  readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly handle: FileHandle) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.handle.write(chunk, 0, chunk.length, null).then(() => {
      this.hash.update(chunk);
      this.size += chunk.length;
      callback();
    }, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.handle.sync().then(() => callback(), callback);
  }
}

/** The SHA-256 of a file, read in large slices. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The bytes of a blob from `start` to `end` inclusive (the whole blob without them); undefined when it is missing or not at its size. */
export async function readBlob(dataDir: string, blob: StoredBlob, range?: { start: number; end: number }): Promise<Readable | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(blobPath(dataDir, blob.sha256), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const size = await handle.stat().then((info) => info.size, async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (size === blob.size) return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  await handle.close();
  return undefined;
}

/** Every blob under DATA_DIR/blobs (files named otherwise are not blobs and are passed over). */
export async function* listLocalBlobs(dataDir: string): AsyncIterable<StoredBlob> {
  const root = path.join(dataDir, 'blobs');
  const prefixes = await readdir(root).catch(() => [] as string[]);
  for (const prefix of prefixes) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of await readdir(path.join(root, prefix))) {
      if (SHA256.test(name) && name.startsWith(prefix)) yield { sha256: name, size: (await stat(path.join(root, prefix, name))).size };
    }
  }
}
