import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translate, type MessageKey } from '../core/i18n/messages.ts';
import { createDraftCase, type DraftCase } from '../server/testing/cases.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { browserSuite, describeInChromium, PHONE, signInThroughForm, startServerDuringWindow } from './browser.ts';

// A unit imports a case written as an official document: a heading the import cannot place is
// shown before anything is replaced and goes where the unit puts it, and a table stays a table
// in the editor, through an edit of its section and the autosave.

const zh = (key: string) => translate('zh-CN', key as MessageKey);
const line = (font: string, text: string) => new Paragraph({ children: [new TextRun({ text, font: { eastAsia: font, ascii: 'Times New Roman' } })] });
const TABLE_HTML = '<table><tbody><tr><td><p>年份</p></td><td><p>投诉件数</p></td></tr><tr><td><p>2022</p></td><td><p>120</p></td></tr></tbody></table>';

async function officialDocx(dir: string): Promise<string> {
  const cell = (text: string) => new TableCell({ children: [line('仿宋_GB2312', text)] });
  const children = [
    line('方正小标宋简体', '“三方联动”破解老旧小区治理难题'),
    line('黑体', '一、基本情况'), line('仿宋_GB2312', '小区建成于1995年。'),
    line('黑体', '二、主要做法'), line('楷体_GB2312', '（一）推动成效转化'), line('仿宋_GB2312', '把议定事项转化为服务项目。'),
    line('黑体', '三、工作成效'), line('仿宋_GB2312', '物业投诉下降六成。'),
    new Table({ rows: [['年份', '投诉件数'], ['2022', '120']].map((row) => new TableRow({ children: row.map(cell) })) }),
    line('黑体', '四、经验启示'), line('仿宋_GB2312', '三方联动需要制度保障。'),
    line('黑体', '五、下一步打算'), line('仿宋_GB2312', '推广到全街道。'),
  ];
  const file = path.join(dir, '三方联动.docx');
  await writeFile(file, await Packer.toBuffer(new Document({ sections: [{ children }] })));
  return file;
}

describeInChromium('importing an official-style Word file in Chromium', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow() });
  let draft: DraftCase;
  let dir: string;
  const problems: string[] = [];
  const section = (page: Page, key: string) => page.locator(`[data-section="${key}"] .ProseMirror`);
  const saved = async () => ((await draft.client.get(`/api/v1/cases/${draft.caseId}`)).json() as { data: { content: { sections: Record<string, string> } } }).data.content;

  beforeAll(async () => {
    draft = await createDraftCase(suite.app, { title: '工作标题' });
    dir = await mkdtemp(path.join(tmpdir(), 'zhengji-import-'));
  }, 180_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lets the unit place the part it could not, and keeps the table whole through an edit', async () => {
    const context = await suite.browser.newContext({ ...PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${suite.url}/app/sign-in`);
    await signInThroughForm(page, draft.email, PASSWORD);
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    await page.goto(`${suite.url}/app/cases/${draft.caseId}`);
    await section(page, 'background').waitFor();

    await page.getByRole('button', { name: zh('wb.import.open') }).click();
    const importer = page.getByRole('dialog');
    const chooser = page.waitForEvent('filechooser');
    await importer.getByText(zh('wb.import.choose')).click();
    await (await chooser).setFiles(await officialDocx(dir));
    const apply = importer.getByRole('button', { name: zh('wb.import.apply') });
    await apply.waitFor({ timeout: 30_000 });

    // The part it could not place comes first, with where to put it; nothing is placed unasked.
    const card = (title: string) => importer.locator('.ant-card', { has: page.locator('.ant-card-head', { hasText: title }) });
    const unmatched = card(zh('wb.import.unmatched'));
    expect(await unmatched.locator('.ant-card-body strong').allInnerTexts()).toEqual(['五、下一步打算']);
    expect(await card('四、探讨').locator('.wb-case-html').innerHTML()).toBe('<p>三方联动需要制度保障。</p>');
    await unmatched.locator('.wb-import-place').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '四、探讨' }).click();
    expect(await card('四、探讨').locator('.wb-case-html').innerHTML()).toBe('<p>三方联动需要制度保障。</p><h3>五、下一步打算</h3><p>推广到全街道。</p>');
    expect(await card('二、做法').locator('.wb-case-html').innerHTML()).toBe('<h3>（一）推动成效转化</h3><p>把议定事项转化为服务项目。</p>');
    await apply.click();
    await importer.waitFor({ state: 'hidden' });

    // The editor shows the table as a table, and an edit elsewhere in the section keeps it.
    expect(await section(page, 'effectiveness').locator('table td').allInnerTexts()).toEqual(['年份', '投诉件数', '2022', '120']);
    await section(page, 'effectiveness').locator('p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('群众满意。');
    await expect.poll(async () => (await saved()).sections, { timeout: 20_000 }).toMatchObject({
      effectiveness: `<p>物业投诉下降六成。群众满意。</p>${TABLE_HTML}`,
      discussion: '<p>三方联动需要制度保障。</p><h3>五、下一步打算</h3><p>推广到全街道。</p>',
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});
