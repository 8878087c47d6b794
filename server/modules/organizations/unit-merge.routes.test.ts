import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { createTusUpload, headTus, patchTus, uploadFile } from '../../testing/tus.ts';

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41'), Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251))]);
const MISSING = '00000000-0000-4000-8000-000000000000';
const DUPLICATE_NAME = '建外街道第一社区党委';

/** The duplicate unit: a submitted case, a draft with an attachment and an upload half done, an invitation out. */
async function duplicateUnit(app: Awaited<ReturnType<typeof createTestApp>>['app']) {
  const draft = await createDraftCase(app, { email: 'author@example.cn', unitName: DUPLICATE_NAME, title: '草稿案例' });
  const { client, organizationId } = draft;
  const submitted = (await client.post(`/api/v1/campaigns/${SEVENTH}/cases`, { organizationId, title: '已提交案例' })).json().data.id as string;
  await saveContent(client, submitted, completeContent(4000, '已提交案例'));
  await attachRequiredFiles(app, submitted);
  const receipt = await client.post(`/api/v1/cases/${submitted}/submit`, { requestKey: randomUUID() });
  expect(receipt.statusCode).toBe(201);
  const video = await uploadFile(client, draft.caseId, 'videos', '纪实.mp4', MP4);
  const attachmentId = video.patched!.headers['zhengji-attachment-id'] as string;
  const started = await createTusUpload(client, { caseId: draft.caseId, kind: 'videos', filename: '未完.mp4', length: MP4.length });
  const uploadUrl = started.headers.location as string;
  expect((await patchTus(client, uploadUrl, 0, MP4.subarray(0, 4096))).statusCode).toBe(204);
  expect((await client.post(`/api/v1/organizations/${organizationId}/invitations`, { email: 'newcomer@example.cn' })).statusCode).toBe(202);
  return { client, organizationId, draftId: draft.caseId, submittedId: submitted, receiptNumber: receipt.json().data.receiptNumber as string, attachmentId, uploadUrl };
}

describe(`merging duplicate units (${testEngine()})`, () => {
  it('moves cases, files, uploads and invitations, records the merge on each case, and keeps the old id working for members only', async () => {
    const { app } = await createTestApp();
    const survivor = await createDraftCase(app, { email: 'owner@example.cn', unitName: UNIT_INPUT.name, title: '保留单位的案例' });
    const old = await duplicateUnit(app);
    await createPerson(app.db, { email: 'organizer@example.cn', name: '秘书处', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'organizer@example.cn');
    const extension = { closesAt: '2024-07-05T15:59:59.999Z', reason: '系统故障' };
    // A village unit below the duplicate names it as its superior organization.
    const below = await createDraftCase(app, { unitName: '建外街道第一社区第三党支部' });
    await app.db.updateTable('cases').set({ superior_organization_id: old.organizationId, superior_name: DUPLICATE_NAME }).where('id', '=', below.caseId).execute();
    expect((await organizer.post(`/api/v1/campaigns/${SEVENTH}/deadline-extensions`, { organizationId: old.organizationId, ...extension })).statusCode).toBe(201);

    const merged = await organizer.post(`/api/v1/organizations/${old.organizationId}/merge`, { into: survivor.organizationId });
    expect([merged.statusCode, merged.json().data.id]).toEqual([200, survivor.organizationId]);

    // The author, in the session opened before the merge, finds every case and file.
    const author = old.client;
    const draft = (await author.get(`/api/v1/cases/${old.draftId}`)).json().data;
    const submitted = (await author.get(`/api/v1/cases/${old.submittedId}`)).json().data;
    expect([draft.organizationId, draft.status, draft.content.title]).toEqual([survivor.organizationId, 'draft', '草稿案例']);
    expect([submitted.organizationId, submitted.status, submitted.submissionCount]).toEqual([survivor.organizationId, 'submitted', 1]);
    expect((await author.get(`/api/v1/cases/${old.submittedId}/submissions`)).json().data.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual([old.receiptNumber]);
    expect((await author.get(`/api/v1/cases/${old.draftId}/attachments`)).json().data.map((a: { id: string; fileName: string }) => [a.id, a.fileName])).toEqual([[old.attachmentId, '纪实.mp4']]);
    const file = await author.get(`/api/v1/attachments/${old.attachmentId}/file`);
    expect([file.statusCode, Buffer.compare(file.rawPayload, MP4)]).toEqual([200, 0]);
    const upload = await headTus(author, old.uploadUrl);
    expect([upload.statusCode, upload.headers['upload-offset']]).toEqual([200, '4096']);
    expect((await patchTus(author, old.uploadUrl, 4096, MP4.subarray(4096))).statusCode).toBe(204);
    expect((await author.get(`/api/v1/cases/${old.draftId}/attachments`)).json().data.map((a: { fileName: string }) => a.fileName).sort()).toEqual(['未完.mp4', '纪实.mp4']);
    // Both units had a case in the campaign: they are distinct cases and both stay.
    expect((await author.get('/api/v1/me/cases')).json().data.map((c: { title: string; organizationId: string }) => [c.title, c.organizationId]).sort()).toEqual([
      ['保留单位的案例', survivor.organizationId], ['已提交案例', survivor.organizationId], ['草稿案例', survivor.organizationId],
    ]);

    const history = (await author.get(`/api/v1/cases/${old.submittedId}/history`)).json().data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'unit_merged']);
    expect(history.at(-1)).toEqual({
      at: '2024-05-01T02:00:00.000Z', actor: '秘书处 <organizer@example.cn>', action: 'unit_merged', from: 'submitted', to: 'submitted',
      message: `${DUPLICATE_NAME} → ${UNIT_INPUT.name}`, dueAt: null,
    });

    // The old unit's address answers with the surviving unit, for its members.
    const byOldId = await author.get(`/api/v1/organizations/${old.organizationId}`);
    expect([byOldId.statusCode, byOldId.json().data]).toEqual([200, (await author.get(`/api/v1/organizations/${survivor.organizationId}`)).json().data]);
    expect((await author.get(`/api/v1/organizations/${old.organizationId}/members`)).json().data.map((m: { email: string; role: string }) => [m.email, m.role]))
      .toEqual([['owner@example.cn', 'owner'], ['author@example.cn', 'operator']]);

    // The invitation mailed before the merge now joins the surviving unit.
    await createPerson(app.db, { email: 'newcomer@example.cn' });
    const mail = await app.db.selectFrom('mails').select('text_body').where('template', '=', 'join_unit').executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.text_body)![1]!;
    const joined = await (await signedIn(app, 'newcomer@example.cn')).post('/api/v1/organization-invitations/accept', { token });
    expect(joined.json().data.id).toBe(survivor.organizationId);

    // The cases were created in the same instant, so they move in the order of their ids.
    const moved = [[old.draftId, 'draft'], [old.submittedId, 'submitted']].sort(([x], [y]) => x!.localeCompare(y!));
    const audit = await app.db.selectFrom('audit_log').select(['action', 'subject_id', 'change']).where('action', 'in', ['organization.merge', 'case.unit_merged']).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.subject_id, JSON.parse(a.change)])).toEqual([
      ...moved.map(([id, status]) => ['case.unit_merged', id, { from: status, to: status, message: `${DUPLICATE_NAME} → ${UNIT_INPUT.name}`, fromUnit: old.organizationId, intoUnit: survivor.organizationId }]),
      ['organization.merge', old.organizationId, { into: survivor.organizationId, cases: moved.map(([id]) => id), members: 1, invitations: 1, deadlineExtensions: 1, superiorOf: 1 }],
    ]);
    const superior = await app.db.selectFrom('cases').select(['superior_organization_id', 'superior_name']).where('id', '=', below.caseId).executeTakeFirstOrThrow();
    expect(superior).toEqual({ superior_organization_id: survivor.organizationId, superior_name: UNIT_INPUT.name });
    // The deadline the duplicate was granted now holds for the unit its cases live in.
    const extensions = (await organizer.get(`/api/v1/campaigns/${SEVENTH}/deadline-extensions`)).json().data;
    expect(extensions.map((e: { organizationId: string; closesAt: string; reason: string }) => [e.organizationId, e.closesAt, e.reason]))
      .toEqual([[survivor.organizationId, extension.closesAt, extension.reason]]);

    // Someone outside both units learns nothing: both ids answer exactly like a missing unit.
    await createPerson(app.db, { email: 'outsider@example.cn' });
    const outsider = await signedIn(app, 'outsider@example.cn');
    const none = await outsider.get(`/api/v1/organizations/${MISSING}`);
    for (const id of [old.organizationId, survivor.organizationId]) {
      for (const suffix of ['', '/members']) {
        const res = await outsider.get(`/api/v1/organizations/${id}${suffix}`);
        expect([res.statusCode, res.json().error]).toEqual([none.statusCode, none.json().error]);
      }
    }
    for (const id of [old.draftId, old.submittedId]) expect((await outsider.get(`/api/v1/cases/${id}`)).json().error.code).toBe('not_found');
    expect(none.statusCode).toBe(404);
  });

  it('refuses to merge a unit into itself or into one merged already', async () => {
    const { app } = await createTestApp();
    const a = await createDraftCase(app, { unitName: UNIT_INPUT.name });
    const b = await createDraftCase(app, { unitName: DUPLICATE_NAME });
    await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'organizer@example.cn');
    const self = await organizer.post(`/api/v1/organizations/${a.organizationId}/merge`, { into: a.organizationId });
    expect([self.statusCode, self.json().error.code]).toEqual([400, 'invalid_request']);
    expect((await organizer.post(`/api/v1/organizations/${b.organizationId}/merge`, { into: a.organizationId })).statusCode).toBe(200);
    const again = await organizer.post(`/api/v1/organizations/${a.organizationId}/merge`, { into: b.organizationId });
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'not_found']);
    expect((await app.db.selectFrom('cases').select('organization_id').where('id', '=', a.caseId).executeTakeFirstOrThrow()).organization_id).toBe(a.organizationId);
  });
});

describe(`merging while the duplicate unit is busy (${testEngine()})`, () => {
  it('leaves no case, member or invitation behind on the merged unit', async () => {
    const { app } = await createTestApp();
    const survivor = await createDraftCase(app, { unitName: UNIT_INPUT.name });
    const old = await createDraftCase(app, { email: 'author@example.cn', unitName: DUPLICATE_NAME });
    await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'organizer@example.cn');

    const [merged, ...work] = await Promise.all([
      organizer.post(`/api/v1/organizations/${old.organizationId}/merge`, { into: survivor.organizationId }),
      ...Array.from({ length: 8 }, (_, i) => old.client.post(`/api/v1/campaigns/${SEVENTH}/cases`, { organizationId: old.organizationId, title: `并发案例${i}` })),
      ...Array.from({ length: 4 }, (_, i) => old.client.post(`/api/v1/organizations/${old.organizationId}/invitations`, { email: `colleague${i}@example.cn` })),
    ]);

    expect(merged!.statusCode).toBe(200);
    // Each request came first and moved with the unit, or came after: a new case then finds the
    // unit gone (404); an invitation finds it gone, or its author now an operator of the survivor (403).
    const allowed = (i: number) => (i < 8 ? [201, 404] : [202, 403, 404]);
    expect(work.map((w, i) => [i, w.statusCode]).filter(([i, status]) => !allowed(i!).includes(status!))).toEqual([]);
    const left = await app.db.selectFrom('cases').select('id').where('organization_id', '=', old.organizationId).execute();
    expect(left).toEqual([]);
    const created = work.filter((w) => w.statusCode === 201).map((w) => w.json().data.id as string);
    const moved = await app.db.selectFrom('cases').select('id').where('organization_id', '=', survivor.organizationId).execute();
    expect(moved.map((c) => c.id).sort()).toEqual([survivor.caseId, old.caseId, ...created].sort());
    const invitations = await app.db.selectFrom('one_time_tokens').select('subject_id').where('kind', '=', 'join_unit').execute();
    expect(invitations.filter((t) => t.subject_id !== survivor.organizationId)).toEqual([]);
    expect(invitations).toHaveLength(work.filter((w) => w.statusCode === 202).length);
  });
});
