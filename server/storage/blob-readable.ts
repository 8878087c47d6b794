import { statSync } from 'node:fs';
import { blobPath } from './blob-store.ts';

/**
 * Whether an attachment's blob is on disk at its recorded size. Synchronous on purpose: a check
 * inside a transaction on SQLite must not await the thread pool while holding the only
 * connection, and a stat of a local file takes microseconds.
 */
export function blobReadable(dataDir: string): (file: { sha256: string; size: number }) => Promise<boolean> {
  return async ({ sha256, size }) => {
    try {
      return statSync(blobPath(dataDir, sha256)).size === size;
    } catch {
      return false;
    }
  };
}
