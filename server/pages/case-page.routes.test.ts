import { describe, expect, it } from 'vitest';
import { setPhase } from '../testing/assignments.ts';
import { copyUrl, publishCopy, publishingWorld } from '../testing/publishing-world.ts';
import { TEST_BASE_URL } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';

const HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>';
const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
// The not-found page names the path asked for (its language links); nothing else may differ.
const samePage = (html: string, path: string) => html.replaceAll(path, '<path>');

describe(`the public case page (${testEngine()})`, () => {
  it('shows the public copy to anyone, with its facts, pictures, QR code, share link, Open Graph tags and JSON-LD', async () => {
    const w = await publishingWorld();
    const { path, publicId } = await publishCopy(w, { photoIds: [w.photos[0]] });
    expect(path).toBe(`/campaigns/seventh-collection/cases/${publicId}`);
    const res = await w.stranger.get(path);
    expect([res.statusCode, res.headers['content-language']]).toEqual([200, 'zh-CN']);
    const html = res.body;
    const field = (name: string) => new RegExp(`data-field="${name}">([^<]*)<`).exec(html)?.[1];
    expect([field('title'), field('unit'), field('region'), field('category')]).toEqual(['“红色物业”让社区治理更有温度', '北京市朝阳区建外街道第一社区党委', '北京市朝阳区', '城市基层党建']);
    expect(html).toContain('<h2 id="section-background">');
    expect(html).toContain(`<img src="${path}/photos/${w.photos[0]}" alt="“红色物业”让社区治理更有温度：图片 1" loading="lazy" decoding="async" width="800" height="600"/>`);
    expect(html).not.toContain(w.photos[1]);
    expect(html).toContain(`<input id="share-link" class="case-link" readOnly="" value="${TEST_BASE_URL}${path}?lang=zh-CN"/>`);
    expect(html).toMatch(/<img class="case-qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain(`<meta property="og:image" content="${TEST_BASE_URL}${path}/photos/${w.photos[0]}"/>`);
    expect(html).toContain(`<link rel="canonical" href="${TEST_BASE_URL}${path}?lang=zh-CN"/>`);
    const ld = jsonLdOf(html);
    expect([ld['@type'], ld.headline, ld.author.name, ld.url, ld.award]).toEqual(['Article', '“红色物业”让社区治理更有温度', '北京市朝阳区建外街道第一社区党委', `${TEST_BASE_URL}${path}`, undefined]);
    // The photo itself, and only the one shown.
    const photo = await w.stranger.get(`${path}/photos/${w.photos[0]}`);
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect((await w.stranger.get(`${path}/photos/${w.photos[1]}`)).statusCode).toBe(404);
    expect((await w.stranger.get(`${path}/photos/${w.formId}`)).statusCode).toBe(404);
  });

  it('carries the tier once results are final, in the reader’s language', async () => {
    const w = await publishingWorld();
    const { path } = await publishCopy(w);
    await w.app.db.insertInto('final_results').values({ campaign_id: w.campaignId, case_id: w.caseId, tier: 'best', serial: 'ZJ7-0001-AAAAAAAA', finalized_at: '2024-05-01T00:00:00.000Z' }).execute();
    await setPhase(w.app, 'final');
    const zh = (await w.stranger.get(path)).body;
    expect(/data-field="tier">([^<]*)</.exec(zh)?.[1]).toBe('最佳案例');
    const en = (await w.stranger.get(`${path}?lang=en`)).body;
    expect([/data-field="tier">([^<]*)</.exec(en)?.[1], /data-field="category">([^<]*)</.exec(en)?.[1], jsonLdOf(en).award]).toEqual(['Best case', 'Urban grass-roots Party building', 'Best case']);
  });

  it('renders script and markup in every published field as text, the JSON-LD included', async () => {
    const w = await publishingWorld();
    const copy = (await w.organizer.post(copyUrl(w.caseId))).json().data.copy;
    const res = await w.organizer.put(copyUrl(w.caseId), {
      version: copy.version, title: HOSTILE, unitName: HOSTILE, summary: `<p>${HOSTILE}</p><p>if a &lt; b &amp;&amp; &lt;script&gt;</p>`,
      sections: { ...copy.sections, background: `<p>背景</p>${HOSTILE}`, practice: `<h3 onclick="x()">做法</h3><iframe src="//evil"></iframe>` }, photoIds: [],
    });
    expect(res.statusCode).toBe(200);
    const published = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: copy.version + 1 });
    const html = (await w.stranger.get(published.json().data.copy.path)).body;
    // The one script element is the JSON-LD; no attribute handler or frame made it through.
    expect(html.match(/<script/g)).toEqual(['<script']);
    // Attribute values (React always double-quotes them) may hold the text; no tag may hold a handler.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=|<iframe|<img src=x/i);
    expect(html).toContain('<div class="case-text" data-field="summary"><p>if a &lt; b &amp;&amp; &lt;script&gt;</p></div>');
    expect(html).toContain('<div class="case-text" data-field="section-practice"><h3>做法</h3></div>');
    expect(html).toContain('<h1 data-field="title">&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(html).toContain('data-field="unit">&lt;/script&gt;');
    expect(jsonLdOf(html).headline).toBe(HOSTILE);
    expect(jsonLdOf(html).author.name).toBe(HOSTILE);
    expect(html).toContain(`<title>${'&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;'} · `);
  });

  it('answers everything not published now exactly like a page that does not exist', async () => {
    const w = await publishingWorld();
    const missing = await w.stranger.get('/campaigns/seventh-collection/cases/0000000000000000');
    expect(missing.statusCode).toBe(404);
    const notFound = samePage(missing.body, '/campaigns/seventh-collection/cases/0000000000000000');
    const expectMissing = async (path: string) => {
      const res = await w.stranger.get(path);
      expect([res.statusCode, samePage(res.body, path)]).toEqual([404, notFound]);
    };
    // Made but never published.
    const created = (await w.organizer.post(copyUrl(w.caseId))).json().data.copy;
    await expectMissing(created.path);
    await expectMissing(`${created.path}/photos/${w.photos[0]}`);
    const { path } = await (async () => {
      const published = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: created.version });
      return { path: published.json().data.copy.path as string };
    })();
    expect((await w.stranger.get(path)).statusCode).toBe(200);
    // Under another campaign's address, and the declaration form or a photo not shown.
    await expectMissing(path.replace('seventh-collection', 'eighth-collection'));
    await expectMissing(`${path}/photos/${w.formId}`);
    await expectMissing(`${path}/photos/${w.photos[1]}`);
    // Screening reversed, then the case returned and withdrawn: gone as if never there.
    await w.app.db.updateTable('cases').set({ screening: 'pending' }).where('id', '=', w.caseId).execute();
    await expectMissing(path);
    await w.app.db.updateTable('cases').set({ screening: 'passed' }).where('id', '=', w.caseId).execute();
    for (const status of ['returned', 'withdrawn'] as const) {
      await w.app.db.updateTable('cases').set({ status }).where('id', '=', w.caseId).execute();
      await expectMissing(path);
    }
    await w.app.db.updateTable('cases').set({ status: 'submitted' }).where('id', '=', w.caseId).execute();
    // What the case has and the copy does not: contacts, the declaration form, the unit's other fields.
    const html = (await w.stranger.get(path)).body;
    for (const hidden of ['李华', '010-65001234', 'lihua@example.cn', '申报表.pdf', '盖章申报表.pdf', '建外大街1号', w.caseId]) expect(html).not.toContain(hidden);
  });

  it('tells a reader of a link to a case taken down that it is no longer shown, naming nothing of the case', async () => {
    const w = await publishingWorld();
    const { path, version } = await publishCopy(w);
    await w.organizer.post(`${copyUrl(w.caseId)}/unpublish`, { version });
    const res = await w.stranger.get(path);
    expect([res.statusCode, res.headers['x-robots-tag']]).toEqual([410, 'noindex']);
    expect(/<h1>([^<]*)<\/h1>/.exec(res.body)?.[1]).toBe('该案例已不再展示');
    expect(res.body).toContain('主办单位已将其撤下，目前不再公开。这不是链接错误');
    expect(res.body).toContain('href="/campaigns/seventh-collection?lang=zh-CN"');
    expect(res.body).not.toContain('红色物业');
    expect(res.body).not.toContain('建外街道');
    expect((await w.stranger.get(`${path}?lang=en`)).body).toContain('<h1>This case is no longer shown</h1>');
    expect((await w.stranger.get(`${path}/photos/${w.photos[0]}`)).statusCode).toBe(404);
  });
});
