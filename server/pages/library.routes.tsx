import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../../core/i18n/messages.ts';
import { MAX_QUERY_CHARS } from '../../core/search/normalize.ts';
import { AppError } from '../errors.ts';
import { errorResponseSchema } from '../http/error-schema.ts';
import { clientNetwork } from '../shared/client-network.ts';
import { searchLibrary, type LibraryQuery, type LibraryResult } from '../modules/search/library.service.ts';
import { MAX_PAGE_SIZE } from '../modules/search/search.service.ts';
import { renderDocument } from './layout.tsx';
import { LibraryPage } from './library-page.tsx';
import { DEFAULT_PAGE_SIZE, LIBRARY_PATH, libraryUrl, libraryView } from './library-view.ts';
import { publicCasePath } from './page-urls.ts';
import { sendPublicPage } from './public-answer.ts';

// The case library (issue 16, item 3; decision 0041): the public page and the same search as
// JSON. Both are open to anyone and hold only cases shown now (library.service.ts).

const filterText = z.string().max(64).optional();
const libraryQuerystring = z.object({
  q: z.string().optional().describe('words to search for, separated by spaces; at most 100 characters and 8 words'),
  campaign: filterText.describe('a campaign slug'),
  category: filterText.describe('a category key of the campaign'),
  tier: filterText.describe('best or excellent'),
  province: filterText.describe('the two-digit code of a province (GB/T 2260), e.g. 44'),
  page: z.string().max(12).optional().describe('from 1'),
  size: z.string().max(12).optional().describe(`results per page, at most ${MAX_PAGE_SIZE}`),
  lang: z.string().max(100).optional().describe('zh-CN or en'),
});
type RawQuery = z.infer<typeof libraryQuerystring>;

const libraryResponse = z.object({
  data: z.object({
    total: z.number().int().describe('how many cases match, over every page'),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(z.object({
      publicId: z.string(),
      path: z.string().describe('the case page'),
      title: z.string(),
      unitName: z.string(),
      campaign: z.string().describe('campaign slug'),
      category: z.string(),
      tier: z.enum(['best', 'excellent']).nullable(),
      province: z.string().nullable(),
      publishedAt: z.string(),
      snippet: z.string().describe('safe HTML: the text escaped, matches in <mark>'),
    })),
  }),
});

/**
 * Searches one network may make a minute, on the page and on the API each (decision 0045). A
 * reader pages and refines a few times a minute; a network behind a carrier NAT holds many
 * readers, hence the room. Counted per network (an IPv6 /64 is one) in the database, so every
 * instance counts together; the 429 says in the caller's language how many minutes to wait.
 */
export const LIBRARY_SEARCHES_PER_MINUTE = 120;
const searchLimit = { max: LIBRARY_SEARCHES_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (request: { ip: string }) => clientNetwork(request.ip) };

const whole = (text: string | undefined) => (text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined);

/** The reader's choices, leniently: a filter that cannot be one is left out, a page out of range is the nearest that is. */
function libraryQuery(raw: RawQuery): LibraryQuery {
  const size = whole(raw.size);
  return {
    q: raw.q ?? '',
    campaign: raw.campaign || undefined,
    category: raw.category || undefined,
    tier: raw.tier === 'best' || raw.tier === 'excellent' ? raw.tier : undefined,
    province: raw.province && /^\d{2}$/.test(raw.province) ? raw.province : undefined,
    page: Math.max(1, whole(raw.page) ?? 1),
    pageSize: size === undefined ? DEFAULT_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Math.max(1, size)),
  };
}

const isRefusal = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === 'search_query_too_long' || error.code === 'search_query_too_many_terms');

export async function libraryRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(LIBRARY_PATH, {
    config: { access: 'public', rateLimit: searchLimit },
    schema: { hide: true, querystring: libraryQuerystring },
  }, async (request, reply) => {
    const { locale, unsupportedLanguage } = request;
    const query = libraryQuery(request.query);
    const generation = await app.publicCache.generation();
    // Keyed by the canonical address of the choices: the same search asked two ways is one page.
    const key = unsupportedLanguage === undefined ? `library|${libraryUrl(query, locale)}` : undefined;
    const page = await app.publicCache.page(generation, key, async () => {
      const t = translator(locale);
      let result: LibraryResult | undefined;
      let refusal: string | undefined;
      try {
        result = await searchLibrary(app.db, query);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        refusal = error.messageIn(locale);
      }
      const campaigns = result?.campaigns ?? await app.publicCache.campaigns(generation);
      const view = libraryView(query, result, campaigns, locale);
      const here = (lang: 'zh-CN' | 'en') => `${app.baseUrl}${libraryUrl({ ...query, q: refusal ? '' : query.q }, lang)}`;
      const html = renderDocument(
        <LibraryPage
          locale={locale} query={query} view={view} total={result?.total ?? 0} refusal={refusal} unsupportedLanguage={unsupportedLanguage}
          head={{
            title: query.q.trim() !== '' && !refusal ? `${[...query.q.trim()].slice(0, MAX_QUERY_CHARS).join('')} · ${t('library.title')} · ${t('site.name')}` : `${t('library.title')} · ${t('site.name')}`,
            description: t('library.description'),
            url: here(locale), alternates: { 'zh-CN': here('zh-CN'), en: here('en') }, stylesheet: app.assets.site.url,
          }}
        />,
      );
      // A refusal (400) is answered, never kept.
      return { status: refusal ? 400 : 200, type: 'text/html; charset=utf-8', body: html };
    });
    return sendPublicPage(request, reply, page);
  });

  routes.get('/api/v1/library', {
    config: { access: 'public', rateLimit: searchLimit },
    schema: {
      tags: ['library'],
      summary: 'The case library: published cases shown now, searched and filtered, best first (anyone may call it)',
      querystring: libraryQuerystring,
      response: { 200: libraryResponse, 400: errorResponseSchema, 429: errorResponseSchema },
    },
  }, async (request, reply) => {
    const query = libraryQuery(request.query);
    const { total, items } = await searchLibrary(app.db, query);
    reply.header('cache-control', 'no-cache');
    return {
      data: {
        total, page: query.page, pageSize: query.pageSize,
        items: items.map((hit) => ({
          publicId: hit.id, path: publicCasePath(hit.campaignSlug, hit.id), title: hit.title, unitName: hit.unitName, campaign: hit.campaignSlug,
          category: hit.category, tier: hit.tier, province: hit.province, publishedAt: hit.publishedAt, snippet: hit.snippet,
        })),
      },
    };
  });
}
