import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`the submitted version for organizers (${testEngine()})`, () => {
  it('gives the organizer what was submitted, not the working copy changed since, and the unit nothing', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const submitted = completeContent(4000);
    await saveContent(client, caseId, submitted);
    await attachRequiredFiles(app, caseId);
    const receipt = (await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).json().data;
    await saveContent(client, caseId, { ...submitted, title: '提交后又改过的标题' });

    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'org@example.cn');
    const res = await organizer.get(`/api/v1/cases/${caseId}/submitted`);
    expect(res.statusCode).toBe(200);
    const version = res.json().data;
    expect(version).toMatchObject({ seq: 1, receiptNumber: receipt.receiptNumber, submittedAt: '2024-05-01T02:00:00.000Z' });
    expect(version.content).toEqual(submitted);
    expect((await organizer.get(`/api/v1/cases/${caseId}`)).json().data.content.title).toBe('提交后又改过的标题');

    const own = await client.get(`/api/v1/cases/${caseId}/submitted`);
    expect([own.statusCode, own.json().error.code]).toEqual([403, 'forbidden']);
  });

  it('answers 404 for a case never submitted', async () => {
    const { app } = await createTestApp();
    const { caseId } = await createDraftCase(app);
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const res = await (await signedIn(app, 'org@example.cn')).get(`/api/v1/cases/${caseId}/submitted`);
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
  });
});
