import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { verifyAuditChain, type AuditVerdict } from '../modules/audit/audit.service.ts';
import type { StoredBlob } from '../storage/blob-store.ts';
import type { FileStorage } from '../storage/file-storage.ts';

export interface RestoreCheck {
  cases: number;
  submissions: number;
  attachments: number;
  /** Stored files the database names that are missing or of another size in the storage. */
  missingFiles: string[];
  audit: AuditVerdict;
}

/** How many stored files are asked about at once: with S3 each is a round trip, and 10,000 of them one after another take minutes. */
export const FILES_CHECKED_AT_ONCE = 16;

/** What a restored database holds, and whether every file it names is in the storage and the audit chain verifies. */
export async function checkRestored(db: Kysely<Database>, storage: FileStorage): Promise<RestoreCheck> {
  const count = async (table: 'cases' | 'case_submissions' | 'attachments') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const blobs = (await db.selectFrom('blobs').select(['sha256', 'size']).execute()).map((b) => ({ sha256: b.sha256, size: Number(b.size) }));
  const missingFiles = await missingOf(storage, blobs);
  return { cases: await count('cases'), submissions: await count('case_submissions'), attachments: await count('attachments'), missingFiles, audit: await verifyAuditChain(db) };
}

/**
 * The blobs the storage lacks, in the order given, asking about a few at a time. A failed
 * request fails the check once the ones in flight have answered, and no new one starts after it.
 */
async function missingOf(storage: FileStorage, blobs: StoredBlob[]): Promise<string[]> {
  const held: boolean[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < blobs.length) {
      const i = next++;
      try {
        held[i] = await storage.has(blobs[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: FILES_CHECKED_AT_ONCE }, worker));
  if (failure) throw failure.error;
  return blobs.filter((_, i) => !held[i]).map((b) => b.sha256);
}
