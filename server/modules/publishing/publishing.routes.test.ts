import { describe, expect, it } from 'vitest';
import { setPhase } from '../../testing/assignments.ts';
import { changeCampaign } from '../../testing/campaign-overrides.ts';
import { copyUrl, publishCopy, publishingWorld, UNIT_NAME } from '../../testing/publishing-world.ts';
import { testEngine } from '../../testing/test-database.ts';
import { forgetCampaignVersions } from '../campaigns/campaigns.service.ts';

const TITLE = '“红色物业”让社区治理更有温度';
const MISSING = '00000000-0000-4000-8000-000000000000';

describe(`a case's public copy (${testEngine()})`, () => {
  it('is made from the submitted version, edited and published without touching what the unit submitted', async () => {
    const w = await publishingWorld();
    const before = await w.app.db.selectFrom('case_submissions').selectAll().where('case_id', '=', w.caseId).execute();
    expect((await w.organizer.get(copyUrl(w.caseId))).json().data).toEqual({ caseId: w.caseId, refusal: null, tier: null, copy: null });

    const created = await w.organizer.post(copyUrl(w.caseId));
    expect(created.statusCode).toBe(201);
    const copy = created.json().data.copy;
    expect([copy.state, copy.version, copy.title, copy.unitName, copy.divisionCode, copy.category, copy.publishedAt]).toEqual(['unpublished', 1, TITLE, UNIT_NAME, '110105', 'urban', null]);
    // The photos are offered, none shown until chosen; the declaration form and its scan never are.
    expect(copy.pictures).toEqual([
      { id: w.photos[0], fileName: '照片1.jpg', width: 800, height: 600, shown: false },
      { id: w.photos[1], fileName: '照片2.jpg', width: 600, height: 900, shown: false },
    ]);
    expect((await w.organizer.post(copyUrl(w.caseId))).json().error.code).toBe('publication_exists');

    const edited = await w.organizer.put(copyUrl(w.caseId), {
      version: 1, title: '红色物业（公开版）', unitName: '某社区党委', summary: '<p>摘要，联系电话13912345678。</p>',
      sections: { ...copy.sections, practice: '<p>做法</p><script>alert(1)</script>' }, photoIds: [w.photos[1]],
    });
    expect(edited.statusCode).toBe(200);
    const after = edited.json().data.copy;
    expect([after.version, after.title, after.unitName, after.summary, after.sections.practice]).toEqual([2, '红色物业（公开版）', '某社区党委', '<p>摘要，联系电话13912345678。</p>', '<p>做法</p>']);
    expect(after.pictures.map((p: { shown: boolean }) => p.shown)).toEqual([false, true]);
    // Flagged for the organizer, left as written.
    expect(after.personalData).toEqual([{ field: 'summary', kind: 'mobile', text: '13912345678', index: 7 }]);

    const published = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: 2 });
    expect(published.json().data.copy.state).toBe('published');
    expect(await w.app.db.selectFrom('case_submissions').selectAll().where('case_id', '=', w.caseId).execute()).toEqual(before);
    const audit = await w.app.db.selectFrom('audit_log').select(['action', 'subject_type', 'subject_id', 'change']).where('action', 'like', 'publication.%').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.subject_type, a.subject_id, JSON.parse(a.change)])).toEqual([
      ['publication.create', 'case', w.caseId, { publicId: copy.publicId, submissionId: before[0]!.id }],
      ['publication.edit', 'case', w.caseId, { publicId: copy.publicId, version: 2, fields: ['title', 'unit_name', 'summary', 'sections', 'attachment_ids'] }],
      ['publication.publish', 'case', w.caseId, { publicId: copy.publicId, version: 3, tier: null }],
    ]);
  });

  it('indexes the case for search when published and edited, and takes it out when unpublished, in the same transaction', async () => {
    const w = await publishingWorld();
    const { publicId, version } = await publishCopy(w);
    const doc = () => w.app.db.selectFrom('search_documents').select(['id', 'title', 'unit_name', 'province', 'tier', 'category', 'campaign_slug']).where('id', '=', publicId).execute();
    expect(await doc()).toEqual([{ id: publicId, title: TITLE, unit_name: UNIT_NAME, province: '11', tier: null, category: 'urban', campaign_slug: 'seventh-collection' }]);
    const copy = (await w.organizer.get(copyUrl(w.caseId))).json().data.copy;
    await w.organizer.put(copyUrl(w.caseId), { version, title: '新标题', unitName: copy.unitName, summary: copy.summary, sections: copy.sections, photoIds: [] });
    expect((await doc()).map((d) => d.title)).toEqual(['新标题']);
    const down = await w.organizer.post(`${copyUrl(w.caseId)}/unpublish`, { version: version + 1 });
    expect([down.statusCode, down.json().data.copy.state, down.json().data.copy.unpublishedAt]).toEqual([200, 'unpublished', '2024-05-01T02:00:00.000Z']);
    expect(await doc()).toEqual([]);
    expect((await w.organizer.post(`${copyUrl(w.caseId)}/unpublish`, { version: version + 2 })).json().error.code).toBe('publication_not_published');
  });

  it('refuses a change over a stale version with a 409 in the reader’s language, and changes nothing', async () => {
    const w = await publishingWorld();
    const copy = (await w.organizer.post(copyUrl(w.caseId))).json().data.copy;
    const body = { version: 1, title: '第一次', unitName: copy.unitName, summary: copy.summary, sections: copy.sections, photoIds: [] };
    expect((await w.organizer.put(copyUrl(w.caseId), body)).statusCode).toBe(200);
    const stale = await w.organizer.put(copyUrl(w.caseId), { ...body, title: '第二次' });
    expect([stale.statusCode, stale.json().error]).toEqual([409, {
      code: 'publication_version_conflict', message: '公开版本已被他人修改（现为第 2 版）。请刷新查看最新内容后再修改，您的输入未丢失。',
    }]);
    const english = await w.organizer.put(`${copyUrl(w.caseId)}?lang=en`, { ...body, title: '第二次' });
    expect(english.json().error.message).toBe('Someone else changed the public copy (it is now version 2). Reload to see the latest text before changing it; what you typed is kept.');
    expect((await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: 1 })).json().error.code).toBe('publication_version_conflict');
    const now = (await w.organizer.get(copyUrl(w.caseId))).json().data.copy;
    expect([now.version, now.title, now.state]).toEqual([2, '第一次', 'unpublished']);
  });

  it('refuses text over the case limits and pictures that are not the case’s photos', async () => {
    const w = await publishingWorld();
    const copy = (await w.organizer.post(copyUrl(w.caseId))).json().data.copy;
    const body = { version: 1, title: copy.title, unitName: copy.unitName, summary: `<p>${'党'.repeat(501)}</p>`, sections: copy.sections, photoIds: [] };
    const over = await w.organizer.put(copyUrl(w.caseId), body);
    expect([over.statusCode, over.json().error.code, over.json().error.details]).toEqual([422, 'publication_invalid', { problems: [{ field: 'summary', problem: 'too_long', limit: 500, count: 501 }] }]);
    const form = await w.organizer.put(copyUrl(w.caseId), { ...body, summary: copy.summary, photoIds: [w.formId] });
    expect([form.statusCode, form.json().error.code]).toEqual([422, 'publication_photo_unknown']);
  });

  it('publishes only what may be shown: passed screening with display on, or best and excellent once final', async () => {
    const w = await publishingWorld();
    await w.organizer.post(copyUrl(w.caseId));
    await w.app.db.updateTable('cases').set({ screening: 'pending' }).where('id', '=', w.caseId).execute();
    const pending = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: 1 });
    expect([pending.statusCode, pending.json().error.code]).toEqual([409, 'publication_case_not_passed']);
    await w.app.db.updateTable('cases').set({ screening: 'passed' }).where('id', '=', w.caseId).execute();
    await changeCampaign(w.app, { display: { duringCollection: false, pictureKinds: ['photos'] } });
    forgetCampaignVersions(w.app.db);
    const off = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: 1 });
    expect([off.statusCode, off.json().error.message]).toEqual([409, '本次征集未开启征集期间网上展示；最终结果确定后，可公开展示最佳案例和优秀案例。']);
    await w.app.db.insertInto('final_results').values({ campaign_id: w.campaignId, case_id: w.caseId, tier: 'excellent', serial: 'ZJ7-0001-AAAAAAAA', finalized_at: '2024-05-01T00:00:00.000Z' }).execute();
    await setPhase(w.app, 'final');
    const final = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: 1 });
    expect([final.statusCode, final.json().data.tier, final.json().data.copy.state]).toEqual([200, 'excellent', 'published']);
    expect((await w.app.db.selectFrom('search_documents').select('tier').execute()).map((d) => d.tier)).toEqual(['excellent']);
  });

  it('answers units, reviewers, strangers and other campaigns’ organizers exactly as for a case that does not exist', async () => {
    const w = await publishingWorld();
    await w.organizer.post(copyUrl(w.caseId));
    const calls = [
      { method: 'GET' as const, path: '', body: undefined },
      { method: 'POST' as const, path: '', body: undefined },
      { method: 'PUT' as const, path: '', body: { version: 1, title: 'x', unitName: 'y', summary: '', sections: {}, photoIds: [] } },
      { method: 'POST' as const, path: '/publish', body: { version: 1 } },
      { method: 'POST' as const, path: '/unpublish', body: { version: 1 } },
      { method: 'POST' as const, path: '/recreate', body: { version: 1 } },
    ];
    const seen: string[] = [];
    for (const [name, client] of Object.entries({ unit: w.unit, reviewer: w.reviewer, stranger: w.stranger, otherOrganizer: w.otherOrganizer })) {
      for (const call of calls) {
        const real = await client.request({ method: call.method, url: `${copyUrl(w.caseId)}${call.path}`, body: call.body });
        const none = await client.request({ method: call.method, url: `${copyUrl(MISSING)}${call.path}`, body: call.body });
        expect([real.statusCode, real.json().error]).toEqual([none.statusCode, none.json().error]);
        seen.push(`${name} ${call.method}${call.path}: ${real.statusCode} ${real.json().error.code}`);
      }
    }
    expect(seen).toEqual([
      ...calls.map((c) => `unit ${c.method}${c.path}: 403 forbidden`),
      ...calls.map((c) => `reviewer ${c.method}${c.path}: 403 forbidden`),
      ...calls.map((c) => `stranger ${c.method}${c.path}: 401 unauthenticated`),
      ...calls.map((c) => `otherOrganizer ${c.method}${c.path}: 404 not_found`),
    ]);
    const copy = (await w.organizer.get(copyUrl(w.caseId))).json().data.copy;
    expect([copy.version, copy.state, copy.title]).toEqual([1, 'unpublished', TITLE]);
  });
});
