import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCampaigns } from '../modules/campaigns/campaigns.service.ts';
import { countCasesShownNow, listCasesShownNow } from '../modules/search/library.service.ts';
import { LIBRARY_PATH } from './library-view.ts';
import { campaignPath, publicCasePath } from './page-urls.ts';

// What search engines are told (issue 16, item 5): robots.txt keeps them out of the workbench and
// the API and names the sitemap; the sitemap is an index of files of at most 50,000 addresses
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

  routes.get('/robots.txt', { config, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(`User-agent: *\nDisallow: /app/\nDisallow: /api/\nSitemap: ${app.baseUrl}/sitemap.xml\n`));

  routes.get('/sitemap.xml', { config, schema: { hide: true } }, async (_request, reply) => {
    const files = sitemapFiles(await countCasesShownNow(app.db));
    return reply.type(xml).send(`<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${
      files.map((f) => `<sitemap><loc>${xmlEscape(`${app.baseUrl}${f}`)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`);
  });

  routes.get('/sitemaps/pages.xml', { config, schema: { hide: true } }, async (_request, reply) => {
    const campaigns = await listCampaigns(app.db);
    const pages = ['/', LIBRARY_PATH, ...campaigns.map((c) => campaignPath(c.definition.slug))];
    return reply.type(xml).send(urlset(pages.map((p) => ({ loc: `${app.baseUrl}${p}` }))));
  });

  routes.get('/sitemaps/cases-:n.xml', { config, schema: { hide: true, params: z.object({ n: z.coerce.number().int().min(1).max(10_000) }) } }, async (request, reply) => {
    const rows = await listCasesShownNow(app.db, { limit: URLS_PER_SITEMAP, offset: (request.params.n - 1) * URLS_PER_SITEMAP });
    if (rows.length === 0 && request.params.n > 1) return reply.callNotFound();
    return reply.type(xml).send(urlset(rows.map((r) => ({ loc: `${app.baseUrl}${publicCasePath(r.campaign_slug, r.id)}`, lastmod: r.published_at }))));
  });
}
