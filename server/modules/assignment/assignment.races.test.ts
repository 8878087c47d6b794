import { describe, expect, it } from 'vitest';
import { assignmentWorld, BASE, finishedRun, moveTo } from '../../testing/assignment-world.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { testEngine } from '../../testing/test-database.ts';

// Check-then-write under parallel requests: meant for PostgreSQL, where transactions overlap.
describe(`assignment races (${testEngine()})`, () => {
  it('starts one run when two organizers start at once', async () => {
    const { app, organizer, database, campaignId } = await assignmentWorld();
    await createPerson(database.db, { email: 'second@example.cn', grants: [{ role: 'organizer', campaignId }] });
    const second = await signedIn(app, 'second@example.cn');
    const answers = await Promise.all([organizer.post(`${BASE}/assignment-runs`, {}), second.post(`${BASE}/assignment-runs`, {}), organizer.post(`${BASE}/assignment-runs`, {})]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([202, 409, 409]);
    await finishedRun(organizer);
    expect((await database.db.selectFrom('assignment_runs').select('status').execute())).toEqual([{ status: 'done' }]);
  });

  it('releases once and mails each reviewer once when two organizers release at once', async () => {
    const { app, organizer, database, campaignId } = await assignmentWorld();
    await organizer.post(`${BASE}/assignment-runs`, {});
    await finishedRun(organizer);
    await moveTo(organizer, 'review');
    await createPerson(database.db, { email: 'second@example.cn', grants: [{ role: 'organizer', campaignId }] });
    const second = await signedIn(app, 'second@example.cn');
    const body = { override: true, reason: '先行发布' };
    const answers = await Promise.all([organizer.post(`${BASE}/assignments/release`, body), second.post(`${BASE}/assignments/release`, body), organizer.post(`${BASE}/assignments/release`, body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json().error.code)).toEqual(['assignment_nothing_to_release', 'assignment_nothing_to_release']);
    const released = await database.db.selectFrom('review_assignments').select('reviewer_id').where('state', '=', 'released').execute();
    expect(released).toHaveLength(7);
    const mails = await database.db.selectFrom('mails').select('to_email').where('template', '=', 'assignment_released').execute();
    expect(mails.length).toBe(new Set(released.map((r) => r.reviewer_id)).size);
    expect(new Set(mails.map((m) => m.to_email)).size).toBe(mails.length);
    expect((await database.db.selectFrom('audit_log').select('seq').where('action', '=', 'assignment.release').execute()).length).toBe(1);
  });

  it('never puts a reviewer over capacity when two organizers add pairs at once', async () => {
    const { organizer, database, campaignId, cases, ids, app } = await assignmentWorld();
    await createPerson(database.db, { email: 'second@example.cn', grants: [{ role: 'organizer', campaignId }] });
    const second = await signedIn(app, 'second@example.cn');
    await database.db.updateTable('campaign_reviewers').set({ capacity: 1 }).where('id', '=', ids.r1!).execute();
    const answers = await Promise.all([
      organizer.post(`${BASE}/assignments`, { caseId: cases.A.caseId, reviewerId: ids.r1 }),
      second.post(`${BASE}/assignments`, { caseId: cases.B.caseId, reviewerId: ids.r1 }),
      second.post(`${BASE}/assignments`, { caseId: cases.A.caseId, reviewerId: ids.r1 }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await database.db.selectFrom('review_assignments').select('id').where('reviewer_id', '=', ids.r1!).execute()).length).toBe(1);
  });
});
