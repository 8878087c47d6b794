import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ImportedCasesTable } from '../../db/schema-library-import.ts';

// The SQL of imported earlier-edition cases (migration 032).

/** Of `keys`, those already imported into the campaign. */
export async function findImportedKeys(db: Kysely<Database>, campaignId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const found = new Set<string>();
  // In slices: a statement's parameters are bounded on both engines.
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('imported_cases').select('duplicate_key')
      .where('campaign_id', '=', campaignId).where('duplicate_key', 'in', keys.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.duplicate_key);
  }
  return found;
}

export async function insertImportedCase(db: Kysely<Database>, row: Insertable<ImportedCasesTable>): Promise<void> {
  await db.insertInto('imported_cases').values(row).execute();
}

/** An imported case by its public id, with its campaign's slug. */
export async function findImportedCase(db: Kysely<Database>, publicId: string) {
  return db.selectFrom('imported_cases as i').innerJoin('campaigns as k', 'k.id', 'i.campaign_id')
    .where('i.id', '=', publicId).selectAll('i').select('k.slug').executeTakeFirst();
}
