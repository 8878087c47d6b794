import type { Kysely } from 'kysely';

// Cases are found by campaign through an index on the campaign alone. The old index also held
// the status, so every status change moved the case's entry between two parts of the index:
// two more pages written by every submit, return and withdrawal. An organizer's list reads the
// campaign's cases in full and sorts them anyway, so filtering by status costs nothing extra.
// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_campaign').on('cases').column('campaign_id').execute();
  await db.schema.dropIndex('cases_campaign_status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_campaign_status').on('cases').columns(['campaign_id', 'status']).execute();
  await db.schema.dropIndex('cases_campaign').execute();
}
