import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AFTER_WINDOW, BEFORE_WINDOW, SEVENTH } from '../testing/fixtures.ts';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '\n').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const headings = (html: string, tag: 'h1' | 'h2' | 'h3') =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => textOf(m[1]!).replace(/\n/g, ''));
const meta = (html: string, attr: string, name: string) =>
  new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1];

describe(`special page (${testEngine()})`, () => {
  it('shows the whole call in Chinese by default', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: `/campaigns/${SEVENTH}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-language']).toBe('zh-CN');
    const html = res.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(headings(html, 'h1')).toEqual(['第七届全国基层党建创新典型案例征集活动']);
    expect(headings(html, 'h2')).toEqual([
      '在线申报', '一、总体要求', '二、主题和内容', '三、案例征集标准', '四、案例体例要求', '五、案例报送方式', '六、案例宣传展示', '七、其他',
    ]);
    expect(headings(html, 'h3').slice(0, 11)).toEqual([
      '申报前请准备', '1农村基层党建', '2城市基层党建', '3国有企业党建', '4机关党建', '5事业单位党建', '6新经济组织、新社会组织、新就业群体党建',
      '真实性', '创新性', '实效性', '典型性',
    ]);
    const text = textOf(html);
    expect(text).toContain('增强基层党组织政治功能和组织功能');
    expect(text).toContain('2024-01-15 00:00:00 至 2024-06-30 23:59:59（北京时间）');
    expect(text).toContain('截止时间：2024-06-30 23:59:59（北京时间）');
    expect(text).toContain('案例摘要不超过500字');
    expect(text).toContain('正文不超过5000字');
    expect(text).toContain('中国浦东干部学院科研部');
    expect(text).toContain('联系人：王老师、杨老师');
    expect(html).toContain('<a href="tel:021-28288809">021-28288809</a>');
    expect(html).toContain('<a href="tel:021-28288044">021-28288044</a>');
    expect(html).toContain('href="mailto:zhengji@people.cn"');
    expect(html).toContain('href="/campaigns/seventh-collection/declaration-form.docx?lang=zh-CN"');
  });

  it('counts down to the deadline during the window, to the minute without JavaScript', async () => {
    const { app } = await createTestApp({ now: new Date('2024-06-28T13:58:30.000Z') });
    const html = (await app.inject({ url: `/campaigns/${SEVENTH}` })).body;
    expect(html).toContain('<span class="badge open">征集进行中</span>');
    expect(html).toContain(`data-deadline="${Date.parse('2024-06-30T16:00:00.000Z')}"`);
    expect(textOf(html).replace(/\n+/g, ' ')).toContain('距截止还有 2 天 2 小时 1 分');
  });

  it('says so before the window opens and after it closes', async () => {
    const { app, setNow } = await createTestApp({ now: BEFORE_WINDOW });
    let text = textOf((await app.inject({ url: `/campaigns/${SEVENTH}` })).body);
    expect(text).toContain('征集尚未开始');
    expect(text).toContain('将于 2024-01-15 00:00:00（北京时间）开始征集。');
    setNow(AFTER_WINDOW);
    const html = (await app.inject({ url: `/campaigns/${SEVENTH}` })).body;
    text = textOf(html);
    expect(text).toContain('征集已截止');
    expect(text).toContain('本次征集已于 2024-06-30 23:59:59（北京时间）截止，不再接收新的申报。');
    expect(html).not.toContain('data-deadline');
  });

  it('shows the call in English by the switch and remembers the choice', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: `/campaigns/${SEVENTH}?lang=en` });
    expect(res.headers['content-language']).toBe('en');
    expect(res.headers['set-cookie']).toBe('zhengji_lang=en; Max-Age=31536000; Path=/; SameSite=Lax');
    const html = res.body;
    expect(headings(html, 'h1')).toEqual(['The Seventh National Collection of Typical Cases of Grass-roots Party-building Innovation']);
    expect(headings(html, 'h2')).toEqual([
      'Submit online', '1. General requirements', '2. Subject and content', '3. Criteria for cases', '4. Case style requirements',
      '5. How to submit', '6. Publicity and display', '7. Other matters',
    ]);
    const text = textOf(html);
    for (const name of ['Rural grass-roots Party building', 'Urban grass-roots Party building', 'Party building in state-owned enterprises',
      'Party building in government organs', 'Party building in public institutions', 'Authenticity', 'Innovation', 'Effectiveness', 'Typicality']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Deadline: 2024-06-30 23:59:59 (Beijing time)');
    expect(text).toContain('Contact: Mr. Wang, Mr. Yang');
    expect(html).toContain('<a class="lang" href="/campaigns/seventh-collection?lang=zh-CN" hrefLang="zh-CN" lang="zh-CN"');

    const remembered = await app.inject({ url: `/campaigns/${SEVENTH}`, cookies: { zhengji_lang: 'en' } });
    expect(remembered.headers['content-language']).toBe('en');
    expect(remembered.headers['set-cookie']).toBeUndefined();
  });

  it('follows Accept-Language when no choice was made', async () => {
    const { app } = await createTestApp();
    const en = await app.inject({ url: `/campaigns/${SEVENTH}`, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.headers['content-language']).toBe('en');
    const zh = await app.inject({ url: `/campaigns/${SEVENTH}`, headers: { 'accept-language': 'fr-FR,zh-TW;q=0.5' } });
    expect(zh.headers['content-language']).toBe('zh-CN');
    expect(zh.headers.vary).toBe('Accept-Encoding, Accept-Language, Cookie');
  });

  it('explains an unknown language and shows the page anyway', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: `/campaigns/${SEVENTH}?lang=fr` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain('<div class="notice" role="status">暂不支持语言“fr”，以下以中文显示。</div>');
    const escaped = await app.inject({ url: `/campaigns/${SEVENTH}?lang=${encodeURIComponent('<script>')}` });
    expect(escaped.body).toContain('暂不支持语言“&lt;script&gt;”');
  });

  it('has a title, description and Open Graph tags in the page language', async () => {
    const { app } = await createTestApp();
    const zh = (await app.inject({ url: `/campaigns/${SEVENTH}` })).body;
    expect(/<title>([^<]*)<\/title>/.exec(zh)?.[1]).toBe('第七届全国基层党建创新典型案例征集活动 · 征集');
    expect(meta(zh, 'name', 'description')).toMatch(/^为深入贯彻习近平新时代中国特色社会主义思想/);
    expect(meta(zh, 'property', 'og:title')).toBe('第七届全国基层党建创新典型案例征集活动 · 征集');
    expect(meta(zh, 'property', 'og:url')).toBe('http://zhengji.test/campaigns/seventh-collection?lang=zh-CN');
    expect(meta(zh, 'property', 'og:locale')).toBe('zh_CN');
    expect(meta(zh, 'property', 'og:type')).toBe('website');
    const en = (await app.inject({ url: `/campaigns/${SEVENTH}?lang=en` })).body;
    expect(meta(en, 'property', 'og:locale')).toBe('en_US');
    expect(meta(en, 'property', 'og:locale:alternate')).toBe('zh_CN');
    expect(en).toContain('<link rel="alternate" hrefLang="x-default" href="http://zhengji.test/campaigns/seventh-collection?lang=zh-CN"/>');
  });

  it('answers an unknown campaign with a 404 page in the visitor language', async () => {
    const { app } = await createTestApp();
    const zh = await app.inject({ url: '/campaigns/eighth-collection' });
    expect(zh.statusCode).toBe(404);
    expect(headings(zh.body, 'h2')).toEqual(['未找到征集活动“eighth-collection”。']);
    const en = await app.inject({ url: '/campaigns/eighth-collection?lang=en' });
    expect(headings(en.body, 'h2')).toEqual(['There is no collection “eighth-collection”.']);
    const missing = await app.inject({ url: '/no/such/page', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(headings(missing.body, 'h2')).toEqual(['Page not found']);
  });

  it('serves the page compressed to browsers that ask, the same page every time', async () => {
    const { app } = await createTestApp();
    const plain = await app.inject({ url: `/campaigns/${SEVENTH}` });
    const br = await app.inject({ url: `/campaigns/${SEVENTH}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gzip = await app.inject({ url: `/campaigns/${SEVENTH}`, headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } });
    expect([plain.headers['content-encoding'], br.headers['content-encoding'], gzip.headers['content-encoding']]).toEqual([undefined, 'br', 'gzip']);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
  });

  it('lists the campaigns on the home page', async () => {
    const { app } = await createTestApp();
    const html = (await app.inject({ url: '/' })).body;
    expect(html).toContain('<a href="/campaigns/seventh-collection?lang=zh-CN">第七届全国基层党建创新典型案例征集活动</a>');
    expect(html).toContain('<span class="badge open">征集进行中</span>');
  });

  it('serves the countdown script it links, cacheable forever', async () => {
    const { app } = await createTestApp();
    const html = (await app.inject({ url: `/campaigns/${SEVENTH}` })).body;
    const src = /<script src="(\/assets\/countdown\.[0-9a-f]{12}\.js)" defer=""><\/script>/.exec(html)?.[1];
    expect(src).toBeDefined();
    const script = await app.inject({ url: src! });
    expect(script.statusCode).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body).toContain('data-deadline');
    const css = /<link rel="stylesheet" href="(\/assets\/site\.[0-9a-f]{12}\.css)"\/>/.exec(html)?.[1];
    const sheet = await app.inject({ url: css!, headers: { 'accept-encoding': 'br' } });
    expect([sheet.statusCode, sheet.headers['content-type'], sheet.headers['content-encoding']]).toEqual([200, 'text/css; charset=utf-8', 'br']);
    expect(brotliDecompressSync(sheet.rawPayload).toString()).toContain('.countdown b{');
  });
});
