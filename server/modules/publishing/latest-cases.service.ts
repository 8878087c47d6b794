import type { Kysely } from 'kysely';
import { displaysDuringCollection, publicationRefusal, publicTier, type PublicTier } from '../../../core/publishing/publication-rules.ts';
import type { Database } from '../../db/schema.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { findNewestCopies } from './latest-cases.repository.ts';

// A campaign's newest cases shown now (issue 16, item 5): its Atom feed and its special page's
// list. Each passes publicationRefusal, the very rule of the case page, so neither lists a case
// whose page would answer 404.

export interface LatestCase {
  publicId: string;
  title: string;
  unitName: string;
  category: string;
  tier: PublicTier | null;
  /** Sanitized case HTML. */
  summary: string;
  publishedAt: string;
  firstPublishedAt: string;
  updatedAt: string;
}

const BATCH = 200;

/** At most `limit` of the campaign's cases shown now, the most recently published first. */
export async function latestShownCases(db: Kysely<Database>, campaign: StoredCampaign, limit: number): Promise<LatestCase[]> {
  const display = displaysDuringCollection(campaign.definition);
  const found: LatestCase[] = [];
  for (let offset = 0; found.length < limit; offset += BATCH) {
    const rows = await findNewestCopies(db, campaign.id, { limit: BATCH, offset });
    for (const r of rows) {
      const facts = { final: r.phase === 'final', finalTier: r.final_tier ?? null };
      if (publicationRefusal({ status: r.status, screening: r.screening, ...facts, displayDuringCollection: display }) !== null) continue;
      const publishedAt = r.published_at ?? r.updated_at;
      found.push({
        publicId: r.id, title: r.title, unitName: r.unit_name, category: r.category, tier: publicTier(facts), summary: r.summary,
        publishedAt, firstPublishedAt: r.first_published_at ?? publishedAt, updatedAt: r.updated_at,
      });
      if (found.length === limit) break;
    }
    if (rows.length < BATCH) break;
  }
  return found;
}
