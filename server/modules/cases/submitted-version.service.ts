import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { submittedVersionSchema } from '../../../core/api/cases.ts';
import { caseContentSchema } from '../../../core/case/case-content.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { loadVisibleCase } from './case-access.ts';
import { canOrganizeCase } from './cases.policy.ts';
import { listSubmissions } from './cases.repository.ts';

export type SubmittedVersion = z.infer<typeof submittedVersionSchema>;

/**
 * What the unit last submitted, exactly as its receipt's hash covers it: the organizer reads and
 * returns this, not the working copy the unit may be changing since.
 */
export async function submittedVersion(db: Kysely<Database>, actor: Actor, caseId: string): Promise<SubmittedVersion> {
  const c = await loadVisibleCase(db, actor, caseId);
  if (!canOrganizeCase(actor, c.row)) throw new AppError('forbidden');
  const last = (await listSubmissions(db, caseId)).at(-1);
  if (!last) throw new AppError('not_found');
  // The canonical JSON holds the content's fields at its top level, beside format, ids and the form.
  const canonical = JSON.parse(last.content) as { declaration?: Record<string, string> };
  return {
    seq: last.seq,
    receiptNumber: last.receipt_number,
    submittedAt: last.submitted_at,
    content: caseContentSchema.parse(canonical),
    declaration: canonical.declaration ?? {},
  };
}
