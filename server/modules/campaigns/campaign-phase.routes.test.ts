import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { AFTER_WINDOW, SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const PHASE_URL = `/api/v1/campaigns/${SEVENTH}/phase`;

async function world(now?: Date) {
  const test = await createTestApp(now ? { now } : {});
  const { app, database } = test;
  const campaign = await database.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
  await createPerson(database.db, { email: 'organizer@example.cn', name: '王芳', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  await createPerson(database.db, { email: 'reviewer@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
  await createPerson(database.db, { email: 'unit@example.cn' });
  const organizer = await signedIn(app, 'organizer@example.cn');
  return { ...test, campaignId: campaign.id, organizer };
}

const phaseOf = async (app: Awaited<ReturnType<typeof createTestApp>>['app']) =>
  (await app.inject({ url: `/api/v1/campaigns/${SEVENTH}` })).json().data.phase;

const auditOf = async (app: Awaited<ReturnType<typeof createTestApp>>['app']) =>
  (await app.db.selectFrom('audit_log').select(['action', 'actor_label', 'subject_id', 'change']).where('action', '=', 'campaign.move_phase').orderBy('id').execute())
    .map((r) => ({ ...r, change: JSON.parse(r.change) }));

describe(`moving a campaign through its phases (${testEngine()})`, () => {
  it('shows a new campaign in collection, with the actions that opens, version 1 and its review settings', async () => {
    const { app } = await world();
    const { data } = (await app.inject({ url: `/api/v1/campaigns/${SEVENTH}` })).json();
    expect(data.phase).toEqual({
      current: 'collection', changedAt: null, openActions: ['create_case', 'submit', 'resubmit', 'withdraw', 'extend_deadline', 'return'], definitionVersion: 1, definitionFrozen: false,
    });
    expect([data.review.reviewsPerCase, data.review.blind, data.review.conflictLevel, data.review.dueAt]).toEqual([3, true, 'city', '2024-08-31T23:59:59']);
    expect(data.review.criteria.map((c: { criterion: string; weight: number }) => `${c.criterion}:${c.weight}`)).toEqual(['authenticity:25', 'innovation:25', 'effectiveness:30', 'typicality:20']);
    const [summary] = (await app.inject({ url: '/api/v1/campaigns' })).json().data;
    expect(summary.phase.current).toBe('collection');
  });

  it('lets an organizer start screening once the collection closed, and records it in the audit log', async () => {
    const { app, organizer, campaignId } = await world(AFTER_WINDOW);
    const res = await organizer.post(PHASE_URL, { to: 'screening' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({
      current: 'screening', changedAt: AFTER_WINDOW.toISOString(), openActions: ['resubmit', 'return', 'screen', 'assign_reviewers'], definitionVersion: 1, definitionFrozen: false,
    });
    expect((await phaseOf(app)).current).toBe('screening');
    expect(await auditOf(app)).toEqual([{
      action: 'campaign.move_phase', actor_label: '王芳 <organizer@example.cn>', subject_id: campaignId,
      change: { from: 'collection', to: 'screening', reason: null, definitionVersion: 1 },
    }]);
  });

  it('refuses to start screening while units may still submit, saying until when', async () => {
    const { app, organizer } = await world();
    const res = await organizer.post(PHASE_URL, { to: 'screening' });
    expect([res.statusCode, res.json().error]).toEqual([409, { code: 'collection_still_open', message: '征集尚未截止（2024-06-30 23:59:59，北京时间），截止后才能进入初审。' }]);
    expect((await phaseOf(app)).current).toBe('collection');
    expect(await auditOf(app)).toEqual([]);
  });

  it('refuses to skip a phase, and a second click that would move twice, in the caller language', async () => {
    const { app, organizer } = await world(AFTER_WINDOW);
    const skip = await organizer.post(`${PHASE_URL}?lang=en`, { to: 'review' });
    expect([skip.statusCode, skip.json().error]).toEqual([409, {
      code: 'phase_not_adjacent', message: 'The collection is in its collection phase; it moves one phase forward or back at a time, not to expert review.',
    }]);
    expect((await organizer.post(PHASE_URL, { to: 'screening' })).statusCode).toBe(200);
    const again = await organizer.post(PHASE_URL, { to: 'screening' });
    expect([again.statusCode, again.json().error]).toEqual([409, {
      code: 'phase_not_adjacent', message: '征集活动当前处于“初审”阶段，只能前进或退回一个阶段，不能转到“初审”。',
    }]);
    expect((await auditOf(app)).length).toBe(1);
  });

  it('moves back only with a reason, and records the reason', async () => {
    const { app, organizer, database } = await world(AFTER_WINDOW);
    await database.db.updateTable('campaigns').set({ phase: 'review' }).execute();
    const bare = await organizer.post(PHASE_URL, { to: 'screening', reason: '   ' });
    expect([bare.statusCode, bare.json().error]).toEqual([400, { code: 'phase_reason_required', message: '退回上一阶段须写明理由。' }]);
    const res = await organizer.post(PHASE_URL, { to: 'screening', reason: '三个案例初审结论有误，需重新审核' });
    expect(res.json().data.current).toBe('screening');
    expect((await auditOf(app)).map((e) => e.change)).toEqual([{ from: 'review', to: 'screening', reason: '三个案例初审结论有误，需重新审核', definitionVersion: 1 }]);
  });

  it('refuses everyone but organizers, and an organizer of another campaign as if it did not exist', async () => {
    const { app, database } = await world(AFTER_WINDOW);
    const seventh = await database.db.selectFrom('campaigns').selectAll().executeTakeFirstOrThrow();
    const other = { ...seventh, id: randomUUID(), slug: 'provincial-collection', content_hash: 'other' };
    await database.db.insertInto('campaigns').values(other).execute();
    await createPerson(database.db, { email: 'other-organizer@example.cn', grants: [{ role: 'organizer', campaignId: other.id }] });
    const unit = await signedIn(app, 'unit@example.cn');
    expect((await unit.post('/api/v1/organizations', UNIT_INPUT)).statusCode).toBe(201);
    const callers = {
      'signed out': new TestClient(app),
      'unit member': await signedIn(app, 'unit@example.cn'),
      reviewer: await signedIn(app, 'reviewer@example.cn'),
      'organizer of another campaign': await signedIn(app, 'other-organizer@example.cn'),
    };
    const answers: Record<string, [number, string]> = {};
    for (const [who, client] of Object.entries(callers)) {
      const res = await client.post(PHASE_URL, { to: 'screening' });
      answers[who] = [res.statusCode, res.json().error.code];
    }
    expect(answers).toEqual({
      'signed out': [401, 'unauthenticated'],
      'unit member': [403, 'forbidden'],
      reviewer: [403, 'forbidden'],
      'organizer of another campaign': [404, 'campaign_not_found'],
    });
    expect(await database.db.selectFrom('campaigns').select(['slug', 'phase']).orderBy('slug').execute()).toEqual([
      { slug: 'provincial-collection', phase: 'collection' }, { slug: SEVENTH, phase: 'collection' },
    ]);
    expect(await auditOf(app)).toEqual([]);
  });

  it('refuses a phase that does not exist with the field named', async () => {
    const { organizer } = await world(AFTER_WINDOW);
    const res = await organizer.post(`${PHASE_URL}?lang=en`, { to: 'judging' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['to']);
  });
});

describe(`what a phase opens to units (${testEngine()})`, () => {
  it('refuses a new case and a submission once the campaign left collection, even inside the window', async () => {
    const { app, database } = await createTestApp();
    const draft = await createDraftCase(app);
    await saveContent(draft.client, draft.caseId, completeContent(4000));
    await attachRequiredFiles(app, draft.caseId);
    await database.db.updateTable('campaigns').set({ phase: 'screening' }).execute();

    const submit = await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() });
    expect([submit.statusCode, submit.json().error]).toEqual([409, { code: 'phase_closed', message: '征集活动当前处于“初审”阶段，此操作现在不可用。' }]);
    const unitId = (await app.db.selectFrom('cases').select('organization_id').where('id', '=', draft.caseId).executeTakeFirstOrThrow()).organization_id;
    const create = await draft.client.post(`/api/v1/campaigns/${SEVENTH}/cases?lang=en`, { organizationId: unitId, title: '新案例' });
    expect([create.statusCode, create.json().error]).toEqual([409, { code: 'phase_closed', message: 'The collection is in its screening phase; this action is not open now.' }]);
    expect(await app.db.selectFrom('cases').select('status').execute()).toEqual([{ status: 'draft' }]);

    await database.db.updateTable('campaigns').set({ phase: 'collection' }).execute();
    expect((await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
  });
});
