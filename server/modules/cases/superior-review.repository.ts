import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// SQL of the superior organization's review: the text it last decided on.

/** The content (JSON) the superior organization last decided on, if it ever did. */
export async function findReviewedContent(db: Kysely<Database>, caseId: string): Promise<string | null> {
  const row = await db.selectFrom('case_contents').select('reviewed_content').where('case_id', '=', caseId).executeTakeFirst();
  return row?.reviewed_content ?? null;
}

export async function saveReviewedContent(db: Kysely<Database>, caseId: string, content: string): Promise<void> {
  await db.updateTable('case_contents').set({ reviewed_content: content }).where('case_id', '=', caseId).execute();
}
