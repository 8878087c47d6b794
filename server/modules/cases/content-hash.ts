import { createHash } from 'node:crypto';
import { canonicalCaseContent } from '../../../core/case/canonical.ts';
import type { CaseContent } from '../../../core/case/case-content.ts';
import { recommendationState, type RecommendationState } from '../../../core/case/recommendation.ts';
import type { CaseRow } from './cases.repository.ts';

// The hash a recommendation is bound to, taken the one way everywhere it is compared.

/** SHA-256 (hex) of the case's canonical content, without the declaration form. */
export function contentSha256(campaignSlug: string, caseId: string, content: CaseContent): string {
  return createHash('sha256').update(canonicalCaseContent({ campaign: campaignSlug, caseId, content })).digest('hex');
}

/**
 * The recommendation as it stands on the case's current text. Only a given recommendation can
 * be void, so only then is the text hashed: a submit at the deadline pays nothing for it.
 */
export function currentRecommendation(row: Pick<CaseRow, 'id' | 'content' | 'recommendation' | 'recommendation_sha256'>, campaignSlug: string): RecommendationState {
  if (row.recommendation !== 'recommended') return recommendationState(row.recommendation, row.recommendation_sha256, null);
  const content = JSON.parse(row.content) as CaseContent;
  return recommendationState(row.recommendation, row.recommendation_sha256, contentSha256(campaignSlug, row.id, content));
}
