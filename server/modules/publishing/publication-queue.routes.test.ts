import { describe, expect, it } from 'vitest';
import { setPhase } from '../../testing/assignments.ts';
import { changeCampaign } from '../../testing/campaign-overrides.ts';
import { completeContent, createSubmittedCase } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { copyUrl, publishCopy, publishingWorld, UNIT_NAME, type PublishingWorld } from '../../testing/publishing-world.ts';
import { testEngine } from '../../testing/test-database.ts';
import { forgetCampaignVersions } from '../campaigns/campaigns.service.ts';

const QUEUE = `/api/v1/campaigns/${SEVENTH}/publications`;

/** A further case of its own unit, submitted in `category` and passed screening (unless `screening` says otherwise). */
async function further(w: PublishingWorld, title: string, category = 'urban', screening: 'passed' | 'pending' = 'passed') {
  const c = await createSubmittedCase(w.app, { title, content: { ...completeContent(1200, title), category } });
  await w.app.db.updateTable('cases').set({ screening }).where('id', '=', c.caseId).execute();
  return c;
}

/** The case submitted again with another summary, after the organizer returned it; screening passed again. */
async function submitAgain(w: PublishingWorld, caseId: string, unit: PublishingWorld['unit'], summary: string) {
  expect((await w.organizer.post(`/api/v1/cases/${caseId}/return`, { message: '请补充成效数据。', dueAt: '2024-07-10T15:59:59.000Z' })).statusCode).toBe(200);
  const current = (await unit.get(`/api/v1/cases/${caseId}`)).json().data;
  const saved = await unit.put(`/api/v1/cases/${caseId}/draft`, {
    version: current.version, content: { ...current.content, summary }, declaration: current.declaration ?? {}, superiorName: current.superiorName, superiorEmail: current.superiorEmail,
  });
  expect(saved.statusCode).toBe(200);
  expect((await unit.post(`/api/v1/cases/${caseId}/submit`, { requestKey: crypto.randomUUID() })).statusCode).toBe(201);
  await w.app.db.updateTable('cases').set({ screening: 'passed' }).where('id', '=', caseId).execute();
}

type Item = { title: string; state: string; category: string; tier: string | null; refusal: string | null; copy: { stale: boolean } | null };
const rows = (body: { data: { items: Item[] } }) => body.data.items.map((i) => `${i.title} ${i.state}${i.copy?.stale ? ' stale' : ''} ${i.category}${i.tier ? ` ${i.tier}` : ''}${i.refusal ? ` (${i.refusal})` : ''}`);

describe(`the publishing queue (${testEngine()})`, () => {
  it('lists the cases that may be shown now or have a copy, with the state of each copy, filtered, counted and paged', async () => {
    const w = await publishingWorld({ title: '甲·红色物业' });
    const draft = await further(w, '乙·草稿');
    const shown = await further(w, '丙·已展示', 'rural');
    const down = await further(w, '丁·已撤下');
    await further(w, '戊·待初审', 'urban', 'pending');
    await w.organizer.post(copyUrl(draft.caseId));
    await publishCopy({ organizer: w.organizer, caseId: shown.caseId });
    const { version } = await publishCopy({ organizer: w.organizer, caseId: down.caseId });
    await w.organizer.post(`${copyUrl(down.caseId)}/unpublish`, { version });

    const all = (await w.organizer.get(QUEUE)).json();
    // Rural before urban, as the campaign lists its categories; 戊 has not passed screening and has no copy.
    expect(rows(all)).toEqual(['丙·已展示 published rural', '丁·已撤下 taken_down urban', '乙·草稿 draft urban', '甲·红色物业 none urban']);
    expect([all.data.counts, all.data.total, all.data.page, all.data.pageSize, all.data.display]).toEqual([
      { all: 4, none: 1, draft: 1, published: 1, taken_down: 1, stale: 0 }, 4, 1, 50, { duringCollection: true, final: false },
    ]);
    const first = all.data.items.find((i: Item) => i.title === '丙·已展示');
    expect(first).toEqual({
      caseId: shown.caseId, title: '丙·已展示', unitName: expect.stringContaining('北京市朝阳区建外街道第一社区党委'), divisionCode: '110105', category: 'rural',
      tier: null, refusal: null, state: 'published',
      copy: { publicId: expect.stringMatching(/^[0-9a-f]{16}$/), version: 2, stale: false, publishedAt: expect.any(String), unpublishedAt: null, updatedAt: expect.any(String), path: expect.stringMatching(/^\/campaigns\/seventh-collection\/cases\/[0-9a-f]{16}$/) },
    });
    expect(all.data.items.find((i: Item) => i.title === '甲·红色物业')).toMatchObject({ caseId: w.caseId, unitName: UNIT_NAME, copy: null });

    // The counts stay those of the category, whatever the state chosen.
    const urbanDrafts = (await w.organizer.get(`${QUEUE}?state=draft&category=urban`)).json();
    expect([rows(urbanDrafts), urbanDrafts.data.counts, urbanDrafts.data.total]).toEqual([
      ['乙·草稿 draft urban'], { all: 3, none: 1, draft: 1, published: 0, taken_down: 1, stale: 0 }, 1,
    ]);
    const paged = (await w.organizer.get(`${QUEUE}?pageSize=2&page=2`)).json();
    expect([rows(paged), paged.data.total, paged.data.page, paged.data.pageSize]).toEqual([['乙·草稿 draft urban', '甲·红色物业 none urban'], 4, 2, 2]);

    // Submitted again since its copy was made: stale, whatever its state.
    await submitAgain(w, shown.caseId, shown.client, '<p>重新报送的摘要。</p>');
    const stale = (await w.organizer.get(`${QUEUE}?state=stale`)).json();
    expect([rows(stale), stale.data.counts.stale]).toEqual([['丙·已展示 published stale rural'], 1]);
  });

  it('puts final best and excellent cases first with their tier, and lists a copy that may no longer be shown with why', async () => {
    const w = await publishingWorld({ title: '甲·未入选' });
    const best = await further(w, '乙·最佳', 'rural');
    const excellent = await further(w, '丙·优秀');
    await publishCopy(w);
    await changeCampaign(w.app, { display: { duringCollection: false, pictureKinds: ['photos'] } });
    forgetCampaignVersions(w.app.db);
    const finalized = '2024-09-01T00:00:00.000Z';
    await w.app.db.insertInto('final_results').values([
      { campaign_id: w.campaignId, case_id: best.caseId, tier: 'best', serial: 'ZJ7-0001-AAAAAAAA', finalized_at: finalized },
      { campaign_id: w.campaignId, case_id: excellent.caseId, tier: 'excellent', serial: 'ZJ7-0002-BBBBBBBB', finalized_at: finalized },
    ]).execute();
    await setPhase(w.app, 'final');
    const body = (await w.organizer.get(QUEUE)).json();
    expect(rows(body)).toEqual(['乙·最佳 none rural best', '丙·优秀 none urban excellent', '甲·未入选 published urban (not_chosen)']);
    expect(body.data.display).toEqual({ duringCollection: false, final: true });
  });

  it('answers a unit, a reviewer, a stranger and an organizer of another campaign exactly as for a campaign that does not exist', async () => {
    const w = await publishingWorld();
    await publishCopy(w);
    const seen: string[] = [];
    for (const [name, client] of Object.entries({ unit: w.unit, reviewer: w.reviewer, stranger: w.stranger, otherOrganizer: w.otherOrganizer })) {
      for (const query of ['', '?state=published', '?category=urban&pageSize=1']) {
        const real = await client.get(`${QUEUE}${query}`);
        const none = await client.get(`/api/v1/campaigns/no-such-campaign/publications${query}`);
        expect([real.statusCode, Object.keys(real.json()).sort()]).toEqual([none.statusCode, ['error', 'requestId']]);
        expect(real.json().error.code).toBe(none.json().error.code);
        seen.push(`${name}${query}: ${real.statusCode} ${real.json().error.code}`);
      }
    }
    expect(seen.filter((s) => !s.includes('?'))).toEqual(['unit: 403 forbidden', 'reviewer: 403 forbidden', 'stranger: 401 unauthenticated', 'otherOrganizer: 404 campaign_not_found']);
    expect(seen).toHaveLength(12);
  });

  it('refuses an unknown category and state in the reader’s language', async () => {
    const w = await publishingWorld();
    const category = await w.organizer.get(`${QUEUE}?category=fishing`);
    expect([category.statusCode, category.json().error]).toEqual([400, { code: 'publication_category_unknown', message: '本次征集没有“fishing”这一案例类别。' }]);
    const english = await w.organizer.get(`${QUEUE}?category=fishing&lang=en`);
    expect(english.json().error.message).toBe('This collection has no case category “fishing”.');
    expect((await w.organizer.get(`${QUEUE}?state=archived`)).json().error.code).toBe('invalid_request');
  });
});

describe(`making a public copy again from the newest submitted version (${testEngine()})`, () => {
  it('keeps the row and its public id, takes the text of the new version, keeps the pictures it still has and takes a published copy down', async () => {
    const w = await publishingWorld();
    const created = (await w.organizer.post(copyUrl(w.caseId))).json().data.copy;
    const edited = await w.organizer.put(copyUrl(w.caseId), {
      version: 1, title: '公开版标题', unitName: '某社区党委', summary: '<p>删去了电话。</p>', sections: created.sections, photoIds: [w.photos[1]],
    });
    const published = (await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: edited.json().data.copy.version })).json().data.copy;
    expect(published.stale).toBe(false);
    await submitAgain(w, w.caseId, w.unit, '<p>第二次报送的摘要，联系电话13912345678。</p>');
    const stale = (await w.organizer.get(copyUrl(w.caseId))).json().data.copy;
    expect([stale.stale, stale.title, stale.state]).toEqual([true, '公开版标题', 'published']);

    const again = await w.organizer.post(`${copyUrl(w.caseId)}/recreate`, { version: stale.version });
    expect(again.statusCode).toBe(200);
    const copy = again.json().data.copy;
    expect([copy.publicId, copy.version, copy.stale, copy.state, copy.title, copy.unitName, copy.summary, copy.firstPublishedAt, copy.unpublishedAt]).toEqual([
      created.publicId, stale.version + 1, false, 'unpublished', '“红色物业”让社区治理更有温度', UNIT_NAME, '<p>第二次报送的摘要，联系电话13912345678。</p>',
      published.firstPublishedAt, '2024-05-01T02:00:00.000Z',
    ]);
    expect(copy.pictures.map((p: { shown: boolean }) => p.shown)).toEqual([false, true]);
    expect(copy.personalData).toEqual([{ field: 'summary', kind: 'mobile', text: '13912345678', index: 13 }]);
    // Out of search until published again; its link says it is no longer shown meanwhile.
    expect(await w.app.db.selectFrom('search_documents').select('id').execute()).toEqual([]);
    expect((await w.stranger.get(copy.path)).statusCode).toBe(410);
    const submissions = await w.app.db.selectFrom('case_submissions').select(['id', 'seq']).where('case_id', '=', w.caseId).orderBy('seq').execute();
    const audit = await w.app.db.selectFrom('audit_log').select(['action', 'subject_id', 'change']).where('action', '=', 'publication.recreate').execute();
    expect(audit.map((a) => [a.action, a.subject_id, JSON.parse(a.change)])).toEqual([['publication.recreate', w.caseId, {
      publicId: created.publicId, version: stale.version + 1, fromSubmissionId: submissions[0]!.id, submissionId: submissions[1]!.id, takenDown: true,
    }]]);
    const republished = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: copy.version });
    expect([republished.statusCode, republished.json().data.copy.publicId]).toEqual([200, created.publicId]);
  });

  it('refuses a stale version, a case without a standing submitted version and a case without a copy, changing nothing', async () => {
    const w = await publishingWorld();
    const missing = await w.organizer.post(`${copyUrl(w.caseId)}/recreate`, { version: 1 });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'publication_missing']);
    await w.organizer.post(copyUrl(w.caseId));
    const conflict = await w.organizer.post(`${copyUrl(w.caseId)}/recreate`, { version: 7 });
    expect([conflict.statusCode, conflict.json().error.message]).toEqual([409, '公开版本已被他人修改（现为第 1 版）。请刷新查看最新内容后再修改，您的输入未丢失。']);
    await w.organizer.post(`/api/v1/cases/${w.caseId}/return`, { message: '请补充。', dueAt: '2024-07-10T15:59:59.000Z' });
    const returned = await w.organizer.post(`${copyUrl(w.caseId)}/recreate`, { version: 1 });
    expect([returned.statusCode, returned.json().error.code]).toEqual([409, 'publication_case_not_submitted']);
    const copy = (await w.organizer.get(copyUrl(w.caseId))).json().data.copy;
    expect([copy.version, copy.state]).toEqual([1, 'unpublished']);
    expect(await w.app.db.selectFrom('audit_log').select('action').where('action', '=', 'publication.recreate').execute()).toEqual([]);
  });
});
