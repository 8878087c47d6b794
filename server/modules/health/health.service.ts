import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { pingDatabase } from './health.repository.ts';

/** Whether this instance can serve: true only when the database answers a query. */
export async function databaseAnswers(db: Kysely<Database>): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await pingDatabase(db);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}
