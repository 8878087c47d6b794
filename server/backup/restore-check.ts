import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { verifyAuditChain, type AuditVerdict } from '../modules/audit/audit.service.ts';
import type { FileStorage } from '../storage/file-storage.ts';

export interface RestoreCheck {
  cases: number;
  submissions: number;
  attachments: number;
  /** Stored files the database names that are missing or of another size in the storage. */
  missingFiles: string[];
  audit: AuditVerdict;
}

/** What a restored database holds, and whether every file it names is in the storage and the audit chain verifies. */
export async function checkRestored(db: Kysely<Database>, storage: FileStorage): Promise<RestoreCheck> {
  const count = async (table: 'cases' | 'case_submissions' | 'attachments') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const blobs = await db.selectFrom('blobs').select(['sha256', 'size']).execute();
  const missingFiles: string[] = [];
  for (const b of blobs) if (!(await storage.has({ sha256: b.sha256, size: Number(b.size) }))) missingFiles.push(b.sha256);
  return { cases: await count('cases'), submissions: await count('case_submissions'), attachments: await count('attachments'), missingFiles, audit: await verifyAuditChain(db) };
}
