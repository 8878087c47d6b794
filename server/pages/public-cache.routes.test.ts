import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { changeCampaign } from '../testing/campaign-overrides.ts';
import { libraryWorld } from '../testing/library-world.ts';
import { copyUrl, publishCopy } from '../testing/publishing-world.ts';
import { setPhase } from '../testing/assignments.ts';
import { testEngine } from '../testing/test-database.ts';

// The public pages' cache (decision 0042): validators and 304, one language never served for
// another, nothing kept that should not be, and a change on every path that can alter a public
// page seen by the very next request.

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const titleOf = (html: string) => /data-field="title">([^<]*)</.exec(html)?.[1];
const SPECIAL = '/campaigns/seventh-collection';
const FEED = `${SPECIAL}/feed.atom`;

describe(`the public pages' cache (${testEngine()})`, () => {
  it('gives every public page a weak ETag and no-cache, and answers 304 to a matching If-None-Match', async () => {
    const w = await libraryWorld();
    const { path } = await publishCopy(w);
    for (const url of ['/', SPECIAL, path, '/library?q=%E7%A4%BE%E5%8C%BA', '/sitemap.xml', '/sitemaps/pages.xml', '/sitemaps/cases-1.xml', '/robots.txt', FEED]) {
      const first = await get(w.app, url, { 'accept-encoding': 'br' });
      expect([url, first.statusCode, first.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
      const again = await get(w.app, url, { 'if-none-match': etag, 'accept-encoding': 'br' });
      expect([url, again.statusCode, again.body, again.headers.etag, again.headers['cache-control']]).toEqual([url, 304, '', etag, 'no-cache']);
      // The same tag in any encoding, and a strong form of it, match too (weak comparison).
      expect((await get(w.app, url, { 'if-none-match': `"other", ${etag.slice(2)}` })).statusCode).toBe(304);
      expect((await get(w.app, url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    }
    const page = await get(w.app, path);
    expect(page.headers.vary).toBe('Accept-Encoding, Accept-Language, Cookie');
    expect((await get(w.app, '/sitemap.xml')).headers.vary).toBe('Accept-Encoding');
  });

  it('serves each language its own page, however it was chosen, and its own tag', async () => {
    const w = await libraryWorld();
    const { path } = await publishCopy(w);
    const zh = await get(w.app, path);
    const byHeader = await get(w.app, path, { 'accept-language': 'en-US,en;q=0.9' });
    const byCookie = await get(w.app, path, { cookie: 'zhengji_lang=en' });
    const byQuery = await get(w.app, `${path}?lang=en`);
    expect([zh.headers['content-language'], byHeader.headers['content-language'], byCookie.headers['content-language'], byQuery.headers['content-language']]).toEqual(['zh-CN', 'en', 'en', 'en']);
    expect(zh.body).toContain('<html lang="zh-CN">');
    for (const en of [byHeader, byCookie, byQuery]) {
      expect(en.body).toContain('<html lang="en">');
      expect(en.headers.etag).toBe(byHeader.headers.etag);
    }
    expect(zh.headers.etag).not.toBe(byHeader.headers.etag);
    // A reader who switches language does not get a 304 for the page they had.
    expect((await get(w.app, path, { 'accept-language': 'en', 'if-none-match': String(zh.headers.etag) })).statusCode).toBe(200);
    // ?lang= is remembered on a page served from the cache too.
    expect(String((await get(w.app, `${path}?lang=en`)).headers['set-cookie'])).toContain('zhengji_lang=en');
    // An unsupported ?lang= gets its notice each time, and the page without it stays as it was.
    const odd = await get(w.app, `${path}?lang=fr`);
    expect(odd.body).toContain('“fr”');
    expect((await get(w.app, path)).body).toBe(zh.body);
  });

  it('keeps no error: a case not found until published is shown at once, and a signed-in reader gets the public page', async () => {
    const w = await libraryWorld();
    const copy = (await w.organizer.post(copyUrl(w.caseId))).json().data.copy;
    const path = copy.path as string;
    expect((await get(w.app, path)).statusCode).toBe(404);
    expect((await get(w.app, path)).statusCode).toBe(404);
    await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: copy.version });
    const shown = await get(w.app, path);
    expect(shown.statusCode).toBe(200);
    // Public pages never look at the session: the organizer's answer is the stranger's, byte for byte.
    const asOrganizer = await w.organizer.get(path);
    expect([asOrganizer.statusCode, asOrganizer.body, asOrganizer.headers.etag]).toEqual([200, shown.body, shown.headers.etag]);
    expect(asOrganizer.headers['set-cookie']).toBeUndefined();
    // A refused search (400) is answered each time, never kept, and has no validator.
    const refused = await get(w.app, `/library?q=${'党'.repeat(101)}`);
    expect([refused.statusCode, refused.headers.etag]).toEqual([400, undefined]);
  });

  it('shows every change that alters a public page at the next request: publish, edit, unpublish', async () => {
    const w = await libraryWorld();
    const library = '/library?campaign=seventh-collection';
    const before = await Promise.all([get(w.app, library), get(w.app, SPECIAL), get(w.app, FEED), get(w.app, '/sitemaps/cases-1.xml')]);
    const { path, version } = await publishCopy(w);
    const after = await Promise.all([get(w.app, library), get(w.app, SPECIAL), get(w.app, FEED), get(w.app, '/sitemaps/cases-1.xml')]);
    for (const [i, res] of after.entries()) {
      expect(res.headers.etag).not.toBe(before[i]!.headers.etag);
      expect(res.body).toContain(path);
    }
    expect(titleOf((await get(w.app, path)).body)).toBe('“红色物业”让社区治理更有温度');
    const copy = (await w.organizer.get(copyUrl(w.caseId))).json().data.copy;
    const edited = await w.organizer.put(copyUrl(w.caseId), { version, title: '改过的标题', unitName: copy.unitName, summary: copy.summary, sections: copy.sections, photoIds: [] });
    expect(edited.statusCode).toBe(200);
    expect(titleOf((await get(w.app, path)).body)).toBe('改过的标题');
    expect((await get(w.app, FEED)).body).toContain('<title>改过的标题</title>');
    await w.organizer.post(`${copyUrl(w.caseId)}/unpublish`, { version: version + 1 });
    expect((await get(w.app, path)).statusCode).toBe(410);
    for (const url of [library, SPECIAL, FEED, '/sitemaps/cases-1.xml']) expect([url, (await get(w.app, url)).body.includes(path)]).toEqual([url, false]);
  });

  it('hides a case at the next request when its unit withdraws it', async () => {
    const w = await libraryWorld();
    const { path } = await publishCopy(w);
    expect((await get(w.app, path)).statusCode).toBe(200);
    expect((await w.unit.post(`/api/v1/cases/${w.caseId}/withdraw`)).statusCode).toBe(200);
    expect((await get(w.app, path)).statusCode).toBe(404);
    expect((await get(w.app, FEED)).body).not.toContain(path);
  });

  it('hides a case at the next request when it is returned for correction', async () => {
    const w = await libraryWorld();
    const { path } = await publishCopy(w);
    expect((await get(w.app, path)).statusCode).toBe(200);
    const returned = await w.organizer.post(`/api/v1/cases/${w.caseId}/return`, { message: '请补充材料', dueAt: '2024-06-30T00:00:00.000Z' });
    expect(returned.statusCode).toBe(200);
    expect((await get(w.app, path)).statusCode).toBe(404);
  });

  it('hides a case at the next request when its screening pass is taken back', async () => {
    const w = await libraryWorld();
    const { path } = await publishCopy(w);
    await setPhase(w.app, 'screening');
    expect((await get(w.app, path)).statusCode).toBe(200);
    expect((await get(w.app, `/library?campaign=seventh-collection`)).body).toContain(path);
    const { id: submissionId } = await w.app.db.selectFrom('case_submissions').select('id').where('case_id', '=', w.caseId).executeTakeFirstOrThrow();
    const reversed = await w.organizer.post(`/api/v1/cases/${w.caseId}/screening/reversal`, { submissionId, reason: '复核后撤销' });
    expect(reversed.statusCode).toBe(200);
    expect((await get(w.app, path)).statusCode).toBe(404);
    expect((await get(w.app, `/library?campaign=seventh-collection`)).body).not.toContain(path);
  });

  it('shows the tier at the next request once results are final, and hides a case not chosen', async () => {
    const w = await libraryWorld();
    const { path } = await publishCopy(w);
    expect((await get(w.app, path)).body).not.toContain('data-field="tier"');
    await w.app.db.insertInto('final_results').values({ campaign_id: w.campaignId, case_id: w.caseId, tier: 'best', serial: 'ZJ7-0001-AAAAAAAA', finalized_at: '2024-05-01T00:00:00.000Z' }).execute();
    await setPhase(w.app, 'final');
    expect(/data-field="tier">([^<]*)</.exec((await get(w.app, path)).body)?.[1]).toBe('最佳案例');
    await w.app.db.deleteFrom('final_results').where('case_id', '=', w.caseId).execute();
    await changeCampaign(w.app, { display: { duringCollection: false, pictureKinds: ['photos'] } });
    expect((await get(w.app, path)).statusCode).toBe(404);
  });

  it('follows a change of the campaign definition at the next request: display turned off hides its cases', async () => {
    const w = await libraryWorld();
    const { path } = await publishCopy(w);
    const special = await get(w.app, SPECIAL);
    expect(special.body).toContain(path);
    await changeCampaign(w.app, { display: { duringCollection: false, pictureKinds: ['photos'] } });
    expect((await get(w.app, path)).statusCode).toBe(404);
    const after = await get(w.app, SPECIAL);
    expect([after.body.includes(path), after.body.includes('feed.atom')]).toEqual([false, false]);
    expect((await get(w.app, FEED)).body).not.toContain('<entry>');
  });
});
