import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Evidence files of objections to the public notice (decision 0036). An upload now belongs to a
// case (a unit's account sends it) or to an objection (a visitor holding the objection's upload
// token sends it, with no account): case_id and created_by become nullable, objection_id is
// added, and a CHECK keeps exactly one owner. SQLite cannot relax NOT NULL in place, so there the
// uploads table is rebuilt, with upload_pieces (which references it) rebuilt alongside. A
// finished evidence file is a row of objection_files. Frozen in time: never import application
// code here.

/** Runs `work` in one transaction (the migrator opens one on PostgreSQL only; see 004). */
async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

const UPLOAD_COLUMNS = ['id', 'case_id', 'kind', 'file_name', 'length', 'offset', 'created_by', 'created_at', 'updated_at', 'expires_at', 'attachment_id', 'writer', 'writer_until'];
const columnList = (names: string[]) => sql.join(names.map((n) => sql.id(n)));

/** SQLite: the uploads table (and upload_pieces) in the shape `withObjections` says, rows kept. */
async function rebuildUploads(trx: Kysely<any>, withObjections: boolean): Promise<void> {
  let table = trx.schema.createTable('uploads_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => (withObjections ? c : c.notNull()).references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('length', 'bigint', (c) => c.notNull())
    .addColumn('offset', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => (withObjections ? c : c.notNull()).references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text')
    .addColumn('writer', 'text')
    .addColumn('writer_until', 'text');
  if (withObjections) {
    table = table
      .addColumn('objection_id', 'text', (c) => c.references('objections.id').onDelete('cascade'))
      .addCheckConstraint('uploads_owner', sql`(case_id is not null and created_by is not null and objection_id is null) or (case_id is null and objection_id is not null)`);
  }
  await table.execute();
  await sql`insert into uploads_next (${columnList(UPLOAD_COLUMNS)}) select ${columnList(UPLOAD_COLUMNS)} from uploads where case_id is not null`.execute(trx);
  await trx.schema
    .createTable('upload_pieces_next')
    .addColumn('upload_id', 'text', (c) => c.notNull().references('uploads_next.id').onDelete('cascade'))
    .addColumn('start', 'bigint', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('upload_pieces_pk', ['upload_id', 'start'])
    .execute();
  await sql`insert into upload_pieces_next (upload_id, start, size, key) select p.upload_id, p.start, p.size, p.key from upload_pieces p join uploads_next u on u.id = p.upload_id`.execute(trx);
  await trx.schema.dropTable('upload_pieces').execute();
  await trx.schema.dropTable('uploads').execute();
  // Renaming rewrites upload_pieces_next's reference to the new name.
  await sql`alter table uploads_next rename to uploads`.execute(trx);
  await sql`alter table upload_pieces_next rename to upload_pieces`.execute(trx);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    // Only the token's SHA-256 is kept; it lets the objection's author send files until it runs out.
    await trx.schema.alterTable('objections').addColumn('upload_token_hash', 'text').execute();
    await trx.schema.alterTable('objections').addColumn('upload_token_expires_at', 'text').execute();

    await trx.schema
      .createTable('objection_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('objection_id', 'text', (c) => c.notNull().references('objections.id').onDelete('cascade'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('objection_files_objection').on('objection_files').columns(['objection_id', 'created_at']).execute();

    if (isSqlite(trx)) {
      await rebuildUploads(trx, true);
    } else {
      await sql`alter table uploads alter column case_id drop not null`.execute(trx);
      await sql`alter table uploads alter column created_by drop not null`.execute(trx);
      await trx.schema.alterTable('uploads').addColumn('objection_id', 'text', (c) => c.references('objections.id').onDelete('cascade')).execute();
      await sql`alter table uploads add constraint uploads_owner check ((case_id is not null and created_by is not null and objection_id is null) or (case_id is null and objection_id is not null))`.execute(trx);
    }
    await trx.schema.createIndex('uploads_objection').on('uploads').columns(['objection_id']).execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    // Evidence uploads in progress have no place in the older shape.
    if (isSqlite(trx)) {
      await rebuildUploads(trx, false);
    } else {
      await trx.schema.dropIndex('uploads_objection').execute();
      await trx.deleteFrom('uploads').where('case_id', 'is', null).execute();
      await sql`alter table uploads drop constraint uploads_owner`.execute(trx);
      await trx.schema.alterTable('uploads').dropColumn('objection_id').execute();
      await sql`alter table uploads alter column created_by set not null`.execute(trx);
      await sql`alter table uploads alter column case_id set not null`.execute(trx);
    }
    await trx.schema.dropTable('objection_files').execute();
    await trx.schema.alterTable('objections').dropColumn('upload_token_expires_at').execute();
    await trx.schema.alterTable('objections').dropColumn('upload_token_hash').execute();
  });
}
