import type { Kysely } from 'kysely';

// Using a reset link or changing the password ends every other reset link of the account, found
// by its user: without this index each of those updates read the whole one-time link table.
// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('one_time_tokens_user').on('one_time_tokens').columns(['user_id', 'kind']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('one_time_tokens_user').execute();
}
