import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { attachmentSchema } from '../../../core/api/attachments.ts';
import type { currentAccountResponse, verifyEmailResponse } from '../../../core/api/auth.ts';
import type { campaignDetailSchema, campaignSummarySchema } from '../../../core/api/campaigns.ts';
import type { caseDetailSchema, caseEventSchema, caseSummarySchema, receiptSchema, submittedVersionSchema } from '../../../core/api/cases.ts';
import type { divisionDetailSchema, memberSchema, organizationPageResponse, organizationSchema } from '../../../core/api/organizations.ts';
import type { mailPageResponse, organizersResponse, reviewerProfileSchema } from '../../../core/api/people.ts';
import type { memberReviewResponse, reviewItemSchema } from '../../../core/api/superior.ts';
import { accountApi } from './account-api.ts';
import { adminApi } from './admin-api.ts';
import { attachmentsApi } from './cases/attachments-api.ts';
import { casesApi } from './cases/cases-api.ts';
import { unitsApi } from './units-api.ts';

// Checked by `tsc --noEmit` (the run itself asserts nothing): each client call resolves to exactly
// what the schema its route answers with infers, so the workbench cannot declare a field the
// server does not send, or type one differently.

describe('the workbench client answers with the server schemas\' types', () => {
  it('for accounts, units and divisions', () => {
    expectTypeOf(accountApi.me).returns.resolves.toEqualTypeOf<z.infer<typeof currentAccountResponse>['data']>();
    expectTypeOf(accountApi.verifyEmail).returns.resolves.toEqualTypeOf<z.infer<typeof verifyEmailResponse>>();
    expectTypeOf(accountApi.reviewerProfile).returns.resolves.toEqualTypeOf<z.infer<typeof reviewerProfileSchema>>();
    expectTypeOf(unitsApi.list).returns.resolves.toEqualTypeOf<z.infer<typeof organizationPageResponse>>();
    expectTypeOf(unitsApi.get).returns.resolves.toEqualTypeOf<z.infer<typeof organizationSchema>>();
    expectTypeOf(unitsApi.members).returns.resolves.toEqualTypeOf<z.infer<typeof memberSchema>[]>();
    expectTypeOf(unitsApi.division).returns.resolves.toEqualTypeOf<z.infer<typeof divisionDetailSchema>>();
  });

  it('for campaigns, cases, receipts and attachments', () => {
    expectTypeOf(casesApi.listCampaigns).returns.resolves.toEqualTypeOf<z.infer<typeof campaignSummarySchema>[]>();
    expectTypeOf(casesApi.getCampaign).returns.resolves.toEqualTypeOf<z.infer<typeof campaignDetailSchema>>();
    expectTypeOf(casesApi.getCase).returns.resolves.toEqualTypeOf<z.infer<typeof caseDetailSchema>>();
    expectTypeOf(casesApi.listMyCases).returns.resolves.toEqualTypeOf<z.infer<typeof caseSummarySchema>[]>();
    expectTypeOf(casesApi.listCampaignCases).returns.resolves.toEqualTypeOf<z.infer<typeof caseSummarySchema>[]>();
    expectTypeOf(casesApi.submittedVersion).returns.resolves.toEqualTypeOf<z.infer<typeof submittedVersionSchema>>();
    expectTypeOf(casesApi.submissions).returns.resolves.toEqualTypeOf<z.infer<typeof receiptSchema>[]>();
    expectTypeOf(casesApi.history).returns.resolves.toEqualTypeOf<z.infer<typeof caseEventSchema>[]>();
    expectTypeOf(casesApi.memberReview).returns.resolves.toEqualTypeOf<z.infer<typeof memberReviewResponse>['data']>();
    expectTypeOf(casesApi.mySuperiorReviews).returns.resolves.toEqualTypeOf<z.infer<typeof reviewItemSchema>[]>();
    expectTypeOf(attachmentsApi.list).returns.resolves.toEqualTypeOf<z.infer<typeof attachmentSchema>[]>();
  });

  it('for the organizers\' records', () => {
    expectTypeOf(adminApi.organizers).returns.resolves.toEqualTypeOf<z.infer<typeof organizersResponse>['data']>();
    expectTypeOf(adminApi.outgoingMail).returns.resolves.toEqualTypeOf<z.infer<typeof mailPageResponse>>();
  });
});
