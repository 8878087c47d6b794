import { describe, expect, it } from 'vitest';
import { libraryWorld, publishFurtherCase } from '../testing/library-world.ts';
import { copyUrl, publishCopy } from '../testing/publishing-world.ts';
import { TEST_BASE_URL } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';
import { sitemapFiles, URLS_PER_SITEMAP } from './sitemap.routes.ts';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.replace(TEST_BASE_URL, ''));

describe(`robots.txt and the sitemap (${testEngine()})`, () => {
  it('keeps crawlers out of the workbench and the API and names the sitemap and the feed of each campaign that shows cases', async () => {
    const w = await libraryWorld();
    const res = await w.stranger.get('/robots.txt');
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/plain; charset=utf-8']);
    expect(res.body).toBe(`User-agent: *\nDisallow: /app/\nDisallow: /api/\nSitemap: ${TEST_BASE_URL}/sitemap.xml\nSitemap: ${TEST_BASE_URL}/campaigns/seventh-collection/feed.atom\n`);
  });

  it('lists the public pages and every case shown now, never one unpublished or withdrawn', async () => {
    const w = await libraryWorld();
    w.setNow(new Date('2024-03-01T02:00:00Z'));
    const red = await publishCopy(w);
    const rural = await publishFurtherCase(w, {
      title: '党建引领乡村振兴的新路子', unitName: '广东省清远市连州市丰阳镇党委', divisionCode: '441882', category: 'rural', at: '2024-03-02T02:00:00Z',
      summary: '镇党委把党支部建在产业链上。',
    });
    const index = await w.stranger.get('/sitemap.xml');
    expect([index.statusCode, index.headers['content-type']]).toEqual([200, 'application/xml; charset=utf-8']);
    expect(locs(index.body)).toEqual(['/sitemaps/pages.xml', '/sitemaps/cases-1.xml']);
    expect(locs((await w.stranger.get('/sitemaps/pages.xml')).body)).toEqual(['/', '/library', '/campaigns/seventh-collection']);
    const cases = (await w.stranger.get('/sitemaps/cases-1.xml')).body;
    expect(locs(cases).sort()).toEqual([red.path, rural.path].sort());
    expect(cases).toContain('<lastmod>2024-03-02</lastmod>');
    // Unpublished: gone from the sitemap at once, and from the index's count.
    await w.organizer.post(`${copyUrl(w.caseId)}/unpublish`, { version: red.version });
    expect(locs((await w.stranger.get('/sitemaps/cases-1.xml')).body)).toEqual([rural.path]);
    // Withdrawn by its unit: gone too, though its copy is still marked published.
    await w.app.db.updateTable('cases').set({ status: 'withdrawn' }).where('id', '=', rural.caseId).execute();
    expect(locs((await w.stranger.get('/sitemaps/cases-1.xml')).body)).toEqual([]);
    expect(locs((await w.stranger.get('/sitemap.xml')).body)).toEqual(['/sitemaps/pages.xml']);
    expect((await w.stranger.get('/sitemaps/cases-2.xml')).statusCode).toBe(404);
  });

  it('splits the cases into files of at most 50,000 addresses', () => {
    expect(URLS_PER_SITEMAP).toBe(50_000);
    expect(sitemapFiles(0)).toEqual(['/sitemaps/pages.xml']);
    expect(sitemapFiles(50_000)).toEqual(['/sitemaps/pages.xml', '/sitemaps/cases-1.xml']);
    expect(sitemapFiles(50_001)).toEqual(['/sitemaps/pages.xml', '/sitemaps/cases-1.xml', '/sitemaps/cases-2.xml']);
  });
});
