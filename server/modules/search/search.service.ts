import type { Kysely } from 'kysely';
import { parseQuery } from '../../../core/search/normalize.ts';
import { buildSnippet } from '../../../core/search/snippet.ts';
import { termTokens } from '../../../core/search/tokens.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { countSearchMatches, findSearchPage, findSearchTexts, type SearchFilters, type SearchPlan } from './search.repository.ts';

// The case library's search: exactly the documents a LIKE '%term%' scan of the normalized title,
// unit name, summary and body finds for every term, ranked, a page at a time (decision 0038).

export const MAX_PAGE_SIZE = 50;

export interface SearchInput extends SearchFilters {
  query: string;
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: string;
  title: string;
  unitName: string;
  campaignSlug: string;
  category: string;
  tier: 'best' | 'excellent' | null;
  province: string | null;
  /** ISO-8601 UTC. */
  publishedAt: string;
  /** Safe HTML: the text escaped, matches in <mark>. */
  snippet: string;
  /** 2 for each term in the title, 1 for each in the unit name; 0 for an empty query. */
  score: number;
}

/** The query's terms with their index tokens; refuses a query too long or with too many terms. */
export function planSearch(query: string): SearchPlan {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new AppError(parsed.problem === 'too_long' ? 'search_query_too_long' : 'search_query_too_many_terms', { max: parsed.max });
  return { terms: parsed.terms.map((term) => ({ term, ...termTokens(term) })) };
}

/** One page of matching documents, best first; an empty query lists the filtered documents newest first. */
export async function searchDocuments(db: Kysely<Database>, input: SearchInput): Promise<{ total: number; items: SearchHit[] }> {
  if (!Number.isInteger(input.page) || input.page < 1) throw new AppError('invalid_request', { detail: 'page' });
  if (!Number.isInteger(input.pageSize) || input.pageSize < 1 || input.pageSize > MAX_PAGE_SIZE) throw new AppError('invalid_request', { detail: 'pageSize' });
  const plan = planSearch(input.query);
  const filters: SearchFilters = { campaignSlug: input.campaignSlug, category: input.category, tier: input.tier, province: input.province, shownNow: input.shownNow };
  const total = await countSearchMatches(db, plan, filters);
  const rows = total === 0 ? [] : await findSearchPage(db, plan, filters, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }, { total });
  const texts = new Map((await findSearchTexts(db, rows.map((r) => r.doc_no))).map((t) => [t.doc_no, t]));
  const items = rows.map((row): SearchHit => {
    const text = texts.get(row.doc_no);
    return {
      id: row.id,
      title: row.title,
      unitName: row.unit_name,
      campaignSlug: row.campaign_slug,
      category: row.category,
      tier: row.tier,
      province: row.province,
      publishedAt: row.published_at,
      snippet: buildSnippet(text ? `${text.summary}\n${text.body}` : '', plan.terms.map((t) => t.term)),
      score: Number(row.score),
    };
  });
  return { total, items };
}
