import type { Migration } from 'kysely';
import * as initial from './2026-11-26-001-initial.ts';
import * as accounts from './2026-11-26-002-accounts.ts';
import * as cases from './2026-11-26-003-cases.ts';
import * as caseContents from './2026-11-26-004-case-contents.ts';
import * as casesCampaignIndex from './2026-11-26-005-cases-campaign-index.ts';
import * as jobsDueOrder from './2026-11-26-006-jobs-due-order.ts';
import * as accountsHardening from './2026-12-04-007-accounts-hardening.ts';
import * as mergeAndRaces from './2026-12-04-008-merge-and-races.ts';
import * as recommendationBinding from './2026-12-04-009-recommendation-binding.ts';
import * as jobLeases from './2026-12-04-010-job-leases.ts';
import * as receivedOriginals from './2026-12-04-013-received-originals.ts';
import * as campaignPhases from './2026-12-05-014-campaign-phases.ts';
import * as reviewerPool from './2026-12-05-015-reviewer-pool.ts';
import * as reviewAssignments from './2026-12-05-016-review-assignments.ts';
import * as screeningAndSimilarity from './2026-12-05-017-screening-and-similarity.ts';
import * as screeningDecisions from './2026-12-05-018-screening-decisions.ts';
import * as referenceCasesByCampaign from './2026-12-05-019-reference-cases-by-campaign.ts';
import * as assignmentRunOnce from './2026-12-05-020-assignment-run-once.ts';
import * as reviewReminders from './2026-12-05-021-review-reminders.ts';
import * as auditSealing from './2026-12-06-022-audit-sealing.ts';
import * as rateLimits from './2026-12-06-023-rate-limits.ts';
import * as uploadWriters from './2026-12-06-024-upload-writers.ts';
import * as uploadPieces from './2026-12-06-025-upload-pieces.ts';
import * as selection from './2026-12-07-026-selection.ts';
import * as noticeAndResults from './2026-12-07-027-notice-and-results.ts';
import * as objectionEvidence from './2026-12-07-028-objection-evidence.ts';
import * as objectionLocale from './2026-12-07-029-objection-locale.ts';
import * as caseSearch from './2026-12-07-030-case-search.ts';
import * as publishedCases from './2026-12-07-031-published-cases.ts';
import * as importedCases from './2026-12-07-032-imported-cases.ts';
import * as publicGeneration from './2026-12-08-033-public-generation.ts';
import * as searchHeads from './2026-12-08-034-search-heads.ts';

// Listed by hand so the set is fixed at build time; names sort in the order they run.
export const migrations: Record<string, Migration> = {
  '2026-11-26-001-initial': initial,
  '2026-11-26-002-accounts': accounts,
  '2026-11-26-003-cases': cases,
  '2026-11-26-004-case-contents': caseContents,
  '2026-11-26-005-cases-campaign-index': casesCampaignIndex,
  '2026-11-26-006-jobs-due-order': jobsDueOrder,
  '2026-12-04-007-accounts-hardening': accountsHardening,
  '2026-12-04-008-merge-and-races': mergeAndRaces,
  '2026-12-04-009-recommendation-binding': recommendationBinding,
  '2026-12-04-010-job-leases': jobLeases,
  '2026-12-04-013-received-originals': receivedOriginals,
  '2026-12-05-014-campaign-phases': campaignPhases,
  '2026-12-05-015-reviewer-pool': reviewerPool,
  '2026-12-05-016-review-assignments': reviewAssignments,
  '2026-12-05-017-screening-and-similarity': screeningAndSimilarity,
  '2026-12-05-018-screening-decisions': screeningDecisions,
  '2026-12-05-019-reference-cases-by-campaign': referenceCasesByCampaign,
  '2026-12-05-020-assignment-run-once': assignmentRunOnce,
  '2026-12-05-021-review-reminders': reviewReminders,
  '2026-12-06-022-audit-sealing': auditSealing,
  '2026-12-06-023-rate-limits': rateLimits,
  '2026-12-06-024-upload-writers': uploadWriters,
  '2026-12-06-025-upload-pieces': uploadPieces,
  '2026-12-07-026-selection': selection,
  '2026-12-07-027-notice-and-results': noticeAndResults,
  '2026-12-07-028-objection-evidence': objectionEvidence,
  '2026-12-07-029-objection-locale': objectionLocale,
  '2026-12-07-030-case-search': caseSearch,
  '2026-12-07-031-published-cases': publishedCases,
  '2026-12-07-032-imported-cases': importedCases,
  '2026-12-08-033-public-generation': publicGeneration,
  '2026-12-08-034-search-heads': searchHeads,
};
