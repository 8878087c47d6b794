import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCampaign, listCampaigns, type StoredCampaign } from '../modules/campaigns/campaigns.service.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import { buildDeclarationForm, declarationFormFileName } from '../documents/declaration-form.ts';
import { attachmentDisposition } from '../http/content-disposition.ts';
import { rememberLanguageChoice } from '../http/locale.ts';
import { encodeBody, sendEncoded, type EncodedBody } from '../http/precompressed.ts';
import { LruCache } from '../shared/lru-cache.ts';
import { displaysDuringCollection } from '../../core/publishing/publication-rules.ts';
import { HomePage } from './home-page.tsx';
import { campaignLibraryUrl } from './library-view.ts';
import { renderDocument } from './layout.tsx';
import { alternatesOf, campaignPath, declarationFormPath } from './page-urls.ts';
import { SpecialPage } from './special-page.tsx';
import { pick, specialPageClockKey, specialPageView } from './special-page-view.ts';

const langQuery = z.object({ lang: z.string().max(100).optional() });
const slugParams = z.object({ slug: z.string().max(64) });

function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string | EncodedBody) {
  rememberLanguageChoice(request, reply);
  reply
    .header('content-language', request.locale)
    .header('vary', 'Accept-Encoding, Accept-Language, Cookie')
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8');
  return typeof html === 'string' ? reply.send(html) : sendEncoded(request, reply, html);
}

/** The public, server-rendered pages: readable without JavaScript, in WeChat, on a phone. */
export async function pagesRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const pageCache = new LruCache<EncodedBody>(200);
  const formCache = new LruCache<Buffer>(20);
  const { assets } = app;

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
        head={{ title: `${t('home.title')} · ${t('site.name')}`, description: t('home.description'), url: alternates[locale], alternates, stylesheet: assets.site.url }}
      />,
    );
    return sendHtml(request, reply, html);
  });

  function renderSpecialPage(stored: StoredCampaign, locale: Locale, now: Date, unsupportedLanguage: string | undefined): string {
    const c = stored.definition;
    const alternates = alternatesOf(app.baseUrl, campaignPath(c.slug));
    return renderDocument(
      <SpecialPage
        view={specialPageView(c, stored.window, locale, now)}
        formUrl={declarationFormPath(c.slug, locale)}
        noticeUrl={stored.phase === 'notice' || stored.phase === 'final' ? `/app/notice?campaign=${encodeURIComponent(c.slug)}&lang=${locale}` : undefined}
        libraryUrl={stored.phase === 'final' || displaysDuringCollection(c) ? campaignLibraryUrl(c.slug, locale) : undefined}
        unsupportedLanguage={unsupportedLanguage}
        head={{
          title: `${pick(c.title, locale)} · ${translator(locale)('site.name')}`,
          description: pick(c.description, locale),
          url: alternates[locale],
          alternates,
          stylesheet: assets.site.url,
          scripts: [assets.countdown.url],
        }}
      />,
    );
  }

  routes.get('/campaigns/:slug', {
    config: { access: 'public' },
    schema: { hide: true, params: slugParams, querystring: langQuery },
  }, async (request, reply) => {
    const { locale, unsupportedLanguage } = request;
    const stored = await getCampaign(app.db, request.params.slug);
    const now = app.clock();
    if (unsupportedLanguage !== undefined) {
      return sendHtml(request, reply, renderSpecialPage(stored, locale, now, unsupportedLanguage));
    }
    // Rendered once per language, content version and minute of the countdown; served encoded.
    const key = `${stored.contentHash}|${stored.phase}|${locale}|${specialPageClockKey(stored.definition, stored.window, now)}`;
    let page = pageCache.get(key);
    if (!page) {
      page = encodeBody(renderSpecialPage(stored, locale, now, undefined));
      pageCache.set(key, page);
    }
    return sendHtml(request, reply, page);
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
    routes.get(asset.url, { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'Accept-Encoding');
      return sendEncoded(request, reply, asset.body);
    });
  }
}
