import { sql, type Kysely } from 'kysely';

// The language an objection was filed in, so its outcome reaches the author in that language.
// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('objections')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN').check(sql`locale in ('zh-CN', 'en')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('objections').dropColumn('locale').execute();
}
