import { describe, expect, it } from 'vitest';
import { newId } from '../../ids.ts';
import { createSubmittedCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`review assignments migration (${testEngine()})`, () => {
  it('holds one live assignment per case and reviewer, and only known states and tiers', async () => {
    const { app } = await createTestApp();
    const submitted = await createSubmittedCase(app);
    const campaign = await app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    const stamp = new Date().toISOString();
    const reviewerId = newId();
    await app.db.insertInto('campaign_reviewers').values({ id: reviewerId, campaign_id: campaign.id, email: 'r@example.cn', name: '王专家', user_id: null, division_code: null, affiliation_unit_id: null, source: 'import', created_at: stamp, updated_at: stamp }).execute();
    const assignment = (state: string) => ({
      id: newId(), campaign_id: campaign.id, case_id: submitted.caseId, reviewer_id: reviewerId, submission_id: submitted.submissionId,
      definition_version: 1, state: state as 'proposed', source: 'manual' as const, run_id: null, created_by: 'test', created_at: stamp,
      released_at: null, released_by: null, ended_at: null, ended_by: null, end_reason: null,
    });
    const first = assignment('proposed');
    await app.db.insertInto('review_assignments').values(first).execute();
    await expect(app.db.insertInto('review_assignments').values(assignment('released')).execute()).rejects.toThrow();
    await expect(app.db.insertInto('review_assignments').values(assignment('lost')).execute()).rejects.toThrow();
    // An ended assignment does not hold the pair: the case may be given to the reviewer again.
    await app.db.insertInto('review_assignments').values(assignment('handed_back')).execute();
    await app.db.updateTable('review_assignments').set({ state: 'removed' }).where('id', '=', first.id).execute();
    await app.db.insertInto('review_assignments').values(assignment('released')).execute();

    const review = { id: newId(), assignment_id: first.id, campaign_id: campaign.id, case_id: submitted.caseId, reviewer_id: reviewerId, submission_id: submitted.submissionId, definition_version: 1, status: 'draft' as const, created_at: stamp, updated_at: stamp, submitted_at: null };
    await expect(app.db.insertInto('reviews').values({ ...review, tier: 'gold' as 'best' }).execute()).rejects.toThrow();
    await app.db.insertInto('reviews').values({ ...review, tier: 'best' }).execute();
    await expect(app.db.insertInto('reviews').values({ ...review, id: newId(), tier: null }).execute()).rejects.toThrow();
  });
});
