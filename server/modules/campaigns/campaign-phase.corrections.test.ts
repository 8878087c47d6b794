import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSubmittedCase } from '../../testing/cases.ts';
import { AFTER_WINDOW, SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

const PHASE_URL = `/api/v1/campaigns/${SEVENTH}/phase`;
const CORRECTION_DUE = '2024-07-10T09:59:59.000Z';

/** A case returned for correction until CORRECTION_DUE, in a campaign already screening after its window. */
async function returnedWhileScreening() {
  const test = await createTestApp();
  const { app } = test;
  const campaign = await app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
  await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  const submitted = await createSubmittedCase(app);
  test.setNow(AFTER_WINDOW);
  const organizer = await signedIn(app, 'organizer@example.cn');
  // Sessions are not valid across the months the clock moved.
  submitted.client = await signedIn(app, submitted.email);
  expect((await organizer.post(PHASE_URL, { to: 'screening' })).statusCode).toBe(200);
  const returned = await organizer.post(`/api/v1/cases/${submitted.caseId}/return`, { message: '请补充成效数据。', dueAt: CORRECTION_DUE });
  expect(returned.statusCode).toBe(200);
  return { ...test, organizer, submitted };
}

describe(`phases and cases returned for correction (${testEngine()})`, () => {
  it('keeps screening open while a returned case may come back, then lets review start', async () => {
    const { app, organizer, submitted } = await returnedWhileScreening();

    const early = await organizer.post(PHASE_URL, { to: 'review' });
    expect([early.statusCode, early.json().error]).toEqual([409, { code: 'corrections_still_open', message: '仍有退回修改的案例可在 2024-07-10 17:59:59（北京时间）前重新报送，此后才能进入评审。' }]);

    const resubmit = await submitted.client.post(`/api/v1/cases/${submitted.caseId}/submit`, { requestKey: randomUUID() });
    expect(resubmit.statusCode).toBe(201);
    expect((await organizer.post(PHASE_URL, { to: 'review' })).statusCode).toBe(200);
    expect((await app.db.selectFrom('campaigns').select('phase').executeTakeFirstOrThrow()).phase).toBe('review');
  });

  it('lets review start once the correction date has passed, the case staying returned', async () => {
    const { app, organizer, submitted, setNow } = await returnedWhileScreening();
    setNow(new Date('2024-07-10T10:00:00.000Z'));
    expect((await organizer.post(PHASE_URL, { to: 'review' })).statusCode).toBe(200);
    expect((await app.db.selectFrom('cases').select('status').where('id', '=', submitted.caseId).executeTakeFirstOrThrow()).status).toBe('returned');
  });

  it('refuses a deadline extension once the collection is over, in the caller language', async () => {
    const { app, organizer } = await returnedWhileScreening();
    const res = await organizer.post(`/api/v1/campaigns/${SEVENTH}/deadline-extensions?lang=en`, { organizationId: null, closesAt: '2024-07-20T00:00:00.000Z', reason: '补报' });
    expect([res.statusCode, res.json().error]).toEqual([409, { code: 'phase_closed', message: 'The collection is in its screening phase; this action is not open now.' }]);
    expect(await app.db.selectFrom('deadline_extensions').select('id').execute()).toEqual([]);
  });

  it('never leaves a case returned inside review: a return and the move to review at once, one of them refused', async () => {
    for (let round = 0; round < 3; round += 1) {
      const test = await createTestApp();
      const campaign = await test.app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
      await createPerson(test.app.db, { email: 'a@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
      await createPerson(test.app.db, { email: 'b@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
      const submitted = await createSubmittedCase(test.app);
      test.setNow(AFTER_WINDOW);
      const [a, b] = [await signedIn(test.app, 'a@example.cn'), await signedIn(test.app, 'b@example.cn')];
      expect((await a.post(PHASE_URL, { to: 'screening' })).statusCode).toBe(200);

      const [returned, moved] = await Promise.all([
        a.post(`/api/v1/cases/${submitted.caseId}/return`, { message: '请补充。', dueAt: CORRECTION_DUE }),
        b.post(PHASE_URL, { to: 'review' }),
      ]);

      const phase = (await test.app.db.selectFrom('campaigns').select('phase').executeTakeFirstOrThrow()).phase;
      const status = (await test.app.db.selectFrom('cases').select('status').where('id', '=', submitted.caseId).executeTakeFirstOrThrow()).status;
      const outcome = returned.statusCode === 200 ? ['returned', 'screening', moved.json().error.code] : ['submitted', 'review', returned.json().error.code];
      expect([status, phase, returned.statusCode === 200 ? moved.statusCode : returned.statusCode]).toEqual([outcome[0], outcome[1], 409]);
      expect(outcome[2]).toBe(returned.statusCode === 200 ? 'corrections_still_open' : 'phase_closed');
    }
  });
});
