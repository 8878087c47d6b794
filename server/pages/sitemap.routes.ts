import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RenderedPage } from '../modules/public-cache/public-cache.ts';
import { countCasesShownNow, listCasesShownNow } from '../modules/search/library.service.ts';
import { LIBRARY_PATH } from './library-view.ts';
import { campaignFeedPath, campaignPath, publicCasePath } from './page-urls.ts';
import { sendPublicPage } from './public-answer.ts';
import { showsCases } from './public-campaigns.ts';

// What search engines are told (issue 16, item 5): robots.txt keeps them out of the workbench and
// the API and names the sitemap and each campaign's feed; the sitemap is an index of files of at most 50,000 addresses
// each (the protocol's limit): the public pages, then the published cases shown now, by id.

/** The sitemap protocol's limit of addresses per file. */
export const URLS_PER_SITEMAP = 50_000;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const urlset = (entries: { loc: string; lastmod?: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${
    entries.map((e) => `<url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`).join('\n')}\n</urlset>\n`;

/** The files the index lists: the pages, then one per 50,000 shown cases. */
export function sitemapFiles(shownCases: number, perFile = URLS_PER_SITEMAP): string[] {
  return ['/sitemaps/pages.xml', ...Array.from({ length: Math.ceil(shownCases / perFile) }, (_, i) => `/sitemaps/cases-${i + 1}.xml`)];
}

export async function sitemapRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public' as const };
  const xml = 'application/xml; charset=utf-8';
  const { publicCache } = app;

  /** Served from the public cache like the pages (decision 0042); none of these vary by language. */
  async function cached(request: FastifyRequest, reply: FastifyReply, key: string, render: (generation: number) => Promise<RenderedPage | undefined>) {
    const generation = await publicCache.generation();
    let missing = false;
    const page = await publicCache.page(generation, key, async () => {
      const rendered = await render(generation);
      if (rendered) return rendered;
      missing = true;
      return { status: 404, type: xml, body: '' };
    });
    if (missing) return reply.callNotFound();
    return sendPublicPage(request, reply, page, 'none');
  }

  // Each campaign's feed is a sitemap too (search engines read Atom as one): new cases are found soonest.
  routes.get('/robots.txt', { config, schema: { hide: true } }, (request, reply) => cached(request, reply, 'robots', async (generation) => {
    const feeds = (await publicCache.campaigns(generation)).filter(showsCases).map((c) => `Sitemap: ${app.baseUrl}${campaignFeedPath(c.definition.slug)}\n`);
    return { status: 200, type: 'text/plain; charset=utf-8', body: `User-agent: *\nDisallow: /app/\nDisallow: /api/\nSitemap: ${app.baseUrl}/sitemap.xml\n${feeds.join('')}` };
  }));

  routes.get('/sitemap.xml', { config, schema: { hide: true } }, (request, reply) => cached(request, reply, 'sitemap', async () => {
    const files = sitemapFiles(await countCasesShownNow(app.db));
    return {
      status: 200, type: xml,
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${
        files.map((f) => `<sitemap><loc>${xmlEscape(`${app.baseUrl}${f}`)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`,
    };
  }));

  routes.get('/sitemaps/pages.xml', { config, schema: { hide: true } }, (request, reply) => cached(request, reply, 'sitemap-pages', async (generation) => {
    const campaigns = await publicCache.campaigns(generation);
    const pages = ['/', LIBRARY_PATH, ...campaigns.map((c) => campaignPath(c.definition.slug))];
    return { status: 200, type: xml, body: urlset(pages.map((p) => ({ loc: `${app.baseUrl}${p}` }))) };
  }));

  routes.get('/sitemaps/cases-:n.xml', { config, schema: { hide: true, params: z.object({ n: z.coerce.number().int().min(1).max(10_000) }) } }, (request, reply) => {
    const { n } = request.params;
    return cached(request, reply, `sitemap-cases-${n}`, async () => {
      const rows = await listCasesShownNow(app.db, { limit: URLS_PER_SITEMAP, offset: (n - 1) * URLS_PER_SITEMAP });
      if (rows.length === 0 && n > 1) return undefined;
      return { status: 200, type: xml, body: urlset(rows.map((r) => ({ loc: `${app.baseUrl}${publicCasePath(r.campaign_slug, r.id)}`, lastmod: r.published_at }))) };
    });
  });
}
