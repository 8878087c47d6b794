import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachRequiredFiles, attachStoredFile, createDraftCase, createSubmittedCase, saveContent } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';
import { XLSX_TYPE } from '../reviewers/reviewer-pool.routes.ts';
import { similarityText } from '../../../core/similarity/content-text.ts';
import { distinctContent, referenceSheet, runSimilarityJobs } from './similarity.testing.ts';

const PHOTO = new TextEncoder().encode('the same photo in two cases');

async function world() {
  const test = await createTestApp();
  const { app, database } = test;
  const seventh = await database.db.selectFrom('campaigns').selectAll().executeTakeFirstOrThrow();
  const other = { ...seventh, id: randomUUID(), slug: 'provincial-collection', content_hash: 'other' };
  await database.db.insertInto('campaigns').values(other).execute();
  await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: seventh.id }] });
  await createPerson(app.db, { email: 'other-organizer@example.cn', grants: [{ role: 'organizer', campaignId: other.id }] });
  await createPerson(app.db, { email: 'reviewer@example.cn', grants: [{ role: 'reviewer', campaignId: seventh.id }] });
  // The original carries a photo that the copy carries too.
  const draft = await createDraftCase(app, { unitName: '和平社区党委' });
  await saveContent(draft.client, draft.caseId, distinctContent(1));
  await attachRequiredFiles(app, draft.caseId);
  await attachStoredFile(app, draft.caseId, 'photos', '活动照片.jpg', PHOTO, 'image/jpeg');
  expect((await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
  const copy = await createSubmittedCase(app, { unitName: '友谊社区党委', content: { ...distinctContent(1), title: '党建引领社区治理的实践' } });
  await attachStoredFile(app, copy.caseId, 'photos', '照片一.jpg', PHOTO, 'image/jpeg');
  const unrelated = await createSubmittedCase(app, { unitName: '胜利社区党委', content: distinctContent(2) });
  await runSimilarityJobs(app);
  return { ...test, original: draft, copy, unrelated, seventh, organizer: await signedIn(app, 'organizer@example.cn') };
}

describe(`near-duplicate report (${testEngine()})`, () => {
  it('shows an organizer each match with its figures, the passages side by side and the files shared with other cases', async () => {
    const { original, copy, organizer } = await world();
    const res = await organizer.get(`/api/v1/cases/${original.caseId}/similarity`);
    expect(res.statusCode).toBe(200);
    const report = res.json().data;
    expect([report.state, report.threshold, report.matches.length]).toEqual(['done', 0.4, 1]);
    const match = report.matches[0];
    expect({ ...match, estimated: undefined, exact: undefined, passages: undefined }).toEqual({
      kind: 'case', caseId: copy.caseId, referenceId: null, title: '党建引领社区治理的实践', unitName: '友谊社区党委', source: null,
    });
    expect(match.exact).toBeGreaterThan(0.95);
    // The copy has the whole text but the title: its passages, put together, are the original's summary and sections.
    const own = similarityText(distinctContent(1));
    const shared = match.passages.map((p: { a: { text: string }; b: { text: string } }) => p.a.text).join('');
    expect(match.passages.every((p: { a: { text: string }; b: { text: string } }) => p.a.text === p.b.text)).toBe(true);
    expect(shared.length).toBeGreaterThan(own.length * 0.9);
    expect(report.sameFiles).toEqual([{
      fileName: '活动照片.jpg', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), others: [{ caseId: copy.caseId, title: '党建引领社区治理的实践', fileName: '照片一.jpg' }],
    }]);
  });

  it('reports nothing for an unrelated case and says a check is still to come', async () => {
    const { app, unrelated, organizer } = await world();
    expect((await organizer.get(`/api/v1/cases/${unrelated.caseId}/similarity`)).json().data).toEqual({
      state: 'done', checkedAt: app.clock().toISOString(), threshold: 0.4, matches: [], sameFiles: [],
    });
    const late = await createSubmittedCase(app, { unitName: '光明社区党委', content: distinctContent(3) });
    expect((await organizer.get(`/api/v1/cases/${late.caseId}/similarity`)).json().data).toEqual({
      state: 'pending', checkedAt: null, threshold: 0.4, matches: [], sameFiles: [],
    });
  });

  it('refuses the case’s unit, a reviewer and an organizer of another campaign as if the case did not exist', async () => {
    const { app, original } = await world();
    const callers = {
      'signed out': new TestClient(app),
      'its own unit': original.client,
      reviewer: await signedIn(app, 'reviewer@example.cn'),
      'organizer of another campaign': await signedIn(app, 'other-organizer@example.cn'),
    };
    const answers: Record<string, [number, string, number, string]> = {};
    for (const [who, client] of Object.entries(callers)) {
      const report = await client.get(`/api/v1/cases/${original.caseId}/similarity`);
      const status = await client.get(`/api/v1/cases/${original.caseId}/similarity/status`);
      answers[who] = [report.statusCode, report.json().error.code, status.statusCode, status.json().error.code];
    }
    expect(answers).toEqual({
      'signed out': [401, 'unauthenticated', 401, 'unauthenticated'],
      'its own unit': [403, 'forbidden', 403, 'forbidden'],
      reviewer: [403, 'forbidden', 403, 'forbidden'],
      'organizer of another campaign': [404, 'not_found', 404, 'not_found'],
    });
  });
});

const PREVIEW = `/api/v1/campaigns/${SEVENTH}/reference-imports/preview`;
const COMMIT = `/api/v1/campaigns/${SEVENTH}/reference-imports`;
const send = (client: TestClient, url: string, body: Buffer, locale = 'zh-CN') =>
  client.request({ method: 'POST', url, body, headers: { 'content-type': XLSX_TYPE, 'accept-language': locale } });

describe(`reference import (${testEngine()})`, () => {
  it('previews row by row without writing, commits the good rows, skips duplicates, and re-checks the campaign’s cases against them', async () => {
    const { app, database, unrelated, organizer, seventh } = await world();
    const earlier = similarityText(distinctContent(2)).split('\n').slice(1).join('\n');
    const sheet = await referenceSheet([
      ['第六届', '往届的一篇案例', '胜利街道党工委', earlier],
      ['第六届', '', '', '太短。'],
      ['第六届', '重复的一行', '', earlier],
      ['第五届', { formula: 'A1&B1', result: '公式' }, '', similarityText(distinctContent(4))],
    ]);
    const preview = await send(organizer, PREVIEW, sheet);
    expect(preview.statusCode).toBe(200);
    const rowsOf = (data: { rows: { row: number; status: string; problems: { message: string }[] }[] }) => data.rows.map((r) => [r.row, r.status, r.problems.map((p) => p.message)]);
    expect(preview.json().data.counts).toEqual({ imported: 1, skipped: 1, refused: 2 });
    expect(rowsOf(preview.json().data)).toEqual([
      [2, 'imported', []],
      [3, 'refused', ['缺少标题', '正文不足 50 个字，无法比对']],
      [4, 'skipped', ['与第 2 行的届次和正文相同，已跳过']],
      [5, 'refused', ['单元格 B5 含有公式，不予读取；请改为填写文字']],
    ]);
    expect(rowsOf((await send(organizer, PREVIEW, sheet, 'en')).json().data)[1]).toEqual([3, 'refused', ['The title is missing', 'The text has fewer than 50 characters to compare']]);
    expect(await database.db.selectFrom('reference_cases').select('id').execute()).toEqual([]);

    const committed = await send(organizer, COMMIT, sheet);
    expect(committed.statusCode).toBe(200);
    expect([committed.json().data.committed, committed.json().data.counts, committed.json().data.total]).toEqual([true, { imported: 1, skipped: 1, refused: 2 }, 1]);
    const stored = await database.db.selectFrom('reference_cases').select(['campaign_id', 'source', 'title', 'unit_name', 'text']).execute();
    expect(stored).toEqual([{ campaign_id: seventh.id, source: '第六届', title: '往届的一篇案例', unit_name: '胜利街道党工委', text: earlier }]);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'subject_id', 'change']).where('action', '=', 'reference.import').execute();
    expect(audit.map((a) => [a.action, a.subject_id, JSON.parse(a.change)])).toEqual([['reference.import', seventh.id, { imported: 1, skipped: 1, refused: 2 }]]);

    // Importing the same file again stores nothing and says why.
    const again = (await send(organizer, COMMIT, sheet)).json().data;
    expect([again.counts, again.rows[0].problems[0].message]).toEqual([{ imported: 0, skipped: 2, refused: 2 }, '该届次的同一正文已导入过，已跳过']);

    await runSimilarityJobs(app);
    const report = (await organizer.get(`/api/v1/cases/${unrelated.caseId}/similarity`)).json().data;
    expect(report.matches.map((m: object) => ({ ...m, estimated: undefined, exact: undefined, passages: undefined }))).toEqual([{
      kind: 'reference', caseId: null, referenceId: expect.any(String), title: '往届的一篇案例', unitName: '胜利街道党工委', source: '第六届',
    }]);
    expect(report.matches[0].passages.length).toBeGreaterThan(0);
  });

  it('refuses wrong columns and a file that is no workbook, in the caller’s language', async () => {
    const { organizer } = await world();
    const wrong = await send(organizer, PREVIEW, await referenceSheet([['a', 'b']], ['名称', '内容']), 'en');
    expect([wrong.statusCode, wrong.json().error.message]).toEqual([422, 'The sheet lacks required columns: 届次/Source, 标题/Title, 正文/Text. Name the columns in the first row, in Chinese or English.']);
    const text = await send(organizer, PREVIEW, Buffer.from('届次,标题,正文\n'));
    expect([text.statusCode, text.json().error.message]).toEqual([422, '无法读取该文件：请上传 Excel 工作簿（.xlsx）。']);
  });

  it('refuses units, reviewers and organizers of another campaign, writing nothing', async () => {
    const { app, database, original } = await world();
    const sheet = await referenceSheet([['第六届', '往届案例', '', similarityText(distinctContent(5))]]);
    const callers = {
      'a unit': original.client,
      reviewer: await signedIn(app, 'reviewer@example.cn'),
      'organizer of another campaign': await signedIn(app, 'other-organizer@example.cn'),
    };
    const answers: Record<string, number[]> = {};
    for (const [who, client] of Object.entries(callers)) {
      answers[who] = [(await send(client, PREVIEW, sheet)).statusCode, (await send(client, COMMIT, sheet)).statusCode];
    }
    expect(answers).toEqual({ 'a unit': [403, 403], reviewer: [403, 403], 'organizer of another campaign': [404, 404] });
    expect(await database.db.selectFrom('reference_cases').select('id').execute()).toEqual([]);
  });
});
