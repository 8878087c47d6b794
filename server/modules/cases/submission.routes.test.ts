import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { blobPath } from '../../storage/blob-store.ts';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// 2024-06-30 23:59:59 and one second later, Beijing time.
const LAST_SECOND = new Date('2024-06-30T15:59:59.000Z');
const ONE_SECOND_LATE = new Date('2024-06-30T16:00:00.000Z');

async function readyCase(app: Awaited<ReturnType<typeof createTestApp>>['app']) {
  const draft = await createDraftCase(app);
  await saveContent(draft.client, draft.caseId, completeContent(4000));
  const files = await attachRequiredFiles(app, draft.caseId);
  return { ...draft, files };
}

describe(`submitting a case (${testEngine()})`, () => {
  it('refuses an incomplete case with the same list preflight shows', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const preflight = (await client.get(`/api/v1/cases/${caseId}/preflight`)).json().data.problems;
    expect(preflight.map((p: { code: string }) => p.code)).toContain('attachment_missing');
    const res = await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'preflight_failed', message: `案例还有 ${preflight.length} 个问题需要处理后才能提交。`, details: { problems: preflight } });
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.status).toBe('draft');
  });

  it('submits a complete case and gives a receipt whose hashes match what is stored', async () => {
    const { app } = await createTestApp();
    const { client, caseId, files, email } = await readyCase(app);
    expect((await client.get(`/api/v1/cases/${caseId}/preflight`)).json().data.problems).toEqual([]);
    const res = await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
    expect(res.statusCode).toBe(201);
    const receipt = res.json().data;
    expect(receipt).toMatchObject({ caseId, seq: 1, submittedAt: '2024-05-01T02:00:00.000Z', withdrawnAt: null });
    expect(receipt.receiptNumber).toMatch(/^Z7-20240501-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(receipt.attachments.map((a: { sha256: string }) => a.sha256)).toEqual(files.map((f) => f.sha256));

    const stored = await app.db.selectFrom('case_submissions').selectAll().where('receipt_number', '=', receipt.receiptNumber).executeTakeFirstOrThrow();
    expect(sha256(stored.content)).toBe(receipt.contentSha256);
    expect(JSON.parse(stored.content)).toMatchObject({ format: 'zhengji-case/1', campaign: SEVENTH, caseId, title: completeContent().title });

    const detail = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    expect(detail).toMatchObject({ status: 'submitted', submissionCount: 1, editable: true });
    const mail = await app.db.selectFrom('mails').selectAll().where('to_email', '=', email).where('template', '=', 'case_receipt').executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(receipt.receiptNumber);
    expect(mail.text_body).toContain(receipt.contentSha256);
    expect(mail.text_body).toContain('2024-05-01 10:00:00（北京时间）');
    const audit = await app.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.submit').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.change)).toMatchObject({ from: 'draft', to: 'submitted', contentSha256: receipt.contentSha256 });
  });

  it('makes one submission of a double click or a retried request', async () => {
    const { app, setNow } = await createTestApp();
    const { client, caseId, email } = await readyCase(app);
    const requestKey = randomUUID();
    const answers = await Promise.all([1, 2, 3].map(() => client.post(`/api/v1/cases/${caseId}/submit`, { requestKey })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().data.receiptNumber)).size).toBe(1);
    const retry = await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey });
    expect(retry.statusCode).toBe(200);
    expect((await client.get(`/api/v1/cases/${caseId}/submissions`)).json().data).toHaveLength(1);
    // A retry whose first answer was lost still gets its receipt once the deadline has passed;
    // a new key is refused.
    setNow(ONE_SECOND_LATE);
    const late = await (await signedIn(app, email)).post(`/api/v1/cases/${caseId}/submit`, { requestKey });
    expect([late.statusCode, late.json().data?.receiptNumber, late.json().error]).toEqual([200, answers[0]!.json().data.receiptNumber, undefined]);
    expect((await (await signedIn(app, email)).post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(403);
  });

  it('accepts the last second before the deadline and refuses one second after, in Beijing time', async () => {
    const { app, setNow } = await createTestApp();
    const early = await readyCase(app);
    const late = await readyCase(app);
    setNow(LAST_SECOND);
    expect((await (await signedIn(app, early.email)).post(`/api/v1/cases/${early.caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
    setNow(ONE_SECOND_LATE);
    const client = await signedIn(app, late.email);
    const res = await client.post(`/api/v1/cases/${late.caseId}/submit`, { requestKey: randomUUID() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'window_closed', message: '征集已于 2024-06-30 23:59:59（北京时间）截止，无法提交。' });
    expect((await client.get(`/api/v1/cases/${late.caseId}`)).json().data).toMatchObject({ status: 'draft', content: { title: completeContent().title } });
  });

  it('lets organizers extend the deadline for one unit or for all', async () => {
    const { app, setNow } = await createTestApp();
    const a = await readyCase(app);
    const b = await readyCase(app);
    const c = await readyCase(app);
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'org@example.cn');
    const forA = await organizer.post(`/api/v1/campaigns/${SEVENTH}/deadline-extensions`, { organizationId: a.organizationId, closesAt: '2024-07-05T15:59:59.999Z', reason: '系统故障' });
    expect(forA.statusCode).toBe(201);
    expect((await organizer.post(`/api/v1/campaigns/${SEVENTH}/deadline-extensions`, { organizationId: null, closesAt: '2024-07-02T15:59:59.999Z', reason: '全体延期' })).statusCode).toBe(201);
    expect((await organizer.post(`/api/v1/campaigns/${SEVENTH}/deadline-extensions`, { organizationId: null, closesAt: '2024-06-01T00:00:00.000Z', reason: '提前' })).statusCode).toBe(400);
    expect((await a.client.post(`/api/v1/campaigns/${SEVENTH}/deadline-extensions`, { organizationId: a.organizationId, closesAt: '2024-08-01T00:00:00.000Z', reason: '自己延期' })).statusCode).toBe(403);

    setNow(new Date('2024-07-03T00:00:00.000Z'));
    expect((await (await signedIn(app, a.email)).post(`/api/v1/cases/${a.caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
    expect((await (await signedIn(app, b.email)).post(`/api/v1/cases/${b.caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(403);
    setNow(new Date('2024-07-02T00:00:00.000Z'));
    expect((await (await signedIn(app, c.email)).post(`/api/v1/cases/${c.caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
  });

  it('keeps every version: withdraw, revise and resubmit, each with its own receipt', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await readyCase(app);
    const first = (await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).json().data;
    expect((await client.post(`/api/v1/cases/${caseId}/withdraw`)).json().data.status).toBe('withdrawn');
    const twice = await client.post(`/api/v1/cases/${caseId}/withdraw`);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'invalid_transition']);
    await saveContent(client, caseId, { ...completeContent(4000), title: '修改后的标题' });
    const second = (await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).json().data;
    await saveContent(client, caseId, { ...completeContent(4000), title: '第三版' });
    const third = (await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).json().data;
    expect([first.seq, second.seq, third.seq]).toEqual([1, 2, 3]);
    expect(new Set([first.contentSha256, second.contentSha256, third.contentSha256]).size).toBe(3);
    const receipts = (await client.get(`/api/v1/cases/${caseId}/submissions`)).json().data;
    expect(receipts.map((r: { withdrawnAt: string | null }) => r.withdrawnAt !== null)).toEqual([true, false, false]);
    const stored = await app.db.selectFrom('case_submissions').select(['seq', 'content']).where('case_id', '=', caseId).orderBy('seq').execute();
    expect(stored.map((s) => JSON.parse(s.content).title)).toEqual([completeContent().title, '修改后的标题', '第三版']);
    const history = (await client.get(`/api/v1/cases/${caseId}/history`)).json().data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'withdraw', 'submit', 'submit']);
  });

  it('refuses a submit from another unit\'s account as if the case did not exist', async () => {
    const { app } = await createTestApp();
    const { caseId } = await readyCase(app);
    const other = await createDraftCase(app);
    const missing = randomUUID();
    const answer = async (method: 'GET' | 'POST', path: string, payload?: object) => {
      const body = method === 'POST' ? payload ?? {} : undefined;
      const res = await other.client.request({ method, url: `/api/v1/cases/${caseId}${path}`, body });
      const none = await other.client.request({ method, url: `/api/v1/cases/${missing}${path}`, body });
      return [[res.statusCode, res.json().error.code, res.json().error.message], [none.statusCode, none.json().error.code, none.json().error.message]];
    };
    for (const [method, path, body] of [
      ['POST', '/submit', { requestKey: randomUUID() }], ['POST', '/withdraw'], ['GET', '/preflight'], ['GET', '/history'], ['GET', '/submissions'],
    ] as const) {
      const [hidden, none] = await answer(method, path, body);
      expect(hidden).toEqual(none);
      expect(hidden).toEqual([404, 'not_found', expect.any(String)]);
    }
    expect((await other.client.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('reports a stored file that went missing as unreadable in the checklist, while submitting trusts the rows checked when each upload finished', async () => {
    const { app } = await createTestApp();
    const { client, caseId, files } = await readyCase(app);
    await rm(blobPath(app.dataDir, files[1]!.sha256));
    const checklist = await client.get(`/api/v1/cases/${caseId}/preflight`);
    expect(checklist.json().data.problems).toEqual([
      { code: 'attachment_unreadable', target: 'attachments:sealed-form', params: { kind: 'sealed-form', fileName: '盖章申报表.pdf' } },
    ]);
    expect((await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
  });
});

describe(`returning a case for correction (${testEngine()})`, () => {
  it('reopens the case after the deadline until the organizers\' date, and tells the unit', async () => {
    const { app, setNow } = await createTestApp();
    const { client, caseId, email } = await readyCase(app);
    await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    setNow(new Date('2024-07-02T00:00:00.000Z'));
    const organizer = await signedIn(app, 'org@example.cn');
    const unit = await signedIn(app, email);
    expect((await unit.post(`/api/v1/cases/${caseId}/withdraw`)).statusCode).toBe(409);

    const returned = await organizer.post(`/api/v1/cases/${caseId}/return`, { message: '请补充成效数据。', dueAt: '2024-07-10T15:59:59.000Z' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().data).toMatchObject({ status: 'returned', returnMessage: '请补充成效数据。', returnDueAt: '2024-07-10T15:59:59.000Z' });
    expect((await unit.post(`/api/v1/cases/${caseId}/return`, { message: '自己退回', dueAt: '2024-07-10T15:59:59.000Z' })).statusCode).toBe(403);
    const mail = await app.db.selectFrom('mails').selectAll().where('template', '=', 'case_returned').executeTakeFirstOrThrow();
    expect(mail.to_email).toBe(email);
    expect(mail.text_body).toContain('请补充成效数据。');

    const detail = (await unit.get(`/api/v1/cases/${caseId}`)).json().data;
    expect(detail.editable).toBe(true);
    await saveContent(unit, caseId, { ...completeContent(4000), title: '补充后' });
    const again = await unit.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
    expect(again.statusCode).toBe(201);
    expect((await unit.get(`/api/v1/cases/${caseId}`)).json().data).toMatchObject({ status: 'submitted', editable: false, returnDueAt: null });
    const mine = (await unit.get('/api/v1/me/cases')).json().data;
    expect(mine[0]).toMatchObject({ id: caseId, status: 'submitted', returnMessage: '请补充成效数据。' });
    const history = (await unit.get(`/api/v1/cases/${caseId}/history`)).json().data;
    expect(history.find((e: { action: string }) => e.action === 'return')).toMatchObject({ message: '请补充成效数据。', dueAt: '2024-07-10T15:59:59.000Z', actor: 'org <org@example.cn>' });
  });

  it('does not reopen a returned case once its date has passed', async () => {
    const { app, setNow } = await createTestApp();
    const { client, caseId, email } = await readyCase(app);
    await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'org@example.cn');
    await organizer.post(`/api/v1/cases/${caseId}/return`, { message: '请修改。', dueAt: '2024-07-10T15:59:59.000Z' });
    setNow(new Date('2024-07-11T00:00:00.000Z'));
    const unit = await signedIn(app, email);
    const res = await unit.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('2024-07-10 23:59:59');
  });
});

describe(`the receipt as PDF (${testEngine()})`, () => {
  it('downloads for the unit and the organizers, and for nobody else', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await readyCase(app);
    const receipt = (await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).json().data;
    const res = await client.get(`/api/v1/cases/${caseId}/submissions/1/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`回执-${receipt.receiptNumber}.pdf`));
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await client.get(`/api/v1/cases/${caseId}/submissions/2/receipt.pdf`)).statusCode).toBe(404);
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await (await signedIn(app, 'org@example.cn')).get(`/api/v1/cases/${caseId}/submissions/1/receipt.pdf`);
    expect([organizer.statusCode, organizer.headers['content-type'], organizer.rawPayload.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const other = await createDraftCase(app);
    const hidden = await other.client.get(`/api/v1/cases/${caseId}/submissions/1/receipt.pdf`);
    const none = await other.client.get(`/api/v1/cases/${randomUUID()}/submissions/1/receipt.pdf`);
    expect([hidden.statusCode, hidden.json().error.code]).toEqual([404, 'not_found']);
    expect(hidden.json().error).toEqual(none.json().error);
  });
});
