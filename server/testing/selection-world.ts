import type { FastifyInstance } from 'fastify';
import type { SelectionQuotas } from '../../core/review/selection.ts';
import { forgetCampaignVersions } from '../modules/campaigns/campaigns.service.ts';
import { createReviewer, releaseAssignment, setPhase, type Reviewer } from './assignments.ts';
import { completeContent, createSubmittedCase } from './cases.ts';
import { SEVENTH } from './fixtures.ts';
import { createPerson, signedIn } from './people.ts';
import { createTestApp } from './test-app.ts';

export const SELECTION = `/api/v1/campaigns/${SEVENTH}/selection`;
const all = (s: number) => ({ authenticity: s, innovation: s, effectiveness: s, typicality: s });

type Titles = { A: string; B: string; C: string; D: string };

/**
 * The seventh collection of `app` moved to its selection phase under `quotas`, with four
 * submitted cases (C rural, the others urban; every unit in one province) scored by three
 * reviewers as the ranking test scores them: normalized, A 82.69, C 78.93, D 75.91, B 40.34.
 */
export async function scoreForSelection(app: FastifyInstance, quotas: SelectionQuotas, titles: Titles = { A: '案例甲', B: '案例乙', C: '案例丙', D: '案例丁' }) {
  const campaign = await app.db.selectFrom('campaigns').select(['id', 'definition', 'content_hash']).where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
  const definition = { ...JSON.parse(campaign.definition), selection: quotas };
  // Parsed definitions are cached by content hash: each set of quotas needs its own.
  await app.db.updateTable('campaigns').set({ definition: JSON.stringify(definition), content_hash: `${campaign.content_hash}-${JSON.stringify(quotas)}` }).where('id', '=', campaign.id).execute();
  const submit = (title: string, category = 'urban') => createSubmittedCase(app, { content: { ...completeContent(1200, title), category } });
  const cases = { A: await submit(titles.A), B: await submit(titles.B), C: await submit(titles.C, 'rural'), D: await submit(titles.D) };
  await app.db.updateTable('cases').set({ screening: 'passed' }).execute();
  const reviewers = [
    await createReviewer(app, 'r1@example.cn', { name: '王一' }),
    await createReviewer(app, 'r2@example.cn', { name: '李二' }),
    await createReviewer(app, 'r3@example.cn', { name: '张三' }),
  ];
  await setPhase(app, 'review');
  const score = async (reviewer: Reviewer, key: keyof typeof cases, s: number) => {
    const client = await signedIn(app, reviewer.email);
    const id = await releaseAssignment(app, cases[key].caseId, reviewer);
    const res = await client.post(`/api/v1/reviews/assignments/${id}/review/submit`, { version: 0, scores: all(s), comment: `${key}${s}`, tier: 'excellent' });
    if (res.statusCode !== 200) throw new Error(`scoring failed: ${res.statusCode} ${res.body}`);
  };
  const [R1, R2, R3] = reviewers as [Reviewer, Reviewer, Reviewer];
  await score(R1, 'A', 5); await score(R1, 'B', 3); await score(R1, 'C', 4); await score(R1, 'D', 4);
  await score(R2, 'A', 4); await score(R2, 'B', 2); await score(R2, 'C', 3);
  await score(R3, 'A', 3); await score(R3, 'B', 1); await score(R3, 'C', 5);
  await setPhase(app, 'selection');
  forgetCampaignVersions(app.db);
  return { campaignId: campaign.id, cases, reviewers };
}

/** scoreForSelection in a test app of its own, with an organizer of the campaign signed in. */
export async function selectionWorld(quotas: SelectionQuotas) {
  const test = await createTestApp();
  const campaign = await test.app.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
  await createPerson(test.app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  const world = await scoreForSelection(test.app, quotas);
  const organizer = await signedIn(test.app, 'organizer@example.cn');
  return { ...test, ...world, organizer };
}
