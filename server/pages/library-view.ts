import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import { parseQuery } from '../../core/search/normalize.ts';
import { buildSnippet } from '../../core/search/snippet.ts';
import { formatInZone } from '../../core/time/zoned-time.ts';
import { listDivisions } from '../modules/divisions/divisions.service.ts';
import type { StoredCampaign } from '../modules/campaigns/campaigns.service.ts';
import type { LibraryQuery, LibraryResult } from '../modules/search/library.service.ts';
import { publicCasePath } from './page-urls.ts';

// What the case library page shows, in the reader's language: the form's choices, each result
// with its link and facts, the paging links and, for an empty result, what to change.

export const LIBRARY_PATH = '/library';
export const DEFAULT_PAGE_SIZE = 20;

export interface Option { value: string; label: string }
export interface LibraryHitView {
  path: string;
  title: string;
  /** Safe HTML: the title escaped, the query's terms in <mark>. */
  titleHtml: string;
  unitName: string;
  facts: string[];
  tier: string | null;
  published: string;
  publishedAt: string;
  /** Safe HTML from core/search/snippet.ts: escaped text, matches in <mark>. */
  snippet: string;
}
export interface PageLink { page: number; href: string; current: boolean }

/** The library's address for these choices; empty choices, page 1 and the default size are left out. */
export function libraryUrl(query: Partial<LibraryQuery>, locale: Locale): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of ['campaign', 'category', 'tier', 'province'] as const) if (query[key]) params.set(key, query[key]);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(query.pageSize));
  params.set('lang', locale);
  return `${LIBRARY_PATH}?${params.toString()}`;
}

/** The library filtered to one campaign: what its special page links to. */
export const campaignLibraryUrl = (slug: string, locale: Locale) => libraryUrl({ campaign: slug }, locale);

function byKey(campaigns: StoredCampaign[], pick: (c: StoredCampaign) => { key: string; name: Record<Locale, string> }[], locale: Locale): Option[] {
  const seen = new Map<string, string>();
  for (const c of campaigns) for (const item of pick(c)) if (!seen.has(item.key)) seen.set(item.key, item.name[locale]);
  return [...seen].map(([value, label]) => ({ value, label }));
}

export function provinceOptions(): Option[] {
  return (listDivisions() ?? []).map((d) => ({ value: d.code.slice(0, 2), label: d.name }));
}

export interface LibraryView {
  campaigns: Option[];
  categories: Option[];
  tiers: Option[];
  provinces: Option[];
  hits: LibraryHitView[];
  /** The active filters, each with the address without it. */
  filters: { name: string; value: string; without: string }[];
  pages: PageLink[];
  previous: string | null;
  next: string | null;
  lastPage: number;
  from: number;
  to: number;
}

/** Everything the page renders besides the form's own values; `result` is absent when the query was refused. */
export function libraryView(query: LibraryQuery, result: LibraryResult | undefined, campaigns: StoredCampaign[], locale: Locale): LibraryView {
  const t = translator(locale);
  // The chosen campaign's own names first; the others' for keys it lacks.
  const chosen = campaigns.filter((c) => c.definition.slug === query.campaign);
  const ordered = [...chosen, ...campaigns.filter((c) => !chosen.includes(c))];
  const categories = byKey(chosen.length > 0 ? chosen : ordered, (c) => c.definition.categories, locale);
  const tiers = byKey(ordered, (c) => c.definition.tiers, locale);
  const provinces = provinceOptions();
  const campaignOptions = campaigns.map((c) => ({ value: c.definition.slug, label: c.definition.title[locale] }));
  const labelOf = (options: Option[], value: string) => options.find((o) => o.value === value)?.label ?? value;
  const parsed = parseQuery(query.q);
  const terms = parsed.ok ? parsed.terms : [];
  const bySlug = new Map(campaigns.map((c) => [c.definition.slug, c]));
  const hits = (result?.items ?? []).map((hit): LibraryHitView => {
    const campaign = bySlug.get(hit.campaignSlug);
    const definition = campaign?.definition;
    const category = definition?.categories.find((c) => c.key === hit.category)?.name[locale] ?? hit.category;
    const tier = hit.tier ? definition?.tiers.find((x) => x.key === hit.tier)?.name[locale] ?? hit.tier : null;
    const province = hit.province ? labelOf(provinces, hit.province) : null;
    const date = formatInZone(new Date(hit.publishedAt), campaign?.window.timeZone ?? 'Asia/Shanghai').slice(0, 10);
    return {
      path: `${publicCasePath(hit.campaignSlug, hit.id)}?lang=${locale}`, title: hit.title, unitName: hit.unitName,
      titleHtml: buildSnippet(hit.title, terms, Number.MAX_SAFE_INTEGER),
      facts: [province, category, definition?.title[locale]].filter((f): f is string => !!f),
      tier, published: t('library.published', { date }), publishedAt: hit.publishedAt, snippet: hit.snippet,
    };
  });
  const filters = ([
    ['campaign', t('library.campaign'), campaignOptions],
    ['category', t('library.category'), categories],
    ['tier', t('library.tier'), tiers],
    ['province', t('library.province'), provinces],
  ] as const).filter(([key]) => query[key]).map(([key, name, options]) => ({
    name, value: labelOf(options, query[key]!), without: libraryUrl({ ...query, [key]: undefined, page: 1 }, locale),
  }));
  const total = result?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / query.pageSize));
  const at = (page: number) => libraryUrl({ ...query, page }, locale);
  // The first, the last and two either side of this one: a short row that still reaches everything.
  const numbers = [...new Set([1, query.page - 2, query.page - 1, query.page, query.page + 1, query.page + 2, lastPage])]
    .filter((n) => n >= 1 && n <= lastPage).sort((a, b) => a - b);
  return {
    campaigns: campaignOptions, categories, tiers, provinces, hits, filters,
    pages: total > query.pageSize ? numbers.map((page) => ({ page, href: at(page), current: page === query.page })) : [],
    previous: query.page > 1 && query.page <= lastPage ? at(query.page - 1) : null,
    next: query.page < lastPage ? at(query.page + 1) : null,
    lastPage,
    from: Math.min(total, (query.page - 1) * query.pageSize + 1),
    to: Math.min(total, query.page * query.pageSize),
  };
}
