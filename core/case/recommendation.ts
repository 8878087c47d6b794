// What a superior organization's recommendation is worth now. A recommendation is given on one
// text (the hash of its canonical content, core/case/canonical.ts); once the case's text differs,
// it no longer stands, whatever the stored decision says.

export type StoredRecommendation = 'none' | 'pending' | 'recommended' | 'declined';
export type RecommendationState = StoredRecommendation | 'void';

/**
 * 'void' when the case was recommended on a text other than the current one; a recommendation
 * bound to no text at all (recorded before binding existed) cannot be shown to stand either.
 */
export function recommendationState(stored: StoredRecommendation, boundSha256: string | null, currentSha256: string | null): RecommendationState {
  if (stored !== 'recommended') return stored;
  return boundSha256 !== null && boundSha256 === currentSha256 ? 'recommended' : 'void';
}
