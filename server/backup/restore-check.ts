import { existsSync, statSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { verifyAuditChain, type AuditVerdict } from '../modules/audit/audit.service.ts';
import { blobPath } from '../storage/blob-store.ts';

export interface RestoreCheck {
  cases: number;
  submissions: number;
  attachments: number;
  /** Stored files the database names that are missing or of another size in the data folder. */
  missingFiles: string[];
  audit: AuditVerdict;
}

/** What a restored data folder holds, and whether every file it names is there and the audit chain verifies. */
export async function checkRestored(db: Kysely<Database>, dataDir: string): Promise<RestoreCheck> {
  const count = async (table: 'cases' | 'case_submissions' | 'attachments') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const blobs = await db.selectFrom('blobs').select(['sha256', 'size']).execute();
  const missingFiles = blobs
    .filter((b) => {
      const file = blobPath(dataDir, b.sha256);
      return !existsSync(file) || statSync(file).size !== Number(b.size);
    })
    .map((b) => b.sha256);
  return { cases: await count('cases'), submissions: await count('case_submissions'), attachments: await count('attachments'), missingFiles, audit: await verifyAuditChain(db) };
}
