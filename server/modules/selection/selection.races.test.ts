import { describe, expect, it } from 'vitest';
import { createPerson, signedIn } from '../../testing/people.ts';
import { SELECTION, selectionWorld } from '../../testing/selection-world.ts';
import { testEngine } from '../../testing/test-database.ts';

// Check-then-write under parallel requests: meant for PostgreSQL, where transactions overlap.
describe(`selection races (${testEngine()})`, () => {
  it('lets one of two changes that together break a quota through when two organizers change at once', async () => {
    // One best place, two excellent: A best, C and D excellent; D then leaves, freeing one excellent place.
    const { app, organizer, cases, campaignId } = await selectionWorld({ best: 1, excellent: 2, categories: {}, provinceCap: null });
    await organizer.post(`${SELECTION}/suggestion`, {});
    await organizer.post(`${SELECTION}/accept`, {});
    const put = (client: typeof organizer, caseId: string, tier: string) => client.request({ method: 'PUT', url: `${SELECTION}/cases/${caseId}`, body: { tier, reason: '复核' } });
    expect((await put(organizer, cases.D.caseId, 'none')).statusCode).toBe(200);
    await createPerson(app.db, { email: 'second@example.cn', grants: [{ role: 'organizer', campaignId }] });
    const second = await signedIn(app, 'second@example.cn');
    const answers = await Promise.all([put(organizer, cases.B.caseId, 'excellent'), put(second, cases.D.caseId, 'excellent')]);
    const outcomes = answers.map((a) => (a.statusCode === 200 ? 200 : a.json().error.code)).sort();
    expect(outcomes).toEqual([200, 'selection_quota_broken']);
    const excellent = await app.db.selectFrom('selection_decisions').select('case_id').where('tier', '=', 'excellent').execute();
    expect(excellent).toHaveLength(2);
    const view = (await organizer.get(SELECTION)).json().data;
    expect(view.problems).toEqual([]);
    expect((await app.db.selectFrom('audit_log').select('id').where('action', '=', 'selection.change').execute())).toHaveLength(2);
  });
});
