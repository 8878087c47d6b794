import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { forgetCampaignVersions, listCampaigns, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { CachedPage } from './cached-page.ts';
import { GenerationWatch } from './generation-watch.ts';
import { DEFAULT_PAGE_CACHE_LIMITS, PageCache, type PageCacheLimits } from './page-cache.ts';
import { readPublicGeneration } from './public-generation.repository.ts';

// The in-process cache of public pages (issue 16, item 4; decision 0042). Correct with several
// instances on one database: before a page is served from the cache, the generation is read from
// the database (one read shared by the requests that arrive together), and the cache keeps pages
// of the current generation only.

export interface RenderedPage {
  status: number;
  type: string;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export interface PublicCache {
  /** The page under `key` in `generation`, rendered by `render` when not cached; `key` undefined: never cached. */
  page(generation: number, key: string | undefined, render: () => Promise<RenderedPage>): Promise<CachedPage>;
  /** Every campaign, read once per generation (what the home page, special pages and feeds show of them). */
  campaigns(generation: number): Promise<StoredCampaign[]>;
  /** The current generation, read after this call (see GenerationWatch). */
  generation(): Promise<number>;
  /** How many pages and bytes are held. */
  readonly size: { entries: number; bytes: number };
}

/** Which statuses are kept: a page, and the page of a case taken down (410). Errors never are. */
const CACHEABLE = new Set([200, 410]);

export function createPublicCache(db: Kysely<Database>, limits: PageCacheLimits = DEFAULT_PAGE_CACHE_LIMITS): PublicCache {
  const cache = new PageCache(limits);
  let campaigns: { generation: number; list: Promise<StoredCampaign[]> } | undefined;
  const watch = new GenerationWatch(() => readPublicGeneration(db), (generation) => {
    cache.enter(generation);
    campaigns = undefined;
    // Campaigns are otherwise re-read at most once a second per instance: a page rendered for the
    // new generation must see the campaign as it is now, or it would be kept as it was.
    forgetCampaignVersions(db);
  });

  return {
    generation: () => watch.current(),
    campaigns(generation) {
      // Remembered for the generation seen last only; a caller behind it reads its own.
      if (generation !== watch.known) return listCampaigns(db);
      if (campaigns?.generation !== generation) {
        const list = listCampaigns(db);
        campaigns = { generation, list };
        list.catch(() => {
          if (campaigns?.list === list) campaigns = undefined;
        });
      }
      return campaigns.list;
    },
    async page(generation, key, render) {
      const cached = key === undefined ? undefined : cache.get(key, generation);
      if (cached) return cached;
      const rendered = await render();
      const kept = key !== undefined && CACHEABLE.has(rendered.status) && limits.maxEntries > 0;
      const page = new CachedPage(rendered, kept);
      if (kept) cache.set(key, generation, page);
      return page;
    },
    get size() {
      return { entries: cache.size, bytes: cache.bytes };
    },
  };
}
