import type { Locale } from '../../../../core/i18n/locale.ts';
import type { Translator } from '../../../../core/i18n/messages.ts';
import type { Ranking, RankingFlag } from './ranking-api.ts';

/** A score as the ranking gives it (to the hundredth), or a dash where there is none. */
export function score(n: number | null, locale: Locale): string {
  return n === null ? '—' : n.toLocaleString(locale, { maximumFractionDigits: 2 });
}

/** What a flag says, in a sentence: the case or reviewer it is about and the figure behind it. */
export function flagText(flag: RankingFlag, ranking: Ranking, t: Translator, locale: Locale): string {
  const title = (caseId: string) => ranking.rows.find((r) => r.caseId === caseId)?.title ?? caseId;
  const { thresholds } = ranking;
  switch (flag.kind) {
    case 'too_few_scores': return t('wb.ranking.flag.too_few_scores', { case: title(flag.caseId), count: flag.count, required: flag.required });
    case 'disagreement': return t('wb.ranking.flag.disagreement', { case: title(flag.caseId), range: score(flag.range, locale), threshold: thresholds.disagreementRange });
    case 'flat_reviewer': return t('wb.ranking.flag.flat_reviewer', { reviewer: flag.reviewerName, sd: score(flag.sd, locale), threshold: thresholds.flatReviewerSd });
    case 'few_reviews': return t('wb.ranking.flag.few_reviews', { reviewer: flag.reviewerName, count: flag.count, prior: thresholds.habitPriorReviews, share: Math.round(flag.ownShare * 100) });
  }
}
