import { describe, expect, it } from 'vitest';
import { forgetCampaignVersions } from '../modules/campaigns/campaigns.service.ts';
import { setPhase } from '../testing/assignments.ts';
import { changeCampaign } from '../testing/campaign-overrides.ts';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../testing/cases.ts';
import { libraryWorld, publishFurtherCase } from '../testing/library-world.ts';
import { copyUrl, publishCopy, type PublishingWorld } from '../testing/publishing-world.ts';
import { TEST_BASE_URL } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const RED = '“红色物业”让社区治理更有温度';
const RURAL = '党建引领乡村振兴的新路子';
const SEA = '海岛党建：渔船上的流动党支部';

/** Three published cases: the world's (Beijing, urban), one rural in Guangdong, one rural in Zhejiang; newest last. */
async function library() {
  const w = await libraryWorld();
  w.setNow(new Date('2024-03-01T02:00:00Z'));
  const red = { ...(await publishCopy(w)), caseId: w.caseId };
  const rural = await publishFurtherCase(w, {
    title: RURAL, unitName: '广东省清远市连州市丰阳镇党委', divisionCode: '441882', category: 'rural', at: '2024-03-02T02:00:00Z',
    summary: '镇党委把党支部建在产业链上，带动村集体经济增收。',
  });
  const sea = await publishFurtherCase(w, {
    title: SEA, unitName: '浙江省舟山市普陀区沈家门街道党工委', divisionCode: '330903', category: 'rural', at: '2024-03-03T02:00:00Z',
    summary: '渔船出海，党员随船，流动党支部让组织生活不断线。',
  });
  return { w, red, rural, sea };
}

const q = (params: Record<string, string>) => `/library?${new URLSearchParams(params).toString()}`;
const titles = (html: string) => [...html.matchAll(/<h3><a href="[^"]*" data-field="title">(.*?)<\/a><\/h3>/g)].map((m) => m[1]!.replace(/<\/?mark>/g, ''));
const links = (html: string) => [...html.matchAll(/<h3><a href="([^"]*)" data-field="title">/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
const count = (html: string) => /<p class="library-count" role="status" data-total="(\d+)">([^<]*)/.exec(html)?.slice(1);
const api = async (w: PublishingWorld, params: Record<string, string>) => (await w.stranger.get(`/api/v1/library?${new URLSearchParams(params).toString()}`)).json();

describe(`the case library (${testEngine()})`, () => {
  it('lists the newest published cases with no query, and finds a search ranked by title, highlighted, each linking to its page', async () => {
    const { w, red, rural, sea } = await library();
    const all = await w.stranger.get('/library');
    expect([all.statusCode, all.headers['content-language'], all.headers['cache-control']]).toEqual([200, 'zh-CN', 'no-cache']);
    expect(titles(all.body)).toEqual([SEA, RURAL, RED]);
    expect(count(all.body)).toEqual(['3', '共 3 个公开展示的案例，最新公开的在前']);
    expect(links(all.body)).toEqual([sea.path, rural.path, red.path].map((p) => `${p}?lang=zh-CN`));
    // 党 in two titles (score 2) and in the third's text only; equal scores newest first.
    expect(titles((await w.stranger.get(q({ q: '党' }))).body)).toEqual([SEA, RURAL, RED]);
    expect(titles((await w.stranger.get(q({ q: '红色物业' }))).body)).toEqual([RED, SEA, RURAL]);
    const body = (await w.stranger.get(q({ q: '流动 党支部' }))).body;
    expect(titles(body)).toEqual([SEA]);
    expect(count(body)).toEqual(['1', '共找到 1 个案例']);
    expect(body).toContain('data-field="title">海岛党建：渔船上的<mark>流动党支部</mark></a></h3>');
    expect(/data-field="snippet">([^]*?)<\/p>/.exec(body)?.[1]).toBe('渔船出海，党员随船，<mark>流动党支部</mark>让组织生活不断线。 一、背景 社区党委牵头成立红色物业联盟，把<mark>党支部</mark>建在小区上，组织党员认领楼栋，群众有事找支部。 社区党委牵头成立红色物业联盟，把<mark>党支部</mark>建在小区上，组织党员认领楼栋，群众有事找支部。 社区党委…');
    const meta = /<p class="library-meta">([^]*?)<\/p>/.exec(body)?.[1];
    expect(meta).toBe('<span class="sr">申报单位</span><span data-field="unit">浙江省舟山市普陀区沈家门街道党工委</span><span>浙江省</span><span>农村基层党建</span><span>第七届全国基层党建创新典型案例征集活动</span><time dateTime="2024-03-03T02:00:00.000Z">公开于 2024-03-03</time>');
    // The search box keeps what was searched; the page is a link to share.
    expect(body).toContain('aria-describedby="f-q-hint" name="q" value="流动 党支部"/>');
    expect(body).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/library?q=%E6%B5%81%E5%8A%A8+%E5%85%9A%E6%94%AF%E9%83%A8&amp;lang=zh-CN"/>`);
    // English: the same results, the facts in English.
    const en = (await w.stranger.get(q({ q: '流动 党支部', lang: 'en' }))).body;
    expect([titles(en), count(en)]).toEqual([[SEA], ['1', '1 case found']]);
    expect(en).toContain('<span>Rural grass-roots Party building</span>');
    expect(en).toContain('<time dateTime="2024-03-03T02:00:00.000Z">Published 2024-03-03</time>');
  });

  it('filters by campaign, category, province and tier, and says which filter to remove when nothing is left', async () => {
    const { w, red } = await library();
    expect(titles((await w.stranger.get(q({ category: 'rural' }))).body)).toEqual([SEA, RURAL]);
    expect(titles((await w.stranger.get(q({ province: '44' }))).body)).toEqual([RURAL]);
    expect(titles((await w.stranger.get(q({ q: '党建', category: 'rural', province: '33' }))).body)).toEqual([SEA]);
    expect(titles((await w.stranger.get(q({ campaign: 'seventh-collection', category: 'urban' }))).body)).toEqual([RED]);
    const none = await w.stranger.get(q({ q: '党建 渔船', province: '44', category: 'rural' }));
    expect(none.statusCode).toBe(200);
    const empty = /<section class="library-message" role="status" data-result="empty">([^]*?)<\/section>/.exec(none.body)?.[1];
    expect(empty).toBe('<h2>没有找到符合条件的案例</h2><p>可以这样调整：</p><ul class="library-suggestions">'
      + '<li><a href="/library?q=%E5%85%9A%E5%BB%BA+%E6%B8%94%E8%88%B9&amp;province=44&amp;lang=zh-CN">去掉筛选条件“案例类别：农村基层党建”</a></li>'
      + '<li><a href="/library?q=%E5%85%9A%E5%BB%BA+%E6%B8%94%E8%88%B9&amp;category=rural&amp;lang=zh-CN">去掉筛选条件“省份：广东省”</a></li>'
      + '<li>减少关键词：现在的 2 个词须同时出现在一个案例中</li>'
      + '<li><a href="/library?q=%E5%85%9A%E5%BB%BA&amp;category=rural&amp;province=44&amp;lang=zh-CN">换用更短或其他的词，例如只搜“党建”</a></li>'
      + '<li><a href="/library?lang=zh-CN">查看全部公开的案例</a></li></ul>');
    const en = (await w.stranger.get(q({ q: '党建 渔船', province: '44', lang: 'en' }))).body;
    expect(en).toContain('<h2>No case matches</h2>');
    // Division names exist in Chinese only (GB/T 2260), as on the case page.
    expect(en).toContain('>Remove the filter “Province: 广东省”</a>');
    // The tier is the case's final one now, whatever was indexed when it was published.
    expect(titles((await w.stranger.get(q({ tier: 'best' }))).body)).toEqual([]);
    await w.app.db.insertInto('final_results').values({ campaign_id: w.campaignId, case_id: red.caseId, tier: 'best', serial: 'ZJ7-0001-AAAAAAAA', finalized_at: '2024-05-01T00:00:00.000Z' }).execute();
    await setPhase(w.app, 'final');
    const best = (await w.stranger.get(q({ tier: 'best', lang: 'zh-CN' }))).body;
    expect([titles(best), /data-field="tier">([^<]*)</.exec(best)?.[1]]).toEqual([[RED], '最佳案例']);
    expect((await api(w, { tier: 'best' })).data.items.map((i: { tier: string }) => i.tier)).toEqual(['best']);
  });

  it('pages with named links, caps the page size, and says when a page is past the end', async () => {
    const { w } = await library();
    const first = (await w.stranger.get(q({ size: '1' }))).body;
    expect(titles(first)).toEqual([SEA]);
    expect(count(first)).toEqual(['3', '共 3 个公开展示的案例，最新公开的在前（本页第 1–1 个）']);
    const nav = /<nav class="library-pages" aria-label="分页">([^]*?)<\/nav>/.exec(first)?.[1];
    expect(nav).toBe('<span><a href="/library?size=1&amp;lang=zh-CN" aria-current="page" aria-label="第 1 页">1</a></span>'
      + '<span><a href="/library?page=2&amp;size=1&amp;lang=zh-CN" aria-label="第 2 页">2</a></span>'
      + '<span><a href="/library?page=3&amp;size=1&amp;lang=zh-CN" aria-label="第 3 页">3</a></span>'
      + '<a href="/library?page=2&amp;size=1&amp;lang=zh-CN" rel="next">下一页</a>');
    expect(titles((await w.stranger.get(q({ size: '1', page: '2' }))).body)).toEqual([RURAL]);
    expect(titles((await w.stranger.get(q({ size: '1', page: '3', lang: 'en' }))).body)).toEqual([RED]);
    expect((await w.stranger.get(q({ size: '1', page: '3', lang: 'en' }))).body).toContain('aria-label="Page 2">2</a>');
    const past = (await w.stranger.get(q({ size: '1', page: '9', lang: 'zh-CN' }))).body;
    expect(/data-result="past-end"><p>([^<]*)<\/p><p><a href="([^"]*)"/.exec(past)?.slice(1)).toEqual(['第 9 页没有结果：结果共 3 页。', '/library?page=3&amp;size=1&amp;lang=zh-CN']);
    const capped = await api(w, { size: '1000', page: 'x' });
    expect([capped.data.pageSize, capped.data.page, capped.data.total]).toEqual([50, 1, 3]);
  });

  it('shows markup in a case as text and only <mark> as markup, in results and snippets', async () => {
    const w = await libraryWorld();
    await publishCopy(w, { title: `${HOSTILE}党建`, unitName: HOSTILE, summary: `<p>${HOSTILE.replaceAll('<', '&lt;')} 党建 &amp;</p>` });
    const html = (await w.stranger.get(q({ q: '<script> 党建' }))).body;
    expect(titles(html)).toEqual(['&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;党建']);
    expect(html.match(/<script/g)).toBeNull();
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<img src=x|<[a-z][^>]*\son[a-z]+=/i);
    expect(/data-field="snippet">([^]*?)<\/p>/.exec(html)?.[1]).toBe('<mark>&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; <mark>党建</mark> &amp; 一、背景 社区党委牵头成立红色物业联盟，把党支部建在小区上，组织党员认领楼栋，群众有事找支部。 社区党委牵头成立红色物…');
    // `%` and `_` are characters to find, not wildcards.
    expect(titles((await w.stranger.get(q({ q: '%' }))).body)).toEqual([]);
    expect((await api(w, { q: '_' })).data.total).toBe(0);
  });

  it('refuses a query too long or with too many words with a message in the reader’s language, not an error page', async () => {
    const w = await libraryWorld();
    await publishCopy(w);
    const long = await w.stranger.get(q({ q: '党'.repeat(10_000) }));
    expect(long.statusCode).toBe(400);
    expect(/<section class="library-message" role="alert" data-result="refused"><h2>([^<]*)<\/h2><p>([^<]*)<\/p>/.exec(long.body)?.slice(1))
      .toEqual(['没有进行搜索', '搜索词太长：最多 100 个字符，请缩短后再搜索。']);
    // The form is there to shorten it, holding as much as the box takes.
    expect(/name="q" value="(党*)"/.exec(long.body)?.[1]).toBe('党'.repeat(400));
    const en = await w.stranger.get(q({ q: 'a b c d e f g h i', lang: 'en' }));
    expect([en.statusCode, /data-result="refused"><h2>([^<]*)<\/h2><p>([^<]*)<\/p>/.exec(en.body)?.slice(1)]).toEqual([400, ['The search was not run', 'The search has too many words: at most 8, separated by spaces. Please use fewer and search again.']]);
    const json = await w.stranger.get(`/api/v1/library?q=${'x'.repeat(101)}&lang=en`);
    expect([json.statusCode, json.json().error.code, json.json().error.message]).toEqual([400, 'search_query_too_long', 'The search is too long: at most 100 characters. Please shorten it and search again.']);
  });

  it('holds only cases shown now: never one unpublished, taken down, withdrawn, returned or no longer passed, in results or counts', async () => {
    const { w, red, rural } = await library();
    const seen = async () => {
      const html = (await w.stranger.get(q({ q: '党' }))).body;
      const json = await api(w, { q: '党' });
      const all = await api(w, {});
      expect(json.data.total).toBe(all.data.total);
      return { titles: titles(html), total: count(html)?.[0], api: json.data.items.map((i: { title: string }) => i.title), apiTotal: json.data.total };
    };
    expect(await seen()).toEqual({ titles: [SEA, RURAL, RED], total: '3', api: [SEA, RURAL, RED], apiTotal: 3 });
    // A copy made and never published is not there.
    const fourth = await createDraftCase(w.app, { title: '未公开的党建案例' });
    await saveContent(fourth.client, fourth.caseId, completeContent(1200, '未公开的党建案例'));
    await attachRequiredFiles(w.app, fourth.caseId);
    await fourth.client.post(`/api/v1/cases/${fourth.caseId}/submit`, { requestKey: crypto.randomUUID() });
    await w.app.db.updateTable('cases').set({ screening: 'passed' }).where('id', '=', fourth.caseId).execute();
    expect((await w.organizer.post(copyUrl(fourth.caseId))).statusCode).toBe(201);
    expect((await seen()).apiTotal).toBe(3);
    // Taken down by the organizers.
    await w.organizer.post(`${copyUrl(red.caseId)}/unpublish`, { version: red.version });
    expect(await seen()).toEqual({ titles: [SEA, RURAL], total: '2', api: [SEA, RURAL], apiTotal: 2 });
    // Withdrawn or returned by its unit, its screening reversed: gone, and back once it stands again.
    for (const change of [{ status: 'withdrawn' }, { status: 'returned' }, { screening: 'pending' }, { screening: 'rejected' }] as const) {
      await w.app.db.updateTable('cases').set(change).where('id', '=', rural.caseId).execute();
      expect(await seen()).toEqual({ titles: [SEA], total: '1', api: [SEA], apiTotal: 1 });
      await w.app.db.updateTable('cases').set({ status: 'submitted', screening: 'passed' }).where('id', '=', rural.caseId).execute();
    }
    expect((await seen()).apiTotal).toBe(2);
    // The campaign stops showing cases during the collection: none is left.
    await changeCampaign(w.app, { display: { duringCollection: false, pictureKinds: ['photos'] } });
    forgetCampaignVersions(w.app.db);
    const none = (await w.stranger.get('/library')).body;
    expect([titles(none), /data-result="empty"><p>([^<]*)</.exec(none)?.[1]]).toEqual([[], '目前还没有公开展示的案例。']);
    expect((await api(w, { q: '党' })).data).toEqual({ total: 0, page: 1, pageSize: 20, items: [] });
  });

  it('is linked from the home page and, filtered to the campaign, from its special page', async () => {
    const w = await libraryWorld();
    expect((await w.stranger.get('/')).body).toContain('<p class="library-link"><a href="/library?lang=zh-CN">案例库</a>：浏览和搜索各届征集活动公开展示的典型案例。</p>');
    const special = (await w.stranger.get('/campaigns/seventh-collection?lang=en')).body;
    expect(special).toContain('<a class="button secondary" href="/library?campaign=seventh-collection&amp;lang=en">Cases published by this campaign</a>');
  });
});
