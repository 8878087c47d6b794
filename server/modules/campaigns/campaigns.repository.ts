import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CampaignsTable, Database } from '../../db/schema.ts';

export type CampaignRow = Selectable<CampaignsTable>;

export async function findCampaignBySlug(db: Kysely<Database>, slug: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findCampaignHashBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Pick<CampaignRow, 'id' | 'content_hash'> | undefined> {
  return db.selectFrom('campaigns').select(['id', 'content_hash']).where('slug', '=', slug).executeTakeFirst();
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

/** Replaces the definition when its hash differs; true when a row changed. */
export async function updateCampaignDefinition(
  db: Kysely<Database>,
  slug: string,
  values: Pick<CampaignsTable, 'edition' | 'definition' | 'content_hash' | 'source_file' | 'time_zone' | 'opens_at' | 'closes_at' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('campaigns')
    .set(values)
    .where('slug', '=', slug)
    .where('content_hash', '<>', values.content_hash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findCampaignSlugById(db: Kysely<Database>, id: string): Promise<{ slug: string } | undefined> {
  return db.selectFrom('campaigns').select('slug').where('id', '=', id).executeTakeFirst();
}
