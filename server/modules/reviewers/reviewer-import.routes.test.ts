import { describe, expect, it } from 'vitest';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createOrganizerOfAnotherCampaign, createPerson, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { explodingReviewerSheet, manyReviewerRows, reviewerSheet } from '../../testing/reviewer-sheets.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';
import { XLSX_TYPE } from './reviewer-pool.routes.ts';

const PREVIEW = `/api/v1/campaigns/${SEVENTH}/reviewer-imports/preview`;
const COMMIT = `/api/v1/campaigns/${SEVENTH}/reviewer-imports`;
const POOL = `/api/v1/campaigns/${SEVENTH}/reviewer-pool`;

function send(client: TestClient, url: string, body: Buffer, locale = 'zh-CN') {
  return client.request({ method: 'POST', url, body, headers: { 'content-type': XLSX_TYPE, 'accept-language': locale } });
}

async function setUp() {
  const test = await createTestApp();
  const { app, database } = test;
  await createPerson(database.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
  const campaign = await database.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
  await createPerson(database.db, { email: 'already@example.cn', name: '刘专家', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
  await createPerson(database.db, { email: 'unit@example.cn' });
  const unitClient = await signedIn(app, 'unit@example.cn');
  const unit = (await unitClient.post('/api/v1/organizations', UNIT_INPUT)).json().data.id as string;
  return { ...test, organizer: await signedIn(app, 'organizer@example.cn'), unitClient, unit, campaignId: campaign.id };
}

const SHEET_ROWS = [
  ['陈教授', 'Chen@Example.cn', '农村基层党建、城市基层党建', 30, '广东省深圳市', '中国浦东干部学院'],
  ['李书记', 'li@example.cn', 'urban', 12, '110105', UNIT_INPUT.name],
  ['', 'bad-address', '太空', 'many', '火星', ''],
  ['陈教授', 'chen@example.cn', 'rural', 5, '', ''],
  ['王研究员', 'wang@example.cn', 'rural', { formula: '2*5', result: 10 }, '', ''],
  ['刘专家', 'already@example.cn', 'soe', 8, '', ''],
];

describe(`reviewer import (${testEngine()})`, () => {
  it('invites again, on a later import, an address that never joined once its invitation expired, and nobody who joined', async () => {
    const { app, database, setNow } = await setUp();
    const sheet = await reviewerSheet([['陈教授', 'chen@example.cn', 'rural', 30, '', ''], ['李书记', 'li@example.cn', 'urban', 12, '', '']]);
    expect((await send(await signedIn(app, 'organizer@example.cn'), COMMIT, sheet)).statusCode).toBe(200);
    await createPerson(database.db, { email: 'chen@example.cn', name: '陈' });
    const token = (to: string) => database.db.selectFrom('mails').select('text_body').where('to_email', '=', to).executeTakeFirstOrThrow()
      .then((m) => /token=([\w-]+)/.exec(m.text_body)![1]!);
    expect((await (await signedIn(app, 'chen@example.cn')).post('/api/v1/reviewer-invitations/accept', { token: await token('chen@example.cn') })).statusCode).toBe(200);
    const invitations = async () => (await database.db.selectFrom('mails').select('to_email').where('template', '=', 'reviewer_invite').orderBy('to_email').execute()).map((m) => m.to_email);

    // Within the fortnight the invitation lives, importing again invites nobody.
    expect((await send(await signedIn(app, 'organizer@example.cn'), COMMIT, sheet)).statusCode).toBe(200);
    expect(await invitations()).toEqual(['chen@example.cn', 'li@example.cn']);

    setNow(new Date('2024-05-20T00:00:00.000Z'));
    const organizer = await signedIn(app, 'organizer@example.cn');
    const preview = (await send(organizer, PREVIEW, sheet)).json().data.rows;
    expect(preview.map((r: { email: string; notes: { code: string }[] }) => [r.email, r.notes.map((n) => n.code)])).toEqual([
      ['chen@example.cn', ['existing', 'already_reviewer']], ['li@example.cn', ['existing', 'invited']],
    ]);
    expect((await send(organizer, COMMIT, sheet)).statusCode).toBe(200);
    expect(await invitations()).toEqual(['chen@example.cn', 'li@example.cn', 'li@example.cn']);
  });

  it('lets a good row keep an address a refused row above it had, and folds a full-width address', async () => {
    const { organizer } = await setUp();
    const sheet = await reviewerSheet([
      ['陈教授', 'chen@example.cn', 'rural', '三十', '', ''],
      ['陈教授', 'ｃｈｅｎ＠ｅｘａｍｐｌｅ．ｃｎ', 'rural', 30, '', ''],
    ]);
    const rows = (await send(organizer, PREVIEW, sheet)).json().data.rows;
    expect(rows.map((r: { row: number; status: string; email: string }) => [r.row, r.status, r.email])).toEqual([
      [2, 'refused', 'chen@example.cn'],
      [3, 'imported', 'chen@example.cn'],
    ]);
  });

  it('previews row by row in the caller’s language without writing, then commits, invites new addresses once and records the import', async () => {
    const { app, database, organizer, unit, campaignId } = await setUp();
    const sheet = await reviewerSheet(SHEET_ROWS);
    const preview = await send(organizer, PREVIEW, sheet);
    expect(preview.statusCode).toBe(200);
    const data = preview.json().data;
    expect(data.counts).toEqual({ imported: 3, updated: 0, refused: 3 });
    expect(data.rows.map((r: { row: number; status: string; problems: { message: string }[]; notes: { message: string }[] }) => [r.row, r.status, r.problems.map((p) => p.message), r.notes.map((n) => n.message)])).toEqual([
      [2, 'imported', [], ['将向该邮箱发送评审邀请', '单位未能关联到已注册单位，仅以名称判断利益冲突']],
      [3, 'imported', [], ['将向该邮箱发送评审邀请', `单位已关联到已注册单位“${UNIT_INPUT.name}”`]],
      [4, 'refused', ['缺少姓名', '邮箱“bad-address”格式不正确', '专长“太空”不是本次征集的案例类别', '上限“many”应为 0 到 500 的整数', '找不到地区“火星”（可填写行政区划代码或完整名称）'], []],
      [5, 'refused', ['邮箱与第 2 行重复'], []],
      [6, 'refused', ['单元格 D6 含有公式，不予读取；请改为填写数值或文字'], []],
      [7, 'imported', [], ['该账号已是本次征集的评审专家，不再发送邀请']],
    ]);
    expect(await database.db.selectFrom('campaign_reviewers').select('email').where('source', '=', 'import').execute()).toEqual([]);
    expect(await database.db.selectFrom('mails').select('to_email').where('template', '=', 'reviewer_invite').execute()).toEqual([]);

    const english = (await send(organizer, PREVIEW, sheet, 'en')).json().data.rows[3].problems;
    expect(english).toEqual([{ code: 'duplicate_in_file', message: 'The e-mail address repeats row 2' }]);

    const commit = (await send(organizer, COMMIT, sheet)).json().data;
    expect([commit.committed, commit.counts]).toEqual([true, { imported: 3, updated: 0, refused: 3 }]);
    const stored = await database.db.selectFrom('campaign_reviewers').select(['email', 'name', 'expertise', 'capacity', 'division_code', 'affiliation', 'affiliation_unit_id'])
      .where('source', '=', 'import').orderBy('email').execute();
    expect(stored).toEqual([
      { email: 'already@example.cn', name: '刘专家', expertise: '["soe"]', capacity: 8, division_code: null, affiliation: '', affiliation_unit_id: null },
      { email: 'chen@example.cn', name: '陈教授', expertise: '["rural","urban"]', capacity: 30, division_code: '440300', affiliation: '中国浦东干部学院', affiliation_unit_id: null },
      { email: 'li@example.cn', name: '李书记', expertise: '["urban"]', capacity: 12, division_code: '110105', affiliation: UNIT_INPUT.name, affiliation_unit_id: unit },
    ]);
    const mails = async () => (await database.db.selectFrom('mails').select('to_email').where('template', '=', 'reviewer_invite').orderBy('to_email').execute()).map((m) => m.to_email);
    expect(await mails()).toEqual(['chen@example.cn', 'li@example.cn']);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'subject_id', 'change']).where('action', '=', 'reviewer.import').execute();
    expect(audit.map((a) => [a.subject_id, JSON.parse(a.change)])).toEqual([[campaignId, { imported: 3, updated: 0, refused: 3, invited: ['chen@example.cn', 'li@example.cn'] }]]);

    // The same sheet again updates and invites nobody new.
    expect((await send(organizer, COMMIT, sheet)).json().data.counts).toEqual({ imported: 0, updated: 3, refused: 3 });
    expect(await mails()).toEqual(['chen@example.cn', 'li@example.cn']);

    // The invited expert accepts: the pool row joins the account and the pool lists it.
    await createPerson(database.db, { email: 'chen@example.cn', name: '陈' });
    const mail = await database.db.selectFrom('mails').select('text_body').where('to_email', '=', 'chen@example.cn').executeTakeFirstOrThrow();
    const chen = await signedIn(app, 'chen@example.cn');
    expect((await chen.post('/api/v1/reviewer-invitations/accept', { token: /token=([\w-]+)/.exec(mail.text_body)![1]! })).statusCode).toBe(200);
    const pool = (await organizer.get(POOL)).json().data as { email: string; joined: boolean; name: string }[];
    expect(pool.map((r) => [r.email, r.name, r.joined])).toEqual([
      ['already@example.cn', '刘专家', true], ['li@example.cn', '李书记', false], ['chen@example.cn', '陈教授', true],
    ]);
  });

  it('refuses wrong columns, 50,000 rows, a zip bomb, a text file and a file over 5 MB with a clear message, saving nothing', async () => {
    const { organizer, database } = await setUp();
    const refusal = async (body: Buffer, locale = 'zh-CN') => {
      const res = await send(organizer, COMMIT, body, locale);
      return [res.statusCode, res.json().error.code, res.json().error.message];
    };
    const wrong = await reviewerSheet([['陈教授', 'chen@example.cn']], ['Name', 'Phone', 'Affiliation']);
    expect(await refusal(wrong)).toEqual([422, 'sheet_columns', '表格缺少必需的列：邮箱/E-mail, 专长/Expertise, 上限/Capacity, 省份/Province。请在第一行写明列名（中文或英文均可）。']);
    expect(await refusal(wrong, 'en')).toEqual([422, 'sheet_columns', 'The sheet lacks required columns: 邮箱/E-mail, 专长/Expertise, 上限/Capacity, 省份/Province. Name the columns in the first row, in Chinese or English.']);
    expect(await refusal(await manyReviewerRows(50_000))).toEqual([422, 'sheet_too_many_rows', '表格超过 5000 行数据，请拆分为多个文件后分别导入。']);
    const bomb = explodingReviewerSheet(200, 1024);
    expect(await refusal(bomb, 'en')).toEqual([422, 'sheet_unsafe', 'The file unpacks to far more than a sheet would, like a zip bomb, and was refused.']);
    expect((await refusal(Buffer.from('姓名,邮箱')))[1]).toBe('sheet_unreadable');
    const huge = await organizer.request({ method: 'POST', url: `${COMMIT}?name=${encodeURIComponent('专家.xlsx')}`, body: Buffer.alloc(5 * 1024 * 1024 + 10), headers: { 'content-type': XLSX_TYPE } });
    expect([huge.statusCode, huge.json().error.message]).toEqual([413, '文件“专家.xlsx”超过 5 MB 的大小限制。']);
    expect(await database.db.selectFrom('campaign_reviewers').select('email').where('source', '=', 'import').execute()).toEqual([]);
  });

  it('lets only organizers of the campaign import or list, and shows the others nothing', async () => {
    const { app, database, unitClient, organizer } = await setUp();
    const sheet = await reviewerSheet([SHEET_ROWS[0]!]);
    expect((await send(organizer, COMMIT, sheet)).statusCode).toBe(200);
    const reviewer = await signedIn(app, 'already@example.cn');
    await createOrganizerOfAnotherCampaign(database.db, 'other-organizer@example.cn');
    const otherOrganizer = await signedIn(app, 'other-organizer@example.cn');
    const outcome = async (client: TestClient) => [
      (await client.get(POOL)).json().error?.code,
      (await send(client, PREVIEW, sheet)).json().error?.code,
      (await send(client, COMMIT, sheet)).json().error?.code,
    ];
    expect(await outcome(new TestClient(app))).toEqual(['unauthenticated', 'unauthenticated', 'unauthenticated']);
    expect(await outcome(unitClient)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(await outcome(reviewer)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(await outcome(otherOrganizer)).toEqual(['campaign_not_found', 'campaign_not_found', 'campaign_not_found']);
    expect((await organizer.get(POOL)).json().data.map((r: { email: string }) => r.email)).toEqual(['chen@example.cn']);
  });

  it('makes one row and one invitation of two imports of the same address at once', async () => {
    const { organizer, database } = await setUp();
    const sheet = await reviewerSheet([['赵老师', 'zhao@example.cn', 'rural', 3, '', '']]);
    const answers = await Promise.all([send(organizer, COMMIT, sheet), send(organizer, COMMIT, sheet)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.map((a) => a.json().data.rows[0].status).sort()).toEqual(['imported', 'updated']);
    // Whichever looked first, only the one that inserted says it invites.
    const invites = answers.map((a) => a.json().data.rows[0]).map((r: { status: string; notes: { code: string }[] }) => [r.status, r.notes.some((n) => n.code === 'invited')]);
    expect(invites.sort()).toEqual([['imported', true], ['updated', false]]);
    expect((await database.db.selectFrom('campaign_reviewers').select('email').where('email', '=', 'zhao@example.cn').execute()).length).toBe(1);
    expect((await database.db.selectFrom('mails').select('to_email').where('to_email', '=', 'zhao@example.cn').execute()).length).toBe(1);
  });
});
