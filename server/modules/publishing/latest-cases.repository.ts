import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The newest published copies of one campaign, with what deciding whether each is shown now
// needs (the case's status and screening, the campaign's phase, the final tier): the feed and
// the special page's list (decision 0042).

export async function findNewestCopies(db: Kysely<Database>, campaignId: string, page: { limit: number; offset: number }) {
  return db.selectFrom('published_cases as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('campaigns as k', 'k.id', 'p.campaign_id')
    .leftJoin('final_results as f', (join) => join.onRef('f.case_id', '=', 'p.case_id').onRef('f.campaign_id', '=', 'p.campaign_id'))
    .where('p.campaign_id', '=', campaignId)
    .where('p.state', '=', 'published')
    .select([
      'p.id', 'p.title', 'p.unit_name', 'p.category', 'p.summary', 'p.published_at', 'p.first_published_at', 'p.updated_at',
      'c.status', 'c.screening', 'k.phase', 'f.tier as final_tier',
    ])
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'asc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
