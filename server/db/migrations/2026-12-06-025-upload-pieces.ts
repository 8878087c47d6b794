import type { Kysely } from 'kysely';

// The pieces of an upload in progress kept in an S3 bucket, each under a name of its own: only
// a piece recorded here, by the instance holding the writer's lease, is part of the upload, so
// a late put by an instance that lost the lease can never replace a recorded piece. One row per
// start offset (a piece sent again from the same offset replaces the row). Frozen in time: never
// import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('upload_pieces')
    .addColumn('upload_id', 'text', (c) => c.notNull().references('uploads.id').onDelete('cascade'))
    .addColumn('start', 'bigint', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('upload_pieces_pk', ['upload_id', 'start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('upload_pieces').execute();
}
