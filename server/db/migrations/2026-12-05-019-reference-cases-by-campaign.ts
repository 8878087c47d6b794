import type { Kysely } from 'kysely';

// Reference cases (cases of earlier campaigns, imported from a file) belong to the campaign whose
// organizers imported them: only they compare against them and read their text. The column is
// nullable because SQLite cannot add a NOT NULL column that references another table; every row
// the import writes names its campaign. One source's text is kept once per campaign.
// Frozen in time: never import application code.

async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.alterTable('reference_cases')
      .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id').onDelete('cascade'))
      .execute();
    await trx.schema.dropIndex('reference_cases_once').execute();
    await trx.schema.createIndex('reference_cases_once').on('reference_cases').columns(['campaign_id', 'source', 'text_sha256']).unique().execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropIndex('reference_cases_once').execute();
    await trx.schema.alterTable('reference_cases').dropColumn('campaign_id').execute();
    await trx.schema.createIndex('reference_cases_once').on('reference_cases').columns(['source', 'text_sha256']).unique().execute();
  });
}
