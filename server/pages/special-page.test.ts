import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { setPhase } from '../testing/assignments.ts';
import { AFTER_WINDOW, BEFORE_WINDOW, SEVENTH } from '../testing/fixtures.ts';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '\n').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const headings = (html: string, tag: 'h1' | 'h2' | 'h3') =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => textOf(m[1]!).replace(/\n/g, ''));
const meta = (html: string, attr: string, name: string) =>
  new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1];

describe(`special page (${testEngine()})`, () => {
  it('leads to the public notice once the campaign reaches it, and not before', async () => {
    const { app } = await createTestApp();
    expect((await app.inject({ url: `/campaigns/${SEVENTH}` })).body).not.toContain('/app/notice');
    await setPhase(app, 'notice');
    const html = (await app.inject({ url: `/campaigns/${SEVENTH}` })).body;
    expect(headings(html, 'h2')[0]).toBe('拟推荐名单公示');
    expect(html).toContain(`href="/app/notice?campaign=${SEVENTH}&amp;lang=zh-CN"`);
  });

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

  it('gives the notice\'s publication time and source, and keeps its wording apart from the platform\'s rules', async () => {
    const { app } = await createTestApp();
    const zh = (await app.inject({ url: `/campaigns/${SEVENTH}` })).body;
    expect(zh).toContain('<p class="meta">发布时间：<time dateTime="2024-01-15T02:00:00.000Z">2024-01-15 10:00（北京时间）</time></p>');
    expect(zh).toContain('<p class="meta">来源：人民网－中国共产党新闻网</p>');
    const style = (html: string) => textOf(/<section id="style">([\s\S]*?)<\/section>/.exec(html)![1]!).split('\n').filter(Boolean);
    expect(style(zh)).toEqual([
      '四、案例体例要求', '入选案例一般应包括以下要素：', '（一）背景', '（二）做法', '（三）成效', '（四）探讨', '（五）附录',
      '案例文本应主题鲜明、层次清晰、内容翔实、语言生动、富有感染力。', '≤ 500', '案例摘要不超过500字', '≤ 5000', '正文不超过5000字',
      '平台规则（征集通知未作规定，由本平台执行）',
      '在线申报时，背景、做法、成效和探讨须填写。附录可以不填。',
      '附录不计入正文的 5000 字。',
      '附录：相关制度文件、数据表格等佐证材料。',
      '字数按 Microsoft Word 中文“字数”的方法统计：每个汉字（含生僻字）、假名、注音符号、全角字符和中文标点各计 1 字，带圈、带括号或方框的汉字、数字和单位符号（㈠①⑴㎡）及上下标数字（²）也各计 1 字；引号、破折号、省略号和间隔号（“”‘’——……·）各计 1 字，紧挨字母或数字时随之计入；每串连续的字母、数字或表情符号（含 ©、™ 等；可夹带标点，如 3.5%、e-mail、www.example.cn）计 1 字，朝鲜文按词计；单独成串的半角标点和其他符号（如 +、-、(、%、★）、空格、连接号“–”和不可见字符（零宽空格、软连字符等）不计字数。',
    ]);
    expect(zh).not.toContain('必填');
    expect(zh).not.toContain('选填');

    const en = (await app.inject({ url: `/campaigns/${SEVENTH}?lang=en` })).body;
    expect(en).toContain('<p class="meta">Published: <time dateTime="2024-01-15T02:00:00.000Z">2024-01-15 10:00 (Beijing time)</time></p>');
    expect(en).toContain('<p class="meta">Source: People&#x27;s Daily Online – CPC News Network</p>');
    expect(style(en)).toEqual([
      '4. Case style requirements', 'Selected cases should generally include the following elements: ',
      '(1) Background', '(2) Practice', '(3) Effectiveness', '(4) Discussion', '(5) Appendix',
      'The case text should have a clear theme and a clear structure, be rich in content, and be vivid and engaging in its language.',
      '≤ 500', 'Case summary: at most 500 characters (字)', '≤ 5000', 'Case text: at most 5000 characters (字)',
      'Platform rules (not stated in the notice; applied by this platform)',
      'When submitting online, Background, Practice, Effectiveness, and Discussion must be filled in. Appendix may be left empty.',
      'Not counted toward the 5000 characters of the case text: Appendix.',
      'Appendix: Supporting documents such as regulations and data tables.',
      'Counted as Microsoft Word counts 字数 for Chinese text: each Chinese character (rare ones included), kana, Bopomofo letter, full-width character and Chinese punctuation mark counts one, and so does each enclosed or squared East Asian character or number (㈠ ① ⑴ ㎡) and each superscript or subscript digit (²); quotation marks, dashes, ellipses and the middle dot (“ ” ‘ ’ —— …… ·) count one each, unless they touch letters or digits, which they then join; each run of letters, digits or emoji (© and ™ included; with any punctuation inside, as in 3.5%, e-mail, www.example.cn) counts one, and Korean counts by word; punctuation and symbols standing alone (+ - ( % ★), spaces, the en dash – and invisible characters (zero-width space, soft hyphen and the like) count nothing.',
    ]);
  });

  it('says "one file" and "up to 5 files" in English', async () => {
    const { app } = await createTestApp();
    const en = textOf((await app.inject({ url: `/campaigns/${SEVENTH}?lang=en` })).body);
    expect(en).toContain('The completed declaration form as a Word file. One file of at most 20 MB.');
    expect(en).toContain('photographed or scanned. Up to 5 files of at most 20 MB each.');
    expect(en).toContain('Video material about the case. Up to 3 files of at most 1 GB each.');
    expect(en).not.toMatch(/\b1 files\b/);
  });

  it('puts the timeline in time order, the notice at 10:00 Beijing time on the day the window opened', async () => {
    const timeline = (html: string) => [...html.matchAll(/<li( class="past")?><time>([^<]*)<\/time>([^<]*)<\/li>/g)].map((m) => `${m[2]} ${m[3]}${m[1] ? ' ✓' : ''}`);
    const { app, setNow } = await createTestApp({ now: new Date('2024-01-15T01:59:00.000Z') });
    expect(timeline((await app.inject({ url: `/campaigns/${SEVENTH}` })).body)).toEqual([
      '2024-01-15 00:00:00 开始征集 ✓', '2024-01-15 10:00 发布征集通知', '2024-06-30 23:59:59 征集截止',
    ]);
    setNow(new Date('2024-01-15T02:00:00.000Z'));
    expect(timeline((await app.inject({ url: `/campaigns/${SEVENTH}` })).body)).toEqual([
      '2024-01-15 00:00:00 开始征集 ✓', '2024-01-15 10:00 发布征集通知 ✓', '2024-06-30 23:59:59 征集截止',
    ]);
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
    expect(html).toContain('<a class="lang" href="/campaigns/seventh-collection?lang=zh-CN" hrefLang="zh-CN"><span lang="zh-CN">中文</span><span class="sr"> · Switch language</span></a>');

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
    expect(headings(zh.body, 'h1')).toEqual(['未找到征集活动“eighth-collection”。']);
    const en = await app.inject({ url: '/campaigns/eighth-collection?lang=en' });
    expect(headings(en.body, 'h1')).toEqual(['There is no collection “eighth-collection”.']);
    const missing = await app.inject({ url: '/no/such/page', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(headings(missing.body, 'h1')).toEqual(['Page not found']);
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
