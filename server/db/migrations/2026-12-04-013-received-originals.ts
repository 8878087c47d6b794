import { sql, type Kysely } from 'kysely';

// An attachment names the bytes the platform received as well as those it stores: a picture is
// re-encoded on upload, and the unit checks its receipt against its own file. Every file kept as
// received stores the same bytes, so its received hash is its stored one; a picture uploaded
// before this keeps no original and stays NULL.
// Frozen in time: never import application code here.

const REENCODED = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachments').addColumn('received_sha256', 'text').execute();
  await db.schema.alterTable('attachments').addColumn('received_size', 'bigint').execute();
  await db.updateTable('attachments')
    .set({ received_sha256: sql`sha256`, received_size: sql`size` })
    .where('media_type', 'not in', REENCODED)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachments').dropColumn('received_size').execute();
  await db.schema.alterTable('attachments').dropColumn('received_sha256').execute();
}
