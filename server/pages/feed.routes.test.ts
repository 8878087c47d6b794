import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { libraryWorld, publishFurtherCase } from '../testing/library-world.ts';
import { copyUrl, publishCopy } from '../testing/publishing-world.ts';
import { TEST_BASE_URL } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';
import { atomFeed, xmlText } from './atom-feed.ts';

// Each campaign's Atom feed of newly published cases (issue 16, item 5; decision 0042), and the
// links that lead to it and to the cases: the special page's list, <link rel="alternate">, canonical URLs.

const FEED = '/campaigns/seventh-collection/feed.atom';
const HOSTILE = ']]></summary><script>alert("x")</script><img src=x onerror=alert(1)>&amp;\'';

interface XmlNode { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string }

/** Parses strictly (any well-formedness error throws) into a small tree, namespaces resolved. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: `{${tag.uri}}${tag.local}`, attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])), children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on('text', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root!;
}

const ATOM = '{http://www.w3.org/2005/Atom}';
const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === `${ATOM}${name}`);
const children = (node: XmlNode, name: string) => node.children.filter((c) => c.name === `${ATOM}${name}`);

describe(`the campaign's Atom feed (${testEngine()})`, () => {
  it('is valid Atom 1.0: the newest shown cases first, each with id, title, link, updated and a plain summary', async () => {
    const w = await libraryWorld();
    w.setNow(new Date('2024-03-01T02:00:00Z'));
    const red = await publishCopy(w);
    const rural = await publishFurtherCase(w, {
      title: '党建引领乡村振兴的新路子', unitName: '广东省清远市连州市丰阳镇党委', divisionCode: '441882', category: 'rural', at: '2024-03-02T02:00:00Z',
      summary: '镇党委把党支部建在产业链上。',
    });
    const res = await w.stranger.get(FEED);
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/atom+xml; charset=utf-8']);
    const feed = parseXml(res.body);
    expect(feed.name).toBe(`${ATOM}feed`);
    expect(feed.attributes.lang).toBe('zh-CN');
    expect([child(feed, 'id')!.text, child(feed, 'title')!.text, child(feed, 'updated')!.text]).toEqual([
      `${TEST_BASE_URL}${FEED}`, '第七届全国基层党建创新典型案例征集活动：公开展示的案例', '2024-03-02T02:00:00.000Z',
    ]);
    expect(children(feed, 'link').map((l) => [l.attributes.rel, l.attributes.href])).toEqual([
      ['self', `${TEST_BASE_URL}${FEED}?lang=zh-CN`], ['alternate', `${TEST_BASE_URL}/campaigns/seventh-collection?lang=zh-CN`],
    ]);
    expect(child(child(feed, 'author')!, 'name')!.text).not.toBe('');
    const entries = children(feed, 'entry');
    expect(entries.map((e) => [child(e, 'id')!.text, child(e, 'title')!.text, child(e, 'link')!.attributes.href, child(e, 'updated')!.text, child(child(e, 'author')!, 'name')!.text])).toEqual([
      [`${TEST_BASE_URL}${rural.path}`, '党建引领乡村振兴的新路子', `${TEST_BASE_URL}${rural.path}?lang=zh-CN`, '2024-03-02T02:00:00.000Z', '广东省清远市连州市丰阳镇党委'],
      [`${TEST_BASE_URL}${red.path}`, '“红色物业”让社区治理更有温度', `${TEST_BASE_URL}${red.path}?lang=zh-CN`, '2024-03-01T02:00:00.000Z', '北京市朝阳区建外街道第一社区党委'],
    ]);
    expect([child(entries[0]!, 'summary')!.attributes.type, child(entries[0]!, 'summary')!.text]).toEqual(['text', '镇党委把党支部建在产业链上。']);
    expect(child(entries[0]!, 'category')!.attributes.term).toBe('农村基层党建');
    // In English when asked; an entry's id stays the case's address whatever the language.
    const en = parseXml((await w.stranger.get(`${FEED}?lang=en`)).body);
    expect([en.attributes.lang, child(children(en, 'entry')[0]!, 'id')!.text, child(children(en, 'entry')[0]!, 'link')!.attributes.href]).toEqual([
      'en', `${TEST_BASE_URL}${rural.path}`, `${TEST_BASE_URL}${rural.path}?lang=en`,
    ]);
  });

  it('carries script and markup in every published field as text, and stays well-formed', async () => {
    const w = await libraryWorld();
    const copy = (await w.organizer.post(copyUrl(w.caseId))).json().data.copy;
    const edited = await w.organizer.put(copyUrl(w.caseId), {
      version: copy.version, title: HOSTILE, unitName: HOSTILE, summary: `<p>${HOSTILE.replace(/</g, '&lt;')}</p>`, sections: copy.sections, photoIds: [],
    });
    expect(edited.statusCode).toBe(200);
    await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: copy.version + 1 });
    // A character XML cannot carry, as a row written by other means (an import) might hold it, escaped in the HTML.
    await w.app.db.updateTable('published_cases').set({ summary: `<p>${HOSTILE.replace(/</g, '&lt;')}</p><p>&#1;控制符\u0007</p>` }).where('case_id', '=', w.caseId).execute();
    const body = (await w.stranger.get(FEED)).body;
    expect(body).not.toContain('<script');
    const entry = children(parseXml(body), 'entry')[0]!;
    expect([child(entry, 'title')!.text, child(child(entry, 'author')!, 'name')!.text]).toEqual([HOSTILE, HOSTILE]);
    // The summary is the HTML's text: its one entity decoded, the control characters gone.
    expect(child(entry, 'summary')!.text).toBe(`${HOSTILE.replace('&amp;', '&')} 控制符`);
  });

  it('lists only cases shown now, and is empty but valid for a campaign that shows none', async () => {
    const w = await libraryWorld();
    const { path, version } = await publishCopy(w);
    expect((await w.stranger.get(FEED)).body).toContain(path);
    await w.organizer.post(`${copyUrl(w.caseId)}/unpublish`, { version });
    const empty = parseXml((await w.stranger.get(FEED)).body);
    expect([children(empty, 'entry').length, child(empty, 'updated')!.text]).toEqual([0, child(empty, 'updated')!.text]);
    expect(child(empty, 'updated')!.text).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await w.stranger.get('/campaigns/no-such-campaign/feed.atom')).statusCode).toBe(404);
  });

  it('is linked from the special page and the case pages, which also list and link each other, with canonical URLs', async () => {
    const w = await libraryWorld();
    const { path } = await publishCopy(w);
    const special = (await w.stranger.get('/campaigns/seventh-collection')).body;
    expect(special).toContain(`<link rel="alternate" type="application/atom+xml" title="第七届全国基层党建创新典型案例征集活动：公开展示的案例" href="${TEST_BASE_URL}${FEED}?lang=zh-CN"/>`);
    expect(special).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/campaigns/seventh-collection?lang=zh-CN"/>`);
    // The special page links its published cases themselves, not only the library.
    expect(special).toContain(`<a href="${path}?lang=zh-CN">“红色物业”让社区治理更有温度</a>`);
    expect(special).toContain(`href="${FEED}?lang=zh-CN"`);
    const casePage = (await w.stranger.get(`${path}?lang=en`)).body;
    expect(casePage).toContain(`<link rel="alternate" type="application/atom+xml" title="The Seventh National Collection of Typical Cases of Grass-roots Party-building Innovation: published cases" href="${TEST_BASE_URL}${FEED}?lang=en"/>`);
    expect(casePage).toContain(`<link rel="canonical" href="${TEST_BASE_URL}${path}?lang=en"/>`);
    // A library search's canonical URL keeps the meaningful choices in a fixed order, whatever order they were asked in.
    const library = (await w.stranger.get('/library?lang=zh-CN&page=1&province=11&size=20&q=%E7%A4%BE%E5%8C%BA&campaign=seventh-collection&tier=bogus')).body;
    expect(library).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/library?q=%E7%A4%BE%E5%8C%BA&amp;campaign=seventh-collection&amp;province=11&amp;lang=zh-CN"/>`);
    expect((await w.stranger.get('/?lang=zh-CN')).body).toContain(`<link rel="canonical" href="${TEST_BASE_URL}/?lang=zh-CN"/>`);
  });
});

describe('the Atom writer', () => {
  it('escapes the five XML characters and drops characters XML 1.0 cannot carry', () => {
    expect(xmlText(`<a href="x">&'</a>\u0000\u0008\u000B\uFFFE\uD800ok\uD83D\uDE00`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;ok😀');
    const xml = atomFeed({
      id: 'http://x/feed', title: '<t>', subtitle: 's', language: 'zh-CN', self: 'http://x/feed?a=1&b=2', alternate: 'http://x/', author: 'a',
      updatedWhenEmpty: '2024-01-01T00:00:00.000Z', entries: [],
    });
    const feed = parseXml(xml);
    expect([child(feed, 'title')!.text, children(feed, 'link')[0]!.attributes.href, child(feed, 'updated')!.text]).toEqual(['<t>', 'http://x/feed?a=1&b=2', '2024-01-01T00:00:00.000Z']);
  });
});
