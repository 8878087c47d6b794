import { describe, expect, it } from 'vitest';
import { AFTER_WINDOW, BEFORE_WINDOW, DURING_WINDOW, SEVENTH } from '../testing/fixtures.ts';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '\n').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\n+/g, ' ');
const links = (html: string) => [...html.matchAll(/<a class="button[^"]*" href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2], m[1]!.replace(/&amp;/g, '&')]);
const NEXT = '%2Fapp%2Fcases%3Fnew%3Dseventh-collection';

describe(`the way from the public pages to online submission (${testEngine()})`, () => {
  it('offers 申报案例 and 登录工作台 on the special page while the window is open, with what to prepare and the mailbox', async () => {
    const { app } = await createTestApp({ now: DURING_WINDOW });
    const html = (await app.inject({ url: `/campaigns/${SEVENTH}` })).body;
    expect(links(html)).toEqual([
      ['申报案例', `/app/sign-up?next=${NEXT}&lang=zh-CN`],
      ['登录工作台', `/app/sign-in?next=${NEXT}&lang=zh-CN`],
    ]);
    const text = textOf(html);
    expect(text).toContain('在线申报 申报案例 登录工作台 首次申报请先注册账号并验证邮箱，再登记单位；已有账号请直接登录。 申报前请准备');
    expect(text).toContain('案例文本：背景、做法、成效、探讨、附录；摘要不超过500字，正文不超过5000字。');
    expect(text).toContain('申报表：下载后填写，由所在单位党组织和上级党组织签署意见并加盖公章，拍照或扫描。');
    expect(text).toContain('加盖公章的申报表照片或扫描件（必交，最多 5 个，每个不超过 20 MB）');
    expect(text).toContain('视频资料（可选，最多 3 个，每个不超过 1 GB）');
    expect(text).toContain('也可按征集通知的要求，将案例电子版、申报表电子版及加盖公章的照片发送至征集邮箱： zhengji@people.cn');
  });

  it('says the same in English', async () => {
    const { app } = await createTestApp({ now: DURING_WINDOW });
    const html = (await app.inject({ url: `/campaigns/${SEVENTH}?lang=en` })).body;
    expect(links(html)).toEqual([
      ['Submit a case', `/app/sign-up?next=${NEXT}&lang=en`],
      ['Sign in to the workbench', `/app/sign-in?next=${NEXT}&lang=en`],
    ]);
    expect(textOf(html)).toContain('Submit online Submit a case Sign in to the workbench First time? Create an account, verify your e-mail and register your unit. Already have an account? Sign in. What to prepare');
    expect(textOf(html)).toContain('Photo or scan of the sealed declaration form (required, up to 5 files of at most 20 MB each)');
    expect(textOf(html)).toContain('Declaration form (electronic version) (required, one file of at most 20 MB)');
  });

  it('says when submission opens before the window and that it closed after, with no way to start a case', async () => {
    const { app, setNow } = await createTestApp({ now: BEFORE_WINDOW });
    let html = (await app.inject({ url: `/campaigns/${SEVENTH}` })).body;
    expect(links(html)).toEqual([]);
    expect(textOf(html)).toContain('在线申报将于 2024-01-15 00:00:00（北京时间）开放，届时可在此注册并申报案例。');
    setNow(AFTER_WINDOW);
    html = (await app.inject({ url: `/campaigns/${SEVENTH}?lang=en` })).body;
    expect(links(html)).toEqual([]);
    expect(textOf(html)).toContain('Online submission closed on 2024-06-30 23:59:59 (Beijing time); no new cases are accepted.');
  });

  it('lists the campaigns on the home page by state, with the same action', async () => {
    const { app, setNow } = await createTestApp({ now: DURING_WINDOW });
    let html = (await app.inject({ url: '/' })).body;
    expect([...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(['正在征集']);
    expect(links(html)).toEqual([
      ['申报案例', `/app/sign-up?next=${NEXT}&lang=zh-CN`],
      ['登录工作台', `/app/sign-in?next=${NEXT}&lang=zh-CN`],
    ]);
    html = (await app.inject({ url: '/?lang=en' })).body;
    expect([...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(['Open now']);
    expect(links(html)).toEqual([
      ['Submit a case', `/app/sign-up?next=${NEXT}&lang=en`],
      ['Sign in to the workbench', `/app/sign-in?next=${NEXT}&lang=en`],
    ]);
    setNow(AFTER_WINDOW);
    html = (await app.inject({ url: '/' })).body;
    expect([...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(['已截止']);
    expect(links(html)).toEqual([]);
    expect(textOf(html)).toContain('在线申报已于 2024-06-30 23:59:59（北京时间）截止，不再接收新的申报。');
  });
});
