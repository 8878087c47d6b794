import type { Kysely } from 'kysely';
import type { CaseContent } from '../../../core/case/case-content.ts';
import { diffCaseContent } from '../../../core/case/content-diff.ts';
import type { Database, RecommendationVerification } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { getCampaignById } from '../campaigns/campaigns.service.ts';
import { findLiveOrganization } from '../organizations/organizations.repository.ts';
import { transitionCase } from './case-transition.ts';
import { contentSha256, currentRecommendation } from './content-hash.ts';
import { findCase, type CaseRow } from './cases.repository.ts';
import { claimDecision, findReviewedContent, saveReviewedContent } from './superior-review.repository.ts';

// What the superior organization reads and what its decision binds to, whichever way it came
// (a mailed link or signed in as a member of a registered unit).

/** The case as the superior organization reads it, with what changed since it last decided. */
export async function reviewView(db: Kysely<Database>, row: CaseRow) {
  const campaign = await getCampaignById(db, row.campaign_id);
  const unit = await findLiveOrganization(db, row.organization_id);
  const content = JSON.parse(row.content) as CaseContent;
  const reviewed = await findReviewedContent(db, row.id);
  const sections = campaign.definition.caseStyle.elements.map((e) => e.key);
  return {
    campaignSlug: campaign.definition.slug,
    campaignTitle: campaign.definition.title,
    unitName: unit?.name ?? '',
    superiorName: row.superior_name,
    content,
    /** What a decision must name back, so it is bound to exactly the text read. */
    contentSha256: contentSha256(campaign.definition.slug, row.id, content),
    status: row.status,
    recommendation: currentRecommendation(row, campaign.definition.slug),
    /** Since the last decision, field by field; null when there was none or nothing changed. */
    changes: reviewed ? nullIfEmpty(diffCaseContent(JSON.parse(reviewed) as CaseContent, content, sections)) : null,
  };
}

function nullIfEmpty<T>(list: T[]): T[] | null {
  return list.length > 0 ? list : null;
}

export interface Decision {
  decision: 'recommend' | 'decline';
  opinion: string;
  /** The hash the view answered with: the text the decision was made on. */
  contentSha256: string;
}

/**
 * Records the decision bound to the text it was made on. If the unit changed the text after the
 * superior read it, nothing is recorded: the superior must read the new text first.
 */
export async function recordDecision(
  trx: Kysely<Database>, row: CaseRow, input: Decision, actor: { id: string | null; label: string }, verification: RecommendationVerification, now: Date,
): Promise<void> {
  const campaign = await getCampaignById(trx, row.campaign_id);
  const current = contentSha256(campaign.definition.slug, row.id, JSON.parse(row.content) as CaseContent);
  if (input.contentSha256 !== current) throw new AppError('case_changed_since_read');
  // Holds the case at the version read while the request is open: a save or a decision that got
  // in first makes this miss, and one that comes later waits for this transaction, so a decision
  // never binds to text already replaced and one request gets one answer.
  if (!(await claimDecision(trx, row.id, row.version, current))) {
    const latest = await findCase(trx, row.id);
    if (latest && latest.version === row.version) throw new AppError('invalid_transition', { status: latest.recommendation });
    throw new AppError('case_changed_since_read');
  }
  const opinion = input.opinion.trim();
  await transitionCase(trx, {
    caseId: row.id, from: row.status, move: input.decision, by: 'superior', actor, message: opinion,
    set: {
      recommendation: input.decision === 'recommend' ? 'recommended' : 'declined', recommendation_note: opinion,
      recommendation_at: now.toISOString(), recommendation_sha256: current, recommendation_verification: verification,
    },
    audit: { contentSha256: current, verification },
  }, now);
  await saveReviewedContent(trx, row.id, row.content);
}
