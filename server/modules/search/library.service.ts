import type { Kysely } from 'kysely';
import { displaysDuringCollection } from '../../../core/publishing/publication-rules.ts';
import type { Database } from '../../db/schema.ts';
import { listCampaigns, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { countShownCases, listShownCases } from './search.repository.ts';
import { searchDocuments, type SearchHit } from './search.service.ts';

// The public case library (issue 16, item 3; decision 0041): the search over every campaign's
// published cases, holding only what may be shown now. The index may still hold a case whose
// unit withdrew it or whose screening was reversed; the rule is applied in the query itself, so
// neither a result nor a count can reveal it.

/** What the page and the API may ask for; `page` counts from 1. */
export interface LibraryQuery {
  q: string;
  campaign?: string | undefined;
  category?: string | undefined;
  tier?: 'best' | 'excellent' | undefined;
  province?: string | undefined;
  page: number;
  pageSize: number;
}

export interface LibraryResult {
  total: number;
  items: SearchHit[];
  campaigns: StoredCampaign[];
}

/** One page of the published cases anyone may read now, best first; refuses a query too long (AppError). */
export async function searchLibrary(db: Kysely<Database>, query: LibraryQuery): Promise<LibraryResult> {
  const campaigns = await listCampaigns(db);
  const { total, items } = await searchDocuments(db, {
    query: query.q, page: query.page, pageSize: query.pageSize,
    campaignSlug: query.campaign, category: query.category, tier: query.tier, province: query.province,
    shownNow: { displayCampaignIds: campaigns.filter((c) => displaysDuringCollection(c.definition)).map((c) => c.id) },
  });
  return { total, items, campaigns };
}

async function displayCampaignIds(db: Kysely<Database>): Promise<string[]> {
  return (await listCampaigns(db)).filter((c) => displaysDuringCollection(c.definition)).map((c) => c.id);
}

/** How many published cases anyone may read now (the sitemap's count). */
export async function countCasesShownNow(db: Kysely<Database>): Promise<number> {
  return countShownCases(db, await displayCampaignIds(db));
}

/** The published cases anyone may read now, by id, a slice at a time (the sitemap's files). */
export async function listCasesShownNow(db: Kysely<Database>, page: { limit: number; offset: number }) {
  return listShownCases(db, await displayCampaignIds(db), page);
}

