import type { Kysely } from 'kysely';

// A superior organization's recommendation is bound to the text it was given on: the hash of the
// case's canonical content when it decided, and that content itself, so a later change voids the
// recommendation and the superior is shown what changed. The working copy's hash is kept on the
// case so lists tell a standing recommendation from a void one without reading every text.
// Recommendations recorded before this have no hash and no longer stand: nobody can tell which
// text they were given on. Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('content_sha256', 'text').execute();
  await db.schema.alterTable('cases').addColumn('recommendation_sha256', 'text').execute();
  await db.schema.alterTable('case_contents').addColumn('reviewed_content', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_contents').dropColumn('reviewed_content').execute();
  await db.schema.alterTable('cases').dropColumn('recommendation_sha256').execute();
  await db.schema.alterTable('cases').dropColumn('content_sha256').execute();
}
