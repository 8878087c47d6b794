import type { Kysely } from 'kysely';
import { locksRows } from '../../db/row-lock.ts';
import type { CaseStatus, Database } from '../../db/schema.ts';

// What a merge moves besides members: every row keyed by the merged unit's id. Attachments,
// uploads in progress, submissions, history and recommendation links hang on the case, so they
// move with it.

/** The unit's cases, held until the transaction ends so each keeps the status read here. */
export async function lockCasesOfUnit(trx: Kysely<Database>, organizationId: string): Promise<{ id: string; status: CaseStatus }[]> {
  let query = trx.selectFrom('cases').select(['id', 'status']).where('organization_id', '=', organizationId).orderBy('created_at').orderBy('id');
  if (locksRows(trx)) query = query.forUpdate();
  return query.execute();
}

/** Invitations to the unit not yet used or expired now invite to `into`; the number moved. */
export async function moveOpenInvitations(trx: Kysely<Database>, from: string, into: string, now: string): Promise<number> {
  const result = await trx
    .updateTable('one_time_tokens')
    .set({ subject_id: into })
    .where('kind', '=', 'join_unit')
    .where('subject_id', '=', from)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deadline extensions granted to the unit now apply to `into`; the number moved. */
export async function moveDeadlineExtensions(trx: Kysely<Database>, from: string, into: string): Promise<number> {
  const result = await trx.updateTable('deadline_extensions').set({ organization_id: into }).where('organization_id', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Cases of other units that name the unit as their superior organization now name `into`, by
 * its id and its name (which their units and organizers read); the number repointed.
 */
export async function repointSuperiorOf(trx: Kysely<Database>, from: string, into: { id: string; name: string }): Promise<number> {
  const result = await trx.updateTable('cases').set({ superior_organization_id: into.id, superior_name: into.name }).where('superior_organization_id', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks the unit merged, and repoints units merged into it before, so an alias is one step from its survivor. */
export async function markMerged(trx: Kysely<Database>, from: string, into: string, now: string): Promise<void> {
  await trx.updateTable('organizations').set({ merged_into: into, updated_at: now }).where('id', '=', from).execute();
  await trx.updateTable('organizations').set({ merged_into: into }).where('merged_into', '=', from).execute();
}
