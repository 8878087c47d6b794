import type { Campaign } from '../campaign/campaign.schema.ts';
import { countZi, limitState, type LimitState } from '../text/zi-count.ts';
import type { CaseContent } from './case-content.ts';
import { htmlToText } from './html-text.ts';

// The 字 counts the notice limits: the summary on its own, and the body, which is the sum of
// the sections the campaign counts toward it (the appendix does not count).

export interface CaseCounts {
  summary: { count: number; max: number; state: LimitState };
  body: { count: number; max: number; state: LimitState };
  sections: Record<string, number>;
}

export function caseCounts(campaign: Campaign, content: CaseContent): CaseCounts {
  const sections: Record<string, number> = {};
  let body = 0;
  for (const element of campaign.caseStyle.elements) {
    const n = countZi(htmlToText(content.sections[element.key] ?? ''));
    sections[element.key] = n;
    if (element.countsTowardBody) body += n;
  }
  const summary = countZi(htmlToText(content.summary));
  const { summaryMaxChars, bodyMaxChars } = campaign.caseStyle;
  return {
    summary: { count: summary, max: summaryMaxChars, state: limitState(summary, summaryMaxChars) },
    body: { count: body, max: bodyMaxChars, state: limitState(body, bodyMaxChars) },
    sections,
  };
}
