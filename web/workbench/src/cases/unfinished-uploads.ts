import * as tus from 'tus-js-client';
import { uploadProgress } from './attachments-api.ts';

// Uploads tus-js-client remembers in localStorage for this case, shown after a reload so the
// person knows choosing the same file again continues it.

export interface UnfinishedUpload {
  urlStorageKey: string;
  uploadUrl: string;
  kind: string;
  fileName: string;
  percent: number;
}

export async function findUnfinishedUploads(caseId: string): Promise<UnfinishedUpload[]> {
  const stored = await tus.defaultOptions.urlStorage.findAllUploads();
  const mine = stored.filter((u) => u.metadata.caseId === caseId && u.uploadUrl);
  const found = await Promise.all(mine.map(async (u) => {
    const progress = await uploadProgress(u.uploadUrl!).catch(() => undefined);
    if (!progress || progress.offset >= progress.length) {
      await tus.defaultOptions.urlStorage.removeUpload(u.urlStorageKey);
      return undefined;
    }
    return {
      urlStorageKey: u.urlStorageKey, uploadUrl: u.uploadUrl!, kind: u.metadata.kind ?? '', fileName: u.metadata.filename ?? '',
      percent: Math.floor((progress.offset / Math.max(progress.length, 1)) * 100),
    };
  }));
  return found.filter((u): u is UnfinishedUpload => u !== undefined);
}

/** Gives up an unfinished upload: its bytes on the server and its remembered URL. */
export async function discardUnfinishedUpload(upload: UnfinishedUpload, csrf: string): Promise<void> {
  await tus.Upload.terminate(upload.uploadUrl, { headers: { 'x-csrf-token': csrf } }).catch(() => undefined);
  await tus.defaultOptions.urlStorage.removeUpload(upload.urlStorageKey);
}
