import { sql, SqliteAdapter, type Kysely } from 'kysely';

// A campaign moves through phases (collection, screening, review, selection, notice, final) and
// counts the versions of its definition, so scores, assignments and decisions can name the one
// they were made under. A case's status is checked by the database, not only by the code: on
// PostgreSQL by a CHECK constraint; SQLite cannot add one to an existing table without rebuilding
// it (and every table referencing cases), so two triggers refuse the same rows there.
// Frozen in time: never import application code here; a new status needs a new migration.

const PHASES = ['collection', 'screening', 'review', 'selection', 'notice', 'final'];
const STATUSES = ['draft', 'submitted', 'withdrawn', 'returned'];

const listOf = (values: string[]) => sql.join(values.map((v) => sql.lit(v)));

/** Runs `work` in one transaction (the migrator opens one on PostgreSQL only; see 004). */
async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.alterTable('campaigns')
      .addColumn('phase', 'text', (c) => c.notNull().defaultTo('collection').check(sql`phase in (${listOf(PHASES)})`))
      .execute();
    await trx.schema.alterTable('campaigns').addColumn('phase_changed_at', 'text').execute();
    // Starts at 1 and grows by one whenever a synced file changes the stored definition.
    await trx.schema.alterTable('campaigns').addColumn('definition_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();

    if (isSqlite(trx)) {
      for (const [name, when] of [['cases_status_known_insert', 'before insert'], ['cases_status_known_update', 'before update of status']] as const) {
        await sql`create trigger ${sql.id(name)} ${sql.raw(when)} on cases
          when new.status not in (${listOf(STATUSES)})
          begin select raise(abort, 'CHECK constraint failed: cases_status_known'); end`.execute(trx);
      }
    } else {
      await sql`alter table cases add constraint cases_status_known check (status in (${listOf(STATUSES)}))`.execute(trx);
    }
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    if (isSqlite(trx)) {
      await sql`drop trigger cases_status_known_update`.execute(trx);
      await sql`drop trigger cases_status_known_insert`.execute(trx);
    } else {
      await sql`alter table cases drop constraint cases_status_known`.execute(trx);
    }
    await trx.schema.alterTable('campaigns').dropColumn('definition_version').execute();
    await trx.schema.alterTable('campaigns').dropColumn('phase_changed_at').execute();
    await trx.schema.alterTable('campaigns').dropColumn('phase').execute();
  });
}
