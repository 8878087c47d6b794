import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { attachmentsResponse } from '../../core/api/attachments.ts';
import { currentAccountResponse } from '../../core/api/auth.ts';
import { campaignResponse, campaignsResponse } from '../../core/api/campaigns.ts';
import {
  caseResponse, caseSummariesResponse, extensionsResponse, historyResponse, preflightResponse, receiptsResponse, submittedVersionResponse,
} from '../../core/api/cases.ts';
import { divisionDetailResponse, divisionsResponse, membersResponse, organizationPageResponse, organizationResponse } from '../../core/api/organizations.ts';
import { auditPageResponse, auditVerificationResponse, mailPageResponse, organizersResponse, reviewerProfileResponse, reviewersResponse } from '../../core/api/people.ts';
import { candidatesResponse, reviewItemsResponse } from '../../core/api/superior.ts';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../testing/cases.ts';
import { SEVENTH } from '../testing/fixtures.ts';
import { createPerson, signedIn } from '../testing/people.ts';
import { strictly } from '../testing/strict-schema.ts';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';
import type { TestClient } from '../testing/test-client.ts';

// The workbench's types are inferred from core/api/'s schemas; this holds the routes to the same
// schemas: each GET the workbench reads answers 200 with exactly the fields its schema names,
// no more (a route answering with a schema of its own) and no fewer.

async function answer(client: TestClient, url: string, schema: z.ZodType) {
  const res = await client.get(url);
  const parsed = strictly(schema).safeParse(res.json());
  return { url, status: res.statusCode, problems: parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

describe(`the workbench's GET routes answer exactly their shared schemas (${testEngine()})`, () => {
  it('for a unit operator and for a platform organizer', async () => {
    const { app, database } = await createTestApp();
    const { client: unit, caseId, organizationId } = await createDraftCase(app);
    await saveContent(unit, caseId, completeContent(4000));
    await attachRequiredFiles(app, caseId);
    expect((await unit.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
    expect((await unit.post(`/api/v1/organizations/${organizationId}/invitations`, { email: 'colleague@example.cn' })).statusCode).toBe(202);
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'org@example.cn');
    const campaign = await database.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
    const expertId = await createPerson(app.db, { email: 'expert@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
    // As accepting the invitation leaves it: a profile the reviewer then fills in.
    await database.db.insertInto('reviewer_profiles').values({ user_id: expertId, division_code: null, updated_at: '2024-05-01T02:00:00.000Z' }).execute();
    const reviewer = await signedIn(app, 'expert@example.cn');
    const extension = await organizer.post(`/api/v1/campaigns/${SEVENTH}/deadline-extensions`, { organizationId, closesAt: '2024-07-20T15:59:59.000Z', reason: '台风停电' });
    expect(extension.statusCode).toBe(201);

    const c = `/api/v1/cases/${caseId}`;
    const answers = await Promise.all([
      answer(unit, '/api/v1/me', currentAccountResponse),
      answer(unit, '/api/v1/organizations?limit=100', organizationPageResponse),
      answer(unit, `/api/v1/organizations/${organizationId}`, organizationResponse),
      answer(unit, `/api/v1/organizations/${organizationId}/members`, membersResponse),
      answer(unit, '/api/v1/divisions', divisionsResponse),
      answer(unit, '/api/v1/divisions/440305', divisionDetailResponse),
      answer(unit, '/api/v1/campaigns', campaignsResponse),
      answer(unit, `/api/v1/campaigns/${SEVENTH}`, campaignResponse),
      answer(unit, '/api/v1/me/cases', caseSummariesResponse),
      answer(unit, c, caseResponse),
      answer(unit, `${c}/preflight`, preflightResponse),
      answer(unit, `${c}/history`, historyResponse),
      answer(unit, `${c}/submissions`, receiptsResponse),
      answer(unit, `${c}/attachments`, attachmentsResponse),
      answer(unit, `${c}/superior-candidates?q=${encodeURIComponent('社区')}`, candidatesResponse),
      answer(unit, '/api/v1/me/superior-reviews', reviewItemsResponse),
      answer(reviewer, '/api/v1/me/reviewer-profile', reviewerProfileResponse),
      answer(organizer, `${c}/submitted`, submittedVersionResponse),
      answer(organizer, `/api/v1/campaigns/${SEVENTH}/cases`, caseSummariesResponse),
      answer(organizer, `/api/v1/campaigns/${SEVENTH}/deadline-extensions`, extensionsResponse),
      answer(organizer, `/api/v1/campaigns/${SEVENTH}/reviewers`, reviewersResponse),
      answer(organizer, '/api/v1/organizers', organizersResponse),
      answer(organizer, '/api/v1/audit', auditPageResponse),
      answer(organizer, '/api/v1/audit/verification', auditVerificationResponse),
      answer(organizer, '/api/v1/outgoing-mail', mailPageResponse),
    ]);
    expect(answers.filter((a) => a.status !== 200 || a.problems.length > 0)).toEqual([]);
  });

  it('fails an answer with a field its schema does not name, or without one it does', () => {
    const schema = strictly(caseSummariesResponse);
    const row = { id: 'c1', title: '标题', status: 'draft', campaignSlug: SEVENTH, organizationId: 'u1', organizationName: '单位', submissionCount: 0, recommendation: 'none', recommendationVerification: null, returnMessage: null, returnDueAt: null, updatedAt: '2024-05-01T02:00:00.000Z' };
    expect(schema.safeParse({ data: [row] }).success).toBe(true);
    expect(schema.safeParse({ data: [{ ...row, lastError: null }] }).error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
    const missing: Partial<typeof row> = { ...row };
    delete missing.returnDueAt;
    expect(schema.safeParse({ data: [missing] }).error?.issues.map((i) => i.path.join('.'))).toEqual(['data.0.returnDueAt']);
  });
});
