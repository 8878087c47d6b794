import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../../core/i18n/messages.ts';
import { AppError } from '../errors.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { RenderedPage } from '../modules/public-cache/public-cache.ts';
import { sendStoredFile } from '../modules/attachments/attachments.routes.ts';
import { readPublicCase } from '../modules/publishing/public-case.service.ts';
import { CasePage, TakenDownPage } from './case-page.tsx';
import { casePageView } from './case-page-view.ts';
import { renderDocument } from './layout.tsx';
import { alternatesOf, campaignFeedPath, campaignPath, publicCasePath } from './page-urls.ts';
import { sendPublicPage } from './public-answer.ts';

// The public case page and its pictures (issue 16, item 2; decision 0039). Anything not shown now
// is answered by the error handler's not-found page, exactly as an id that never existed. Pages
// are served from the public cache of the current generation (decision 0042).

const params = z.object({ slug: z.string().max(64), publicId: z.string().max(64) });
const langQuery = z.object({ lang: z.string().max(100).optional() });
const HTML = 'text/html; charset=utf-8';

export async function casePageRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  async function render(slug: string, publicId: string, locale: Locale, unsupportedLanguage: string | undefined): Promise<RenderedPage> {
    const t = translator(locale);
    const found = await readPublicCase(app.db, slug, publicId);
    const alternates = alternatesOf(app.baseUrl, publicCasePath(slug, publicId));
    const stylesheet = app.assets.site.url;
    const c = found.campaign.definition;
    if (found.kind === 'taken_down') {
      const title = t('casePage.withdrawn.title');
      // 410: the page was here and is gone on purpose; search engines drop it, readers are told.
      return {
        status: 410, type: HTML, headers: { 'x-robots-tag': 'noindex' },
        body: renderDocument(
          <TakenDownPage
            locale={locale} unsupportedLanguage={unsupportedLanguage}
            campaignUrl={`${campaignPath(slug)}?lang=${locale}`} campaignTitle={c.title[locale]}
            head={{ title: `${title} · ${t('site.name')}`, description: title, url: alternates[locale], alternates, stylesheet }}
          />,
        ),
      };
    }
    const view = await casePageView(found, locale, app.baseUrl);
    return {
      status: 200, type: HTML,
      body: renderDocument(
        <CasePage
          locale={locale} view={view} unsupportedLanguage={unsupportedLanguage}
          head={{
            title: `${view.title} · ${view.campaignTitle}`, description: view.description, url: alternates[locale], alternates, stylesheet,
            feed: { url: `${app.baseUrl}${campaignFeedPath(c.slug, locale)}`, title: t('feed.title', { campaign: c.title[locale] }) },
            article: { image: view.photos[0] ? `${app.baseUrl}${view.photos[0].src}` : undefined, publishedAt: found.publishedAt, jsonLd: view.jsonLd },
          }}
        />,
      ),
    };
  }

  routes.get('/campaigns/:slug/cases/:publicId', {
    config: { access: 'public' },
    schema: { hide: true, params, querystring: langQuery },
  }, async (request, reply) => {
    const { locale, unsupportedLanguage } = request;
    const { slug, publicId } = request.params;
    const generation = await app.publicCache.generation();
    // Not found is thrown, so never kept: the error handler answers it each time.
    const key = unsupportedLanguage === undefined ? `case|${slug}|${publicId}|${locale}` : undefined;
    const page = await app.publicCache.page(generation, key, () => render(slug, publicId, locale, unsupportedLanguage));
    return sendPublicPage(request, reply, page);
  });

  routes.get('/campaigns/:slug/cases/:publicId/photos/:attachmentId', {
    config: { access: 'public' },
    schema: { hide: true, params: params.extend({ attachmentId: z.string().max(64) }) },
  }, async (request, reply) => {
    const { slug, publicId, attachmentId } = request.params;
    const found = await readPublicCase(app.db, slug, publicId);
    const picture = found.kind === 'shown' ? found.pictures.find((p) => p.id === attachmentId) : undefined;
    if (!picture) throw new AppError('not_found');
    return sendStoredFile(app, request, reply, picture);
  });
}
