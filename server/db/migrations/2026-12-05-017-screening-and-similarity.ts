import { sql, type Kysely } from 'kysely';

// Screening (初审) and near-duplicates. A case's screening outcome for its current submitted
// version is a column of cases (pending until an organizer passes or rejects it; a return for
// correction uses the existing status). Each case's MinHash signature (core/similarity) is stored
// per submitted version, as are cases of earlier campaigns imported from a file, so a check needs
// no text but the candidates'. Matches found by the job are stored in both directions, against a
// case of the campaign or an imported reference case. Frozen in time: never import application code.

const listOf = (values: string[]) => sql.join(values.map((v) => sql.lit(v)));

/** Runs `work` in one transaction (the migrator opens one on PostgreSQL only; see 004). */
async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    // SQLite checks a CHECK constraint of an added column on rows written after; every existing row takes the default.
    await trx.schema.alterTable('cases')
      .addColumn('screening', 'text', (c) => c.notNull().defaultTo('pending').check(sql`screening in (${listOf(['pending', 'passed', 'rejected'])})`))
      .execute();

    await trx.schema
      .createTable('case_signatures')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('submission_id', 'text', (c) => c.notNull().references('case_submissions.id'))
      // signature-codec.ts: 128 MinHash values as base64.
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('shingles', 'integer', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('case_signatures_campaign').on('case_signatures').column('campaign_id').execute();

    await trx.schema
      .createTable('reference_cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Which earlier campaign (edition) the case came from, as the import file names it.
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('unit_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('shingles', 'integer', (c) => c.notNull())
      .addColumn('text_sha256', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('reference_cases_once').on('reference_cases').columns(['source', 'text_sha256']).unique().execute();

    await trx.schema
      .createTable('similarity_matches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('submission_id', 'text', (c) => c.notNull().references('case_submissions.id'))
      .addColumn('other_case_id', 'text', (c) => c.references('cases.id').onDelete('cascade'))
      .addColumn('reference_id', 'text', (c) => c.references('reference_cases.id').onDelete('cascade'))
      .addColumn('estimated', 'real', (c) => c.notNull())
      .addColumn('exact', 'real', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addCheckConstraint('similarity_matches_one_other', sql`(other_case_id is null) <> (reference_id is null)`)
      .execute();
    await trx.schema.createIndex('similarity_matches_case').on('similarity_matches').columns(['case_id', 'exact']).execute();
    await trx.schema.createIndex('similarity_matches_campaign').on('similarity_matches').column('campaign_id').execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropTable('similarity_matches').execute();
    await trx.schema.dropTable('reference_cases').execute();
    await trx.schema.dropTable('case_signatures').execute();
    await trx.schema.alterTable('cases').dropColumn('screening').execute();
  });
}
