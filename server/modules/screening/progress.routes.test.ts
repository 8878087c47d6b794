import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completeContent, createSubmittedCase } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

const PROGRESS = `/api/v1/campaigns/${SEVENTH}/progress`;

describe(`organizer progress (${testEngine()})`, () => {
  it('counts screening by category, and released assignments, submitted reviews and late ones by category and reviewer', async () => {
    const { app, database, setNow } = await createTestApp();
    const db = database.db;
    const campaign = await db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    await createPerson(db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
    const organizer = await signedIn(app, 'organizer@example.cn');
    const urban = await createSubmittedCase(app);
    const rural = await createSubmittedCase(app, { content: { ...completeContent(1200, '乡村振兴'), category: 'rural' } });
    await db.updateTable('cases').set({ screening: 'passed' }).where('id', '=', urban.caseId).execute();
    const stamp = '2024-07-01T00:00:00.000Z';
    const reviewer = (name: string) => ({ id: randomUUID(), campaign_id: campaign.id, email: `${name}@example.cn`, name, division_code: null, affiliation_unit_id: null, user_id: null, source: 'import' as const, created_at: stamp, updated_at: stamp });
    const [li, zhao] = [reviewer('李明'), reviewer('赵强')];
    await db.insertInto('campaign_reviewers').values([li, zhao]).execute();
    const assignment = (caseId: string, submissionId: string, reviewerId: string, state: 'released' | 'proposed') => ({
      id: randomUUID(), campaign_id: campaign.id, case_id: caseId, reviewer_id: reviewerId, submission_id: submissionId, definition_version: 1, state, source: 'solver' as const,
      run_id: null, created_by: 'test', created_at: stamp, released_at: state === 'released' ? stamp : null, released_by: null, ended_at: null, ended_by: null, end_reason: null,
    });
    const a1 = assignment(urban.caseId, urban.submissionId, li.id, 'released');
    const a2 = assignment(rural.caseId, rural.submissionId, li.id, 'released');
    const a3 = assignment(urban.caseId, urban.submissionId, zhao.id, 'released');
    const a4 = assignment(rural.caseId, rural.submissionId, zhao.id, 'proposed');
    await db.insertInto('review_assignments').values([a1, a2, a3, a4]).execute();
    await db.insertInto('reviews').values({
      id: randomUUID(), assignment_id: a1.id, campaign_id: campaign.id, case_id: urban.caseId, reviewer_id: li.id, submission_id: urban.submissionId,
      definition_version: 1, tier: 'excellent', status: 'submitted', created_at: stamp, updated_at: stamp, submitted_at: stamp,
    }).execute();

    const res = await organizer.get(PROGRESS);
    expect(res.statusCode, res.body).toBe(200);
    const before = res.json().data;
    expect(before.dueAt).toBe('2024-08-31T15:59:59.000Z');
    const rows = (data: typeof before) => Object.fromEntries(data.categories.filter((c: { cases: number }) => c.cases > 0).map((c: Record<string, unknown>) => [c.category, c]));
    expect(rows(before)).toEqual({
      urban: { category: 'urban', cases: 1, pending: 0, passed: 1, rejected: 0, returned: 0, assigned: 2, scored: 1, late: 0 },
      rural: { category: 'rural', cases: 1, pending: 1, passed: 0, rejected: 0, returned: 0, assigned: 1, scored: 0, late: 0 },
    });
    expect(before.categories).toHaveLength(6);
    setNow(new Date('2024-09-01T00:00:00.000Z'));
    // Sessions lapse over two months: sign in again.
    const later = await (await signedIn(app, 'organizer@example.cn')).get(PROGRESS);
    expect(later.statusCode, later.body).toBe(200);
    const after = later.json().data;
    expect([rows(after).urban.late, rows(after).rural.late]).toEqual([1, 1]);
    expect(after.reviewers).toEqual([
      { reviewerId: li.id, name: '李明', email: '李明@example.cn', assigned: 2, scored: 1, late: 1 },
      { reviewerId: zhao.id, name: '赵强', email: '赵强@example.cn', assigned: 1, scored: 0, late: 1 },
    ]);
  });
});
