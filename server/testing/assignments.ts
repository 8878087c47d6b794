import type { FastifyInstance } from 'fastify';
import type { CampaignPhase } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { forgetCampaignVersions } from '../modules/campaigns/campaigns.service.ts';
import { SEVENTH } from './fixtures.ts';
import { createPerson } from './people.ts';

// Review assignments as the assignment solver's release leaves them, written directly so the
// reviewer's side can be tested without the solver.

export interface Reviewer {
  email: string;
  userId: string;
  /** campaign_reviewers.id */
  poolId: string;
}

/** An account that reviews the campaign, with its row in the campaign's pool. */
export async function createReviewer(app: Pick<FastifyInstance, 'db'>, email: string, options: { name?: string; campaign?: string; locale?: 'zh-CN' | 'en' } = {}): Promise<Reviewer> {
  const campaign = await app.db.selectFrom('campaigns').select('id').where('slug', '=', options.campaign ?? SEVENTH).executeTakeFirstOrThrow();
  const userId = await createPerson(app.db, { email, name: options.name, grants: [{ role: 'reviewer', campaignId: campaign.id }] });
  if (options.locale) await app.db.updateTable('users').set({ locale: options.locale }).where('id', '=', userId).execute();
  const poolId = newId();
  const stamp = '2024-07-01T00:00:00.000Z';
  await app.db.insertInto('campaign_reviewers').values({
    id: poolId, campaign_id: campaign.id, email, name: options.name ?? email.split('@')[0]!, expertise: '["urban"]', capacity: 10,
    division_code: null, affiliation: '', affiliation_unit_id: null, user_id: userId, source: 'invitation', created_at: stamp, updated_at: stamp,
  }).execute();
  return { email, userId, poolId };
}

/** A released assignment of the case's latest submitted version to the reviewer; its id. */
export async function releaseAssignment(app: Pick<FastifyInstance, 'db'>, caseId: string, reviewer: Reviewer, state: 'released' | 'proposed' = 'released'): Promise<string> {
  const c = await app.db.selectFrom('cases').select('campaign_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  const submission = await app.db.selectFrom('case_submissions').select('id').where('case_id', '=', caseId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  const id = newId();
  const stamp = '2024-07-02T00:00:00.000Z';
  await app.db.insertInto('review_assignments').values({
    id, campaign_id: c.campaign_id, case_id: caseId, reviewer_id: reviewer.poolId, submission_id: submission.id, definition_version: 1,
    state, source: 'manual', run_id: null, created_by: 'test', created_at: stamp,
    released_at: state === 'released' ? stamp : null, released_by: state === 'released' ? 'test' : null, ended_at: null, ended_by: null, end_reason: null,
  }).execute();
  return id;
}

/** Moves the campaign to a phase directly, as an organizer's moves would leave it. */
export async function setPhase(app: Pick<FastifyInstance, 'db'>, phase: CampaignPhase, slug = SEVENTH): Promise<void> {
  await app.db.updateTable('campaigns').set({ phase }).where('slug', '=', slug).execute();
  forgetCampaignVersions(app.db);
}
