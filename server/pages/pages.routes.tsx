import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { windowPhase } from '../../core/campaign/campaign.window.ts';
import { getCampaign, type StoredCampaign } from '../modules/campaigns/campaigns.service.ts';
import { latestShownCases } from '../modules/publishing/latest-cases.service.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import { buildDeclarationForm, declarationFormFileName } from '../documents/declaration-form.ts';
import { attachmentDisposition } from '../http/content-disposition.ts';
import { sendEncoded } from '../http/precompressed.ts';
import { LruCache } from '../shared/lru-cache.ts';
import { HomePage } from './home-page.tsx';
import { campaignLibraryUrl } from './library-view.ts';
import { renderDocument } from './layout.tsx';
import { alternatesOf, campaignFeedPath, campaignPath, declarationFormPath, publicCasePath } from './page-urls.ts';
import { sendPublicPage } from './public-answer.ts';
import { campaignOf, showsCases } from './public-campaigns.ts';
import { SpecialPage } from './special-page.tsx';
import { pick, specialPageClockKey, specialPageView } from './special-page-view.ts';

const langQuery = z.object({ lang: z.string().max(100).optional() });
const slugParams = z.object({ slug: z.string().max(64) });
const HTML = 'text/html; charset=utf-8';
/** How many of a campaign's newest cases its special page lists. */
export const SPECIAL_PAGE_CASES = 8;

/** The public, server-rendered pages: readable without JavaScript, in WeChat, on a phone. */
export async function pagesRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const formCache = new LruCache<Buffer>(20);
  const { assets, publicCache } = app;

  routes.get('/', {
    config: { access: 'public' },
    schema: { hide: true, querystring: langQuery },
  }, async (request, reply) => {
    const { locale, unsupportedLanguage } = request;
    const generation = await publicCache.generation();
    const campaigns = await publicCache.campaigns(generation);
    const now = app.clock();
    // What the page shows of the clock: each campaign's window phase.
    const key = unsupportedLanguage === undefined ? `home|${locale}|${campaigns.map((c) => windowPhase(c.window, now)).join(',')}` : undefined;
    const page = await publicCache.page(generation, key, async () => {
      const t = translator(locale);
      const alternates = alternatesOf(app.baseUrl, '/');
      return {
        status: 200, type: HTML,
        body: renderDocument(
          <HomePage
            campaigns={campaigns}
            locale={locale}
            now={now}
            unsupportedLanguage={unsupportedLanguage}
            head={{ title: `${t('home.title')} · ${t('site.name')}`, description: t('home.description'), url: alternates[locale], alternates, stylesheet: assets.site.url }}
          />,
        ),
      };
    });
    return sendPublicPage(request, reply, page);
  });

  async function renderSpecialPage(stored: StoredCampaign, locale: Locale, now: Date, unsupportedLanguage: string | undefined): Promise<string> {
    const c = stored.definition;
    const t = translator(locale);
    const alternates = alternatesOf(app.baseUrl, campaignPath(c.slug));
    const cases = showsCases(stored) ? await latestShownCases(app.db, stored, SPECIAL_PAGE_CASES) : undefined;
    return renderDocument(
      <SpecialPage
        view={specialPageView(c, stored.window, locale, now)}
        formUrl={declarationFormPath(c.slug, locale)}
        noticeUrl={stored.phase === 'notice' || stored.phase === 'final' ? `/app/notice?campaign=${encodeURIComponent(c.slug)}&lang=${locale}` : undefined}
        libraryUrl={cases ? campaignLibraryUrl(c.slug, locale) : undefined}
        cases={cases?.map((x) => ({ href: `${publicCasePath(c.slug, x.publicId)}?lang=${locale}`, title: x.title, unitName: x.unitName }))}
        feedUrl={cases ? campaignFeedPath(c.slug, locale) : undefined}
        unsupportedLanguage={unsupportedLanguage}
        head={{
          title: `${pick(c.title, locale)} · ${t('site.name')}`,
          description: pick(c.description, locale),
          url: alternates[locale],
          alternates,
          stylesheet: assets.site.url,
          scripts: [assets.countdown.url],
          feed: cases ? { url: `${app.baseUrl}${campaignFeedPath(c.slug, locale)}`, title: t('feed.title', { campaign: pick(c.title, locale) }) } : undefined,
        }}
      />,
    );
  }

  routes.get('/campaigns/:slug', {
    config: { access: 'public' },
    schema: { hide: true, params: slugParams, querystring: langQuery },
  }, async (request, reply) => {
    const { locale, unsupportedLanguage } = request;
    const generation = await publicCache.generation();
    const stored = campaignOf(await publicCache.campaigns(generation), request.params.slug);
    const now = app.clock();
    // Rendered once per generation, language and minute of the countdown.
    const key = unsupportedLanguage === undefined ? `special|${stored.definition.slug}|${locale}|${specialPageClockKey(stored.definition, stored.window, now)}` : undefined;
    const page = await publicCache.page(generation, key, async () => ({ status: 200, type: HTML, body: await renderSpecialPage(stored, locale, now, unsupportedLanguage) }));
    return sendPublicPage(request, reply, page);
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
