import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCampaign, listCampaigns } from '../modules/campaigns/campaigns.service.ts';
import { translator } from '../../core/i18n/messages.ts';
import { buildDeclarationForm, declarationFormFileName } from '../documents/declaration-form.ts';
import { attachmentDisposition } from '../http/content-disposition.ts';
import { rememberLanguageChoice } from '../http/locale.ts';
import { LruCache } from '../shared/lru-cache.ts';
import { clientAssets } from './client-assets.ts';
import { HomePage } from './home-page.tsx';
import { renderDocument } from './layout.tsx';
import { alternatesOf, campaignPath, declarationFormPath } from './page-urls.ts';
import { SpecialPage } from './special-page.tsx';
import { pick, specialPageCacheKey, specialPageView } from './special-page-view.ts';

const langQuery = z.object({ lang: z.string().max(100).optional() });
const slugParams = z.object({ slug: z.string().max(64) });

function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string) {
  rememberLanguageChoice(request, reply);
  return reply
    .header('content-language', request.locale)
    .header('vary', 'Accept-Language, Cookie')
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** The public, server-rendered pages: readable without JavaScript, in WeChat, on a phone. */
export async function pagesRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const pageCache = new LruCache<string>(200);
  const formCache = new LruCache<Buffer>(20);
  const assets = await clientAssets();

  routes.get('/', {
    config: { access: 'public' },
    schema: { hide: true, querystring: langQuery },
  }, async (request, reply) => {
    const { locale } = request;
    const t = translator(locale);
    const alternates = alternatesOf(app.baseUrl, '/');
    const html = renderDocument(
      <HomePage
        campaigns={await listCampaigns(app.db)}
        locale={locale}
        now={app.clock()}
        unsupportedLanguage={request.unsupportedLanguage}
        head={{ title: `${t('home.title')} · ${t('site.name')}`, description: t('home.description'), url: alternates[locale], alternates }}
      />,
    );
    return sendHtml(request, reply, html);
  });

  routes.get('/campaigns/:slug', {
    config: { access: 'public' },
    schema: { hide: true, params: slugParams, querystring: langQuery },
  }, async (request, reply) => {
    const { locale, unsupportedLanguage } = request;
    const stored = await getCampaign(app.db, request.params.slug);
    const view = specialPageView(stored.definition, stored.window, locale, app.clock());
    const key = `${stored.contentHash}|${specialPageCacheKey(view)}`;
    let html = unsupportedLanguage === undefined ? pageCache.get(key) : undefined;
    if (!html) {
      const c = stored.definition;
      const alternates = alternatesOf(app.baseUrl, campaignPath(c.slug));
      html = renderDocument(
        <SpecialPage
          view={view}
          formUrl={declarationFormPath(c.slug, locale)}
          unsupportedLanguage={unsupportedLanguage}
          head={{
            title: `${pick(c.title, locale)} · ${translator(locale)('site.name')}`,
            description: pick(c.description, locale),
            url: alternates[locale],
            alternates,
            scripts: [assets.countdown.url],
          }}
        />,
      );
      if (unsupportedLanguage === undefined) pageCache.set(key, html);
    }
    return sendHtml(request, reply, html);
  });

  routes.get('/campaigns/:slug/declaration-form.docx', {
    config: { access: 'public' },
    schema: { hide: true, params: slugParams, querystring: langQuery },
  }, async (request, reply) => {
    const { locale } = request;
    const stored = await getCampaign(app.db, request.params.slug);
    const key = `${stored.contentHash}|${locale}`;
    let body = formCache.get(key);
    if (!body) {
      body = await buildDeclarationForm(stored.definition, locale);
      formCache.set(key, body);
    }
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', attachmentDisposition(declarationFormFileName(stored.definition, locale), `${stored.definition.slug}-declaration-form.docx`))
      .header('cache-control', 'no-cache')
      .send(body);
  });

  for (const asset of Object.values(assets)) {
    routes.get(asset.url, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(asset.body),
    );
  }
}
