import { expect } from 'vitest';
import { completeContent, createSubmittedCase } from './cases.ts';
import { AFTER_WINDOW, SEVENTH } from './fixtures.ts';
import { createPerson, signedIn } from './people.ts';
import { reviewerSheet } from './reviewer-sheets.ts';
import { createTestApp } from './test-app.ts';
import type { TestClient } from './test-client.ts';
import { XLSX_TYPE } from '../modules/reviewers/reviewer-pool.routes.ts';

// A small campaign to assign: urban cases A and B and rural case D passed screening, urban case
// C did not; four urban reviewers from other provinces, one urban reviewer in the cases' own
// district (a conflict), one with no capacity, and one rural reviewer, so rural lacks two reviews.

export const BASE = `/api/v1/campaigns/${SEVENTH}`;

export async function assignmentWorld() {
  const test = await createTestApp();
  const { app, database, setNow } = test;
  const campaign = await database.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
  await createPerson(database.db, { email: 'organizer@example.cn', name: '王芳', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  const submit = (title: string, category: string) => createSubmittedCase(app, { title, content: { ...completeContent(1200, title), category } });
  const cases = {
    A: await submit('城市案例甲', 'urban'), B: await submit('城市案例乙', 'urban'), C: await submit('城市案例丙', 'urban'), D: await submit('农村案例丁', 'rural'),
  };
  // Signed in after the collection closed, as organizers assign then (a session does not last the window).
  setNow(AFTER_WINDOW);
  const organizer = await signedIn(app, 'organizer@example.cn');
  await database.db.updateTable('cases').set({ screening: 'passed' }).where('id', 'in', [cases.A.caseId, cases.B.caseId, cases.D.caseId]).execute();
  const sheet = await reviewerSheet([
    ['深圳专家', 'r1@example.cn', 'urban', 2, '440305', ''],
    ['上海专家', 'r2@example.cn', 'urban', 2, '310101', ''],
    ['南京专家', 'r3@example.cn', 'urban', 2, '320102', ''],
    ['杭州专家', 'r4@example.cn', 'urban', 2, '330102', ''],
    ['朝阳专家', 'near@example.cn', 'urban', 5, '北京市朝阳区', ''],
    ['无额度专家', 'zero@example.cn', 'urban', 0, '440305', ''],
    ['农村专家', 'rural@example.cn', 'rural', 2, '510104', ''],
  ]);
  const imported = await organizer.request({ method: 'POST', url: `${BASE}/reviewer-imports`, body: sheet, headers: { 'content-type': XLSX_TYPE } });
  expect(imported.json().data.counts).toEqual({ imported: 7, updated: 0, refused: 0 });
  const ids = Object.fromEntries((await database.db.selectFrom('campaign_reviewers').select(['id', 'email']).execute()).map((r) => [r.email.split('@')[0]!, r.id]));
  await moveTo(organizer, 'screening');
  return { ...test, organizer, cases, ids, campaignId: campaign.id };
}

export async function moveTo(organizer: TestClient, ...phases: string[]): Promise<void> {
  for (const to of phases) expect((await organizer.post(`${BASE}/phase`, { to })).statusCode).toBe(200);
}

/** Waits for the latest run to end and returns it. */
export async function finishedRun(organizer: TestClient) {
  for (let i = 0; i < 600; i++) {
    const run = (await organizer.get(`${BASE}/assignment-runs/latest`)).json().data;
    if (run && run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the run did not finish');
}
