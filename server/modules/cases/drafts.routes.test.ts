import { describe, expect, it } from 'vitest';
import { AFTER_WINDOW, SEVENTH } from '../../testing/fixtures.ts';
import { completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`case drafts (${testEngine()})`, () => {
  it('starts a draft with the campaign\'s sections and the unit\'s superior organization', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app, { title: '  红色物业  ' });
    const res = await client.get(`/api/v1/cases/${caseId}`);
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({
      status: 'draft', version: 1, editable: true, campaignSlug: SEVENTH, superiorName: '中共北京市朝阳区建外街道工作委员会', superiorEmail: 'jianwai@example.cn',
      content: { title: '红色物业', category: null, keywords: [], summary: '', sections: { background: '', practice: '', effectiveness: '', discussion: '', appendix: '' } },
      deadline: '2024-06-30T15:59:59.999Z',
    });
    const history = (await client.get(`/api/v1/cases/${caseId}/history`)).json().data;
    expect(history).toEqual([expect.objectContaining({ action: 'create', from: 'none', to: 'draft' })]);
  });

  it('saves the working copy, sanitizing the HTML and counting 字 as the page does', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const content = completeContent(400);
    content.sections.practice = '<p style="color:red" onclick="x()">党员<b>认领</b>楼栋</p><script>alert(1)</script><img src=x onerror=alert(1)>';
    content.sections.bogus = '<p>not a section</p>';
    content.category = 'sports';
    const saved = (await saveContent(client, caseId, content)).data as any;
    expect(saved.version).toBe(2);
    expect(saved.content.sections.practice).toBe('<p>党员<strong>认领</strong>楼栋</p>');
    expect(saved.content.sections).not.toHaveProperty('bogus');
    expect(saved.content.category).toBeNull();
    expect(saved.counts.sections.practice).toBe(6);
    const reread = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    expect(reread.content).toEqual(saved.content);
  });

  it('saves text over the limits as typed and reports the counts', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const content = { ...completeContent(), summary: `<p>${'摘'.repeat(520)}</p>` };
    const saved = (await saveContent(client, caseId, content)).data as any;
    expect(saved.content.summary).toBe(content.summary);
    expect(saved.counts.summary).toEqual({ count: 520, max: 500, state: 'over' });
  });

  it('answers a stale version with version_conflict and the current copy, never overwriting', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const base = { declaration: {}, superiorName: '街道工委', superiorEmail: null };
    const first = await client.put(`/api/v1/cases/${caseId}/draft`, { ...base, version: 1, content: { ...completeContent(), title: '甲标签页' } });
    expect(first.statusCode).toBe(200);
    const second = await client.put(`/api/v1/cases/${caseId}/draft`, { ...base, version: 1, content: { ...completeContent(), title: '乙标签页' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('version_conflict');
    expect(second.json().error.message).toContain('另一个标签页');
    expect(second.json().error.details.current).toMatchObject({ version: 2, content: { title: '甲标签页' } });
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.content.title).toBe('甲标签页');
  });

  it('lets exactly one of two simultaneous saves of one version win', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const save = (title: string) => client.put(`/api/v1/cases/${caseId}/draft`, { version: 1, content: { ...completeContent(), title }, declaration: {}, superiorName: '街道工委', superiorEmail: null });
    const answers = await Promise.all([save('一'), save('二'), save('三')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('refuses bad input with a field message and keeps what was saved', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await saveContent(client, caseId, completeContent());
    const res = await client.put(`/api/v1/cases/${caseId}/draft`, { version: 2, content: { ...completeContent(), title: '题'.repeat(101) }, declaration: {}, superiorName: '', superiorEmail: 'not-mail' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.content.title).toBe(completeContent().title);
  });

  it('hides a case from other units and from people without a role, exactly like a missing one', async () => {
    const { app } = await createTestApp();
    const { caseId } = await createDraftCase(app);
    const other = await createDraftCase(app);
    await createPerson(app.db, { email: 'nobody@example.cn' });
    const nobody = await signedIn(app, 'nobody@example.cn');
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const client of [other.client, nobody]) {
      for (const path of ['', '/history', '/submissions', '/preflight']) {
        const seen = await client.get(`/api/v1/cases/${caseId}${path}`);
        const absent = await client.get(`/api/v1/cases/${missing}${path}`);
        expect(seen.statusCode).toBe(404);
        expect({ ...seen.json(), requestId: '' }).toEqual({ ...absent.json(), requestId: '' });
      }
      const save = await client.put(`/api/v1/cases/${caseId}/draft`, { version: 1, content: completeContent(), declaration: {}, superiorName: '', superiorEmail: null });
      expect(save.statusCode).toBe(404);
    }
    const mine = (await other.client.get('/api/v1/me/cases')).json().data;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([other.caseId]);
    expect((await nobody.get('/api/v1/me/cases')).json().data).toEqual([]);
  });

  it('refuses to start a case for a unit the caller does not act for', async () => {
    const { app } = await createTestApp();
    const { organizationId } = await createDraftCase(app);
    const other = await createDraftCase(app);
    const res = await other.client.post(`/api/v1/campaigns/${SEVENTH}/cases`, { organizationId, title: '冒名' });
    expect(res.statusCode).toBe(404);
  });

  it('shows organizers every case of their campaign, read-only', async () => {
    const { app } = await createTestApp();
    const { caseId } = await createDraftCase(app);
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'org@example.cn');
    expect((await organizer.get(`/api/v1/cases/${caseId}`)).json().data.editable).toBe(false);
    const list = (await organizer.get(`/api/v1/campaigns/${SEVENTH}/cases`)).json().data;
    expect(list.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await organizer.put(`/api/v1/cases/${caseId}/draft`, { version: 1, content: completeContent(), declaration: {}, superiorName: '', superiorEmail: null })).statusCode).toBe(404);
  });

  it('makes the draft read-only after the deadline', async () => {
    const { app, setNow } = await createTestApp();
    const { caseId, email } = await createDraftCase(app);
    setNow(AFTER_WINDOW);
    const client = await signedIn(app, email);
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.editable).toBe(false);
    const res = await client.put(`/api/v1/cases/${caseId}/draft`, { version: 1, content: completeContent(), declaration: {}, superiorName: '', superiorEmail: null });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('case_read_only');
  });

  it('refuses to start a draft after the unit\'s deadline, saying when it was', async () => {
    const { app, setNow } = await createTestApp();
    const { organizationId, email } = await createDraftCase(app);
    setNow(AFTER_WINDOW);
    const client = await signedIn(app, email);
    const res = await client.post(`/api/v1/campaigns/${SEVENTH}/cases`, { organizationId, title: '迟到的案例' });
    expect([res.statusCode, res.json().error.code, res.json().error.message]).toEqual([403, 'window_closed', '征集已于 2024-06-30 23:59:59（北京时间）截止，无法提交。']);
    expect((await client.get('/api/v1/me/cases')).json().data).toHaveLength(1);
  });
});

