import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The generation of what the public pages show (migration 033, decision 0042): one row, bumped by
// triggers in the transaction of every write that can change a public page.

/** The current generation: one primary-key read. */
export async function readPublicGeneration(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select n from public_generation where id = 1`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
