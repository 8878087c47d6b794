import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { requireEditableCase } from '../cases/case-access.ts';
import { readDocxProposal, type ImportProposal } from './docx-import.ts';

/** The case a Word file proposes, for a case its unit may still edit; nothing is saved. */
export async function proposeDocxImport(db: Kysely<Database>, actor: Actor, caseId: string, bytes: Buffer, now: Date): Promise<ImportProposal> {
  const c = await requireEditableCase(db, actor, caseId, now);
  return readDocxProposal(bytes, c.campaign.definition.caseStyle.elements, c.campaign.definition.allowMacroDocuments);
}
