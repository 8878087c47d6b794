import type { Kysely } from 'kysely';

// A superior organization's recommendation is bound to the text it was given on: the hash of the
// case's canonical content when it decided, and that content itself, so a later change voids the
// recommendation and the superior is shown what changed. The working copy's hash is kept on the
// case so lists tell a standing recommendation from a void one without reading every text.
// Recommendations recorded before this have no hash and no longer stand: nobody can tell which
// text they were given on. A case may name a registered unit as its superior organization, whose
// members then recommend while signed in, and each recommendation records how its author was
// known (signed in, a registered unit member's address, or an unverified address). Frozen in
// time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('content_sha256', 'text').execute();
  await db.schema.alterTable('cases').addColumn('recommendation_sha256', 'text').execute();
  await db.schema.alterTable('case_contents').addColumn('reviewed_content', 'text').execute();
  // No foreign key: SQLite cannot drop a column that has one, and a merged unit's id still
  // leads to its survivor (organizations.merged_into).
  await db.schema.alterTable('cases').addColumn('superior_organization_id', 'text').execute();
  await db.schema.alterTable('cases').addColumn('recommendation_verification', 'text').execute();
  await db.schema.createIndex('cases_superior_organization').on('cases').column('superior_organization_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_superior_organization').execute();
  await db.schema.alterTable('cases').dropColumn('recommendation_verification').execute();
  await db.schema.alterTable('cases').dropColumn('superior_organization_id').execute();
  await db.schema.alterTable('case_contents').dropColumn('reviewed_content').execute();
  await db.schema.alterTable('cases').dropColumn('recommendation_sha256').execute();
  await db.schema.alterTable('cases').dropColumn('content_sha256').execute();
}
