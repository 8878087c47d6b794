import type { Campaign } from '../campaign/campaign.schema.ts';
import { caseCounts } from '../case/case-counts.ts';
import { htmlToText } from '../case/html-text.ts';
import { TITLE_MAX } from '../case/case-limits.ts';
import { findPersonalData, type PersonalDataFlag } from './personal-data.ts';

// The public copy of a case (网上展示): what readers see, kept apart from the submitted version so
// organizers can edit it. It holds the case's title, unit name, region, category, summary and
// sections, and the pictures chosen to be shown. Its summary and body keep the case's 字 limits,
// counted as the case editor counts them (core/case/case-counts.ts).

export const UNIT_NAME_MAX = 200;
/** Pictures shown on a case page: enough for a story, not an album. */
export const PUBLIC_PHOTOS_MAX = 12;

export interface PublicCopyText {
  title: string;
  unitName: string;
  /** Sanitized case HTML, as the case's own. */
  summary: string;
  sections: Record<string, string>;
}

export type PublicCopyProblem =
  | { field: 'title' | 'unitName'; problem: 'required' | 'too_long'; limit: number }
  | { field: 'summary' | 'body'; problem: 'too_long'; limit: number; count: number }
  | { field: 'photos'; problem: 'too_many'; limit: number };

/** What keeps the copy from being saved: empty names and text over the campaign's limits. */
export function publicCopyProblems(campaign: Campaign, copy: PublicCopyText, photoCount: number): PublicCopyProblem[] {
  const problems: PublicCopyProblem[] = [];
  const lengthOf = (s: string) => [...s].length;
  for (const [field, max] of [['title', TITLE_MAX], ['unitName', UNIT_NAME_MAX]] as const) {
    const value = copy[field].trim();
    if (value === '') problems.push({ field, problem: 'required', limit: max });
    else if (lengthOf(value) > max) problems.push({ field, problem: 'too_long', limit: max });
  }
  const counts = caseCounts(campaign, { title: copy.title, category: null, keywords: [], summary: copy.summary, sections: copy.sections });
  if (counts.summary.state === 'over') problems.push({ field: 'summary', problem: 'too_long', limit: counts.summary.max, count: counts.summary.count });
  if (counts.body.state === 'over') problems.push({ field: 'body', problem: 'too_long', limit: counts.body.max, count: counts.body.count });
  if (photoCount > PUBLIC_PHOTOS_MAX) problems.push({ field: 'photos', problem: 'too_many', limit: PUBLIC_PHOTOS_MAX });
  return problems;
}

export interface FieldFlag extends PersonalDataFlag {
  /** title, unitName, summary, or a section's key. */
  field: string;
}

/** Phone- and identity-card-like numbers in every public field, for the editor to look at. */
export function flagPersonalData(campaign: Campaign, copy: PublicCopyText): FieldFlag[] {
  const fields: [string, string][] = [
    ['title', copy.title], ['unitName', copy.unitName], ['summary', htmlToText(copy.summary)],
    ...campaign.caseStyle.elements.map((e): [string, string] => [e.key, htmlToText(copy.sections[e.key] ?? '')]),
  ];
  return fields.flatMap(([field, text]) => findPersonalData(text).map((flag) => ({ field, ...flag })));
}

/** The sections in the campaign's order, as one text: what search indexes as the body. */
export function publicBodyText(campaign: Campaign, sections: Record<string, string>): string {
  return campaign.caseStyle.elements.map((e) => htmlToText(sections[e.key] ?? '')).filter((t) => t !== '').join('\n');
}
