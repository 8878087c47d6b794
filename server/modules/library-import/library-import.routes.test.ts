import { describe, expect, it } from 'vitest';
import { testEngine } from '../../testing/test-database.ts';
import { importWorld, json, sampleRows, SAMPLE, upload } from './library-import.testing.ts';

const counts = async (w: Awaited<ReturnType<typeof importWorld>>) => {
  const n = async (table: 'imported_cases' | 'campaigns' | 'search_documents') => Number((await w.app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audit = await w.app.db.selectFrom('audit_log').select('action').where('action', '=', 'library_import.run').execute();
  return { imported: await n('imported_cases'), campaigns: await n('campaigns'), documents: await n('search_documents'), audits: audit.length };
};

/** The case pages a library page links to, once each, as campaign/publicId. */
const casesLinked = (html: string) => [...new Set([...html.matchAll(/\/campaigns\/([a-z0-9-]+)\/cases\/([0-9a-f]{16})/g)].map((m) => `${m[1]}/${m[2]}`))];

describe(`importing earlier editions' cases (${testEngine()})`, () => {
  it('reports every row on a dry run and writes nothing', async () => {
    const w = await importWorld();
    const before = await counts(w);
    const res = await upload(w.organizer, SAMPLE);
    expect(res.statusCode).toBe(200);
    const report = res.json().data;
    expect([report.dryRun, report.format, report.counts, report.written]).toEqual([true, 'json', { ok: 3, duplicate: 0, error: 0 }, 0]);
    expect(report.rows.map((r: { line: number; status: string; edition: number; title: string }) => [r.line, r.status, r.edition, r.title])).toEqual([
      [1, 'ok', 6, '“村级议事会”让乡村治理有章可循'],
      [2, 'ok', 6, '楼宇党建“红色驿站”服务新就业群体'],
      [3, 'ok', 6, '“党建+安全生产”筑牢企业发展防线'],
    ]);
    expect(report.editions).toEqual([{ edition: 6, slug: 'sixth-collection', title: '第六届全国基层党建创新典型案例征集活动', exists: false }]);
    expect(await counts(w)).toEqual(before);
  });

  it('writes every row in one run, finished campaign and index included, audited, and never doubles on a re-run', async () => {
    const w = await importWorld();
    const before = await counts(w);
    const res = await upload(w.organizer, SAMPLE, { dryRun: false });
    expect([res.statusCode, res.json().data.written, res.json().data.counts]).toEqual([200, 3, { ok: 3, duplicate: 0, error: 0 }]);
    expect(await counts(w)).toEqual({ imported: 3, campaigns: before.campaigns + 1, documents: before.documents + 3, audits: 1 });
    const campaign = await w.app.db.selectFrom('campaigns').select(['slug', 'edition', 'phase', 'source_file', 'opens_at']).where('slug', '=', 'sixth-collection').executeTakeFirstOrThrow();
    expect(campaign).toEqual({ slug: 'sixth-collection', edition: 6, phase: 'final', source_file: 'import:seventh-collection', opens_at: '2020-12-31T16:00:00.000Z' });
    const rows = await w.app.db.selectFrom('imported_cases').select(['title', 'unit_name', 'division_code', 'category', 'tier', 'source_url']).orderBy('title').execute();
    expect(rows).toEqual([
      { title: '“村级议事会”让乡村治理有章可循', unit_name: '浙江省湖州市安吉县余村党支部', division_code: '330000', category: 'rural', tier: 'best', source_url: 'http://dangjian.people.com.cn/' },
      { title: '“党建+安全生产”筑牢企业发展防线', unit_name: '国家能源集团某煤矿党委', division_code: '150000', category: 'soe', tier: null, source_url: null },
      { title: '楼宇党建“红色驿站”服务新就业群体', unit_name: '上海市静安区南京西路街道党工委', division_code: '310000', category: 'new-sectors', tier: 'excellent', source_url: null },
    ].sort((a, b) => (a.title < b.title ? -1 : 1)));
    const audit = await w.app.db.selectFrom('audit_log').select(['subject_type', 'subject_id', 'change']).where('action', '=', 'library_import.run').executeTakeFirstOrThrow();
    expect([audit.subject_type, audit.subject_id, JSON.parse(audit.change).written, JSON.parse(audit.change).editions, JSON.parse(audit.change).fileName]).toEqual(['campaign', w.campaignId, 3, [6], 'sample.json']);

    const again = await upload(w.organizer, SAMPLE, { dryRun: false });
    expect([again.statusCode, again.json().data.written, again.json().data.counts]).toEqual([200, 0, { ok: 0, duplicate: 3, error: 0 }]);
    expect(again.json().data.rows[0].problems).toEqual([{ code: 'duplicate_imported', column: 'title', message: '第 6 届已导入过该案例（届次、标题和单位相同），将跳过，不会重复导入。' }]);
    expect(again.json().data.editions).toEqual([{ edition: 6, slug: 'sixth-collection', title: '第六届全国基层党建创新典型案例征集活动', exists: true }]);
    expect((await counts(w)).imported).toBe(3);
  });

  it('shows an imported case in the library, found by search, and on its case page like a published case', async () => {
    const w = await importWorld();
    // The other campaign of the world is a bare row without a definition, which the library cannot list.
    await w.app.db.deleteFrom('role_grants').where('campaign_id', '=', 'c8').execute();
    await w.app.db.deleteFrom('campaigns').where('id', '=', 'c8').execute();
    await upload(w.organizer, SAMPLE, { dryRun: false });
    const { id } = await w.app.db.selectFrom('imported_cases').select('id').where('title', '=', '楼宇党建“红色驿站”服务新就业群体').executeTakeFirstOrThrow();
    const search = await w.stranger.get(`/library?q=${encodeURIComponent('骑手')}`);
    expect(search.statusCode).toBe(200);
    expect(casesLinked(search.body)).toEqual([`sixth-collection/${id}`]);
    const byTier = await w.stranger.get('/library?tier=best');
    expect(casesLinked(byTier.body).length).toBe(1);
    const byProvince = await w.stranger.get('/library?province=31&campaign=sixth-collection');
    expect(casesLinked(byProvince.body)).toEqual([`sixth-collection/${id}`]);

    const page = await w.stranger.get(`/campaigns/sixth-collection/cases/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1');
    expect(page.body).toContain('楼宇党建“红色驿站”服务新就业群体');
    expect(page.body).toContain('上海市静安区南京西路街道党工委');
    expect(page.body).toContain('驿站服务新就业群体 3 万余人次');
    // Another campaign's address for it is a plain not-found, as for a native copy.
    expect((await w.stranger.get(`/campaigns/seventh-collection/cases/${id}`)).statusCode).toBe(404);
  });

  it('answers a missing column, a wrong category, an unknown province and a duplicate row in the caller’s language, and writes none of the file', async () => {
    const w = await importWorld();
    const [a, b, c] = sampleRows();
    const noTitle = sampleRows().map(({ 标题: _dropped, ...rest }) => rest);
    const missing = await upload(w.organizer, json(noTitle));
    expect([missing.statusCode, missing.json().error.code, missing.json().error.message]).toEqual([422, 'library_import_missing_columns', '导入文件缺少 1 个必需的列：标题。请按导入格式说明补齐表头后再试。']);
    const missingEn = await upload(w.organizer, json(noTitle), { lang: 'en' });
    expect(missingEn.json().error.message).toBe('The import file lacks a required column: Title. Complete the header as the import format describes, then try again.');

    const bad = [{ ...a!, 类别: '社区党建' }, { ...b!, 省份: '火星' }, c!, { ...c!, 摘要: '重复的一行' }, { ...a!, 标题: '超长摘要', 摘要: '党'.repeat(501) }, { ...b!, 标题: '带脚本', 做法: '<p>做法</p><script>alert(1)</script>' }];
    const dry = (await upload(w.organizer, json(bad))).json().data;
    expect(dry.counts).toEqual({ ok: 2, duplicate: 0, error: 4 });
    expect(dry.rows.map((r: { line: number; status: string; problems: { message: string }[]; warnings: string[] }) => [r.line, r.status, r.problems.map((p) => p.message), r.warnings])).toEqual([
      [1, 'error', ['类别“社区党建”不是本征集活动的类别（可用：农村基层党建、城市基层党建、国有企业党建、机关党建、事业单位党建、新经济组织、新社会组织、新就业群体党建）。'], []],
      [2, 'error', ['省份“火星”无法识别，请填写省级行政区名称（如“北京市”或“北京”）或六位行政区划代码。'], []],
      [3, 'ok', [], []],
      [4, 'error', ['与本文件第 3 行是同一案例（届次、标题和单位相同）。'], []],
      [5, 'error', ['“摘要”共 501 字，超过 500 字的上限。'], []],
      [6, 'ok', [], ['“做法”中的脚本或不允许的标记已按案例文本规则去除。']],
    ]);
    const english = (await upload(w.organizer, json(bad), { lang: 'en' })).json().data.rows;
    expect(english.slice(0, 2).map((r: { problems: { message: string }[] }) => r.problems[0]!.message)).toEqual([
      'The category "社区党建" is not one of this campaign’s (Rural grass-roots Party building, Urban grass-roots Party building, Party building in state-owned enterprises, Party building in government organs, Party building in public institutions, Party building in new economic organizations, new social organizations and new employment groups).',
      'The province "火星" is not known; write a provincial-level name (such as 北京市 or 北京) or a six-digit division code.',
    ]);

    const before = await counts(w);
    const real = await upload(w.organizer, json(bad), { dryRun: false });
    expect([real.statusCode, real.json().error.code, real.json().error.message, real.json().error.details.counts]).toEqual([
      422, 'library_import_rejected', '有 4 行案例存在问题，未导入任何案例。请按预检报告修改后再导入。', { ok: 2, duplicate: 0, error: 4 },
    ]);
    expect(await counts(w)).toEqual(before);

    // Without the bad rows the script is gone from what is stored.
    await upload(w.organizer, json([c!, bad[5]!]), { dryRun: false });
    const stored = await w.app.db.selectFrom('imported_cases').select('sections').where('title', '=', '带脚本').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.sections).practice).toBe('<p>做法</p>');
  });

  it('adds no case, unit or count to the organizer pages of any campaign', async () => {
    const w = await importWorld();
    const dashboard = async () => (await w.organizer.get('/api/v1/campaigns/seventh-collection/dashboard')).json();
    const tables = async () => Promise.all((['cases', 'organizations', 'case_submissions', 'final_results', 'reviews'] as const)
      .map(async (t) => Number((await w.app.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));
    const before = { dashboard: await dashboard(), tables: await tables() };
    expect(before.dashboard.data).toBeDefined();
    await upload(w.organizer, SAMPLE, { dryRun: false });
    expect({ dashboard: await dashboard(), tables: await tables() }).toEqual(before);
    // The edition's own campaign has nothing for organizers to screen, review, rank or certify.
    const sixth = await w.app.db.selectFrom('campaigns').select('id').where('slug', '=', 'sixth-collection').executeTakeFirstOrThrow();
    expect(await w.app.db.selectFrom('cases').select('id').where('campaign_id', '=', sixth.id).execute()).toEqual([]);
  });

  it('refuses units, reviewers, strangers and other campaigns’ organizers, and writes nothing', async () => {
    const w = await importWorld();
    const seen: string[] = [];
    for (const [name, client] of Object.entries({ unit: w.unit, reviewer: w.reviewer, stranger: w.stranger, otherOrganizer: w.otherOrganizer })) {
      for (const dryRun of [true, false]) {
        const res = await upload(client, SAMPLE, { dryRun });
        seen.push(`${name} ${dryRun}: ${res.statusCode} ${res.json().error.code}`);
      }
    }
    expect(seen).toEqual([
      'unit true: 403 forbidden', 'unit false: 403 forbidden',
      'reviewer true: 403 forbidden', 'reviewer false: 403 forbidden',
      'stranger true: 401 unauthenticated', 'stranger false: 401 unauthenticated',
      'otherOrganizer true: 404 campaign_not_found', 'otherOrganizer false: 404 campaign_not_found',
    ]);
    expect((await counts(w)).imported).toBe(0);
  });
});
