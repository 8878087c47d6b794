import { mkdir, open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { copyDurably, isLinked } from './blob-store.ts';

// With local storage the bytes of an upload in progress live in DATA_DIR/uploads/<id>, written
// in place at the offset the client names. What has reached the file is the truth: the
// database's offset may lag it by a moment and is never ahead of it.

export function uploadFilePath(dataDir: string, id: string): string {
  return path.join(dataDir, 'uploads', id);
}

export async function createUploadFile(dataDir: string, id: string): Promise<void> {
  await mkdir(path.join(dataDir, 'uploads'), { recursive: true });
  const handle = await open(uploadFilePath(dataDir, id), 'wx');
  await handle.close();
}

export async function uploadFileSize(dataDir: string, id: string): Promise<number | undefined> {
  return stat(uploadFilePath(dataDir, id)).then((s) => s.size, () => undefined);
}

/** Opens the upload file for writing at `offset`, dropping anything past it (a write cut short). */
export async function openUploadAt(dataDir: string, id: string, offset: number): Promise<FileHandle> {
  const file = uploadFilePath(dataDir, id);
  // After a crash while finishing, the file may share its bytes with the blob made from it:
  // writing into it would change that blob, so it is first replaced by a copy of its own.
  if (await isLinked(file)) await copyDurably(file, file);
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(offset);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export async function* listUploadFiles(dataDir: string): AsyncIterable<{ id: string; changedAt: Date }> {
  const dir = path.join(dataDir, 'uploads');
  for (const id of await readdir(dir).catch(() => [] as string[])) {
    const info = await stat(path.join(dir, id)).catch(() => undefined);
    if (info?.isFile()) yield { id, changedAt: info.mtime };
  }
}
