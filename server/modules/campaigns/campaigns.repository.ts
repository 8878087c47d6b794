import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { locksRows } from '../../db/row-lock.ts';
import type { CampaignPhase, CampaignsTable, Database } from '../../db/schema.ts';

export type CampaignRow = Selectable<CampaignsTable>;

export async function findCampaignBySlug(db: Kysely<Database>, slug: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export type CampaignVersionRow = Pick<CampaignRow, 'id' | 'content_hash' | 'phase' | 'phase_changed_at' | 'definition_version'>;

/** What says which version of a campaign is current and where it stands: no definition text. */
export async function findCampaignVersionBySlug(db: Kysely<Database>, slug: string): Promise<CampaignVersionRow | undefined> {
  return db.selectFrom('campaigns').select(['id', 'content_hash', 'phase', 'phase_changed_at', 'definition_version']).where('slug', '=', slug).executeTakeFirst();
}

/** The stored definitions and phases of these slugs, to compare a file against before it is written. */
export async function findCampaignDefinitions(db: Kysely<Database>, slugs: string[]): Promise<Pick<CampaignRow, 'slug' | 'definition' | 'phase' | 'content_hash'>[]> {
  if (slugs.length === 0) return [];
  return db.selectFrom('campaigns').select(['slug', 'definition', 'phase', 'content_hash']).where('slug', 'in', slugs).execute();
}

/** Moves the campaign from one phase to the next; false when it was no longer in `from`. */
export async function updateCampaignPhase(db: Kysely<Database>, id: string, from: CampaignPhase, to: CampaignPhase, at: string): Promise<boolean> {
  const result = await db.updateTable('campaigns').set({ phase: to, phase_changed_at: at }).where('id', '=', id).where('phase', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The phase as committed now, read inside the caller's transaction rather than from a cache. */
export async function findCampaignPhase(db: Kysely<Database>, id: string): Promise<CampaignPhase | undefined> {
  return (await db.selectFrom('campaigns').select('phase').where('id', '=', id).executeTakeFirst())?.phase;
}

/** The advisory lock class of a campaign's phase (the second key is the hash of its id). */
const PHASE_LOCK = 0x70686173;

/**
 * The phase as committed, holding the phase's lock in shared mode on PostgreSQL until the
 * transaction ends: a phase move (which takes it exclusively) waits for the action that read it,
 * or the action waits for the move and reads the new phase. A shared advisory lock lives in
 * the lock manager only; `FOR SHARE` on the campaign row wrote a new lock holder into that one
 * row for every submit, which made it the hottest row of a deadline (decision 0026).
 */
export async function findCampaignPhaseForShare(db: Kysely<Database>, id: string): Promise<CampaignPhase | undefined> {
  if (locksRows(db)) await sql`select pg_advisory_xact_lock_shared(${PHASE_LOCK}, hashtext(${id}))`.execute(db);
  return findCampaignPhase(db, id);
}

/** The phase as committed, holding the phase's lock exclusively and the campaign row on PostgreSQL until the transaction ends (see findCampaignPhaseForShare). */
export async function lockCampaignPhase(db: Kysely<Database>, id: string): Promise<CampaignPhase | undefined> {
  if (locksRows(db)) await sql`select pg_advisory_xact_lock(${PHASE_LOCK}, hashtext(${id}))`.execute(db);
  const query = db.selectFrom('campaigns').select('phase').where('id', '=', id);
  return (await (locksRows(db) ? query.forUpdate() : query).executeTakeFirst())?.phase;
}

/** The latest correction date of a case of the campaign still returned to its unit, or null. */
export async function lastCorrectionDue(db: Kysely<Database>, campaignId: string): Promise<string | null> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.max('return_due_at').as('due'))
    .where('campaign_id', '=', campaignId).where('status', '=', 'returned').executeTakeFirst();
  return row?.due ?? null;
}

export async function listCampaignRows(db: Kysely<Database>): Promise<CampaignRow[]> {
  return db.selectFrom('campaigns').selectAll().orderBy('opens_at', 'desc').orderBy('slug').execute();
}

/** Inserts the row unless its slug exists; true when this call inserted it. */
export async function insertCampaignIfAbsent(db: Kysely<Database>, row: Insertable<CampaignsTable>): Promise<boolean> {
  const result = await db
    .insertInto('campaigns')
    .values(row)
    .onConflict((oc) => oc.column('slug').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Replaces the definition when its hash differs, counting one more version; true when a row changed. */
export async function updateCampaignDefinition(
  db: Kysely<Database>,
  slug: string,
  values: Pick<CampaignsTable, 'edition' | 'definition' | 'content_hash' | 'source_file' | 'time_zone' | 'opens_at' | 'closes_at' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('campaigns')
    .set((eb) => ({ ...values, definition_version: eb('definition_version', '+', 1) }))
    .where('slug', '=', slug)
    .where('content_hash', '<>', values.content_hash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findCampaignSlugById(db: Kysely<Database>, id: string): Promise<{ slug: string } | undefined> {
  return db.selectFrom('campaigns').select('slug').where('id', '=', id).executeTakeFirst();
}
