import { describe, expect, it } from 'vitest';
import { assignmentWorld, BASE } from '../../testing/assignment-world.ts';
import { createOrganizerOfAnotherCampaign, createPerson, signedIn } from '../../testing/people.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`who may see and change an assignment (${testEngine()})`, () => {
  it('answers organizers of the campaign only: units, reviewers, organizers of another campaign and strangers are refused on every route', async () => {
    const { app, database, cases, ids } = await assignmentWorld();
    await database.db.insertInto('review_assignments').values({
      id: 'a1', campaign_id: (await database.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow()).id, case_id: cases.A.caseId, reviewer_id: ids.r1!,
      submission_id: cases.A.submissionId, definition_version: 1, state: 'released', source: 'manual', run_id: null, created_by: 'x', created_at: 'x',
    }).execute();
    // r1 has an account that reviews the campaign and holds a released assignment.
    const campaignId = (await database.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow()).id;
    await createPerson(database.db, { email: 'r1@example.cn', grants: [{ role: 'reviewer', campaignId }] });
    await createOrganizerOfAnotherCampaign(database.db, 'other-organizer@example.cn');

    const codes = async (client: TestClient) => [
      (await client.post(`${BASE}/assignment-runs`, {})).json().error?.code,
      (await client.get(`${BASE}/assignment-runs/latest`)).json().error?.code,
      (await client.get(`${BASE}/assignments`)).json().error?.code,
      (await client.get(`${BASE}/assignments?reviewer=${ids.r1}`)).json().error?.code,
      (await client.post(`${BASE}/assignments`, { caseId: cases.B.caseId, reviewerId: ids.r2 })).json().error?.code,
      (await client.request({ method: 'DELETE', url: `${BASE}/assignments/a1` })).json().error?.code,
      (await client.post(`${BASE}/assignments/release`, { override: true, reason: '强制发布' })).json().error?.code,
    ];
    expect(await codes(new TestClient(app))).toEqual(Array(7).fill('unauthenticated'));
    expect(await codes(await signedIn(app, cases.A.email))).toEqual(Array(7).fill('forbidden'));
    expect(await codes(await signedIn(app, 'r1@example.cn'))).toEqual(Array(7).fill('forbidden'));
    expect(await codes(await signedIn(app, 'other-organizer@example.cn'))).toEqual(Array(7).fill('campaign_not_found'));
    expect(await database.db.selectFrom('assignment_runs').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('review_assignments').select(['id', 'state']).execute()).toEqual([{ id: 'a1', state: 'released' }]);
  });
});
