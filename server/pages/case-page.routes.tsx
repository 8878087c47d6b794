import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../../core/i18n/messages.ts';
import { AppError } from '../errors.ts';
import { rememberLanguageChoice } from '../http/locale.ts';
import { sendStoredFile } from '../modules/attachments/attachments.routes.ts';
import { readPublicCase } from '../modules/publishing/public-case.service.ts';
import { CasePage, TakenDownPage } from './case-page.tsx';
import { casePageView } from './case-page-view.ts';
import { renderDocument } from './layout.tsx';
import { alternatesOf, campaignPath, publicCasePath } from './page-urls.ts';

// The public case page and its pictures (issue 16, item 2; decision 0039). Anything not shown now
// is answered by the error handler's not-found page, exactly as an id that never existed.

const params = z.object({ slug: z.string().max(64), publicId: z.string().max(64) });
const langQuery = z.object({ lang: z.string().max(100).optional() });

function sendPage(request: FastifyRequest, reply: FastifyReply, status: number, html: string) {
  rememberLanguageChoice(request, reply);
  return reply.code(status)
    .header('content-language', request.locale)
    .header('vary', 'Accept-Encoding, Accept-Language, Cookie')
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(html);
}

export async function casePageRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/campaigns/:slug/cases/:publicId', {
    config: { access: 'public' },
    schema: { hide: true, params, querystring: langQuery },
  }, async (request, reply) => {
    const { locale, unsupportedLanguage } = request;
    const { slug, publicId } = request.params;
    const t = translator(locale);
    const found = await readPublicCase(app.db, slug, publicId);
    const alternates = alternatesOf(app.baseUrl, publicCasePath(slug, publicId));
    const stylesheet = app.assets.site.url;
    if (found.kind === 'taken_down') {
      const title = t('casePage.withdrawn.title');
      const html = renderDocument(
        <TakenDownPage
          locale={locale} unsupportedLanguage={unsupportedLanguage}
          campaignUrl={`${campaignPath(slug)}?lang=${locale}`} campaignTitle={found.campaign.definition.title[locale]}
          head={{ title: `${title} · ${t('site.name')}`, description: title, url: alternates[locale], alternates, stylesheet }}
        />,
      );
      // 410: the page was here and is gone on purpose; search engines drop it, readers are told.
      return sendPage(request, reply.header('x-robots-tag', 'noindex'), 410, html);
    }
    const view = await casePageView(found, locale, app.baseUrl);
    const html = renderDocument(
      <CasePage
        locale={locale} view={view} unsupportedLanguage={unsupportedLanguage}
        head={{
          title: `${view.title} · ${view.campaignTitle}`, description: view.description, url: alternates[locale], alternates, stylesheet,
          article: { image: view.photos[0] ? `${app.baseUrl}${view.photos[0].src}` : undefined, publishedAt: found.publishedAt, jsonLd: view.jsonLd },
        }}
      />,
    );
    return sendPage(request, reply, 200, html);
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
