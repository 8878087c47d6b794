import type { Kysely } from 'kysely';

// Which instance is writing an upload, until when: the lease that keeps two instances behind a
// load balancer from writing one upload's bytes at once. Renewed while bytes arrive; a crashed
// instance's lease simply runs out. Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uploads').addColumn('writer', 'text').execute();
  await db.schema.alterTable('uploads').addColumn('writer_until', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uploads').dropColumn('writer_until').execute();
  await db.schema.alterTable('uploads').dropColumn('writer').execute();
}
