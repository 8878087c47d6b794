import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../../core/i18n/messages.ts';
import { latestShownCases } from '../modules/publishing/latest-cases.service.ts';
import { atomFeed } from './atom-feed.ts';
import { campaignOf, showsCases } from './public-campaigns.ts';
import { campaignFeedPath, campaignPath, publicCasePath } from './page-urls.ts';
import { sendPublicPage } from './public-answer.ts';

// A campaign's Atom feed of newly published cases (issue 16, item 5; decision 0042): the newest
// cases shown now, by the case page's own rule, so a feed never lists a case its page would
// answer 404 for. Served from the public cache like the pages.

/** How many entries a feed holds: readers poll, so the newest are enough. */
export const FEED_ENTRIES = 50;

export async function feedRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/campaigns/:slug/feed.atom', {
    config: { access: 'public' },
    schema: { hide: true, params: z.object({ slug: z.string().max(64) }), querystring: z.object({ lang: z.string().max(100).optional() }) },
  }, async (request, reply) => {
    const { locale, unsupportedLanguage } = request;
    const generation = await app.publicCache.generation();
    const stored = campaignOf(await app.publicCache.campaigns(generation), request.params.slug);
    const c = stored.definition;
    const key = unsupportedLanguage === undefined ? `feed|${c.slug}|${locale}` : undefined;
    const page = await app.publicCache.page(generation, key, async () => {
      const t = translator(locale);
      const cases = showsCases(stored) ? await latestShownCases(app.db, stored, FEED_ENTRIES) : [];
      const categories = new Map(c.categories.map((x) => [x.key, x.name[locale]]));
      const body = atomFeed({
        id: `${app.baseUrl}${campaignFeedPath(c.slug)}`,
        title: t('feed.title', { campaign: c.title[locale] }),
        subtitle: t('feed.subtitle'),
        language: locale,
        self: `${app.baseUrl}${campaignFeedPath(c.slug, locale)}`,
        alternate: `${app.baseUrl}${campaignPath(c.slug)}?lang=${locale}`,
        author: c.organizers.map((o) => o.name[locale]).join(locale === 'zh-CN' ? '、' : ', '),
        updatedWhenEmpty: stored.updatedAt,
        entries: cases.map((x) => ({
          id: `${app.baseUrl}${publicCasePath(c.slug, x.publicId)}`,
          title: x.title,
          link: `${app.baseUrl}${publicCasePath(c.slug, x.publicId)}?lang=${locale}`,
          author: x.unitName,
          category: categories.get(x.category),
          published: x.firstPublishedAt,
          updated: x.updatedAt,
          summaryHtml: x.summary,
        })),
      });
      return { status: 200, type: 'application/atom+xml; charset=utf-8', body };
    });
    return sendPublicPage(request, reply, page);
  });
}
