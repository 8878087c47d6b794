import type { Campaign } from '../campaign/campaign.schema.ts';
import { caseCounts } from './case-counts.ts';
import type { CaseContent } from './case-content.ts';
import { htmlToText } from './html-text.ts';
import type { RecommendationState } from './recommendation.ts';

// Everything that stands between a draft and a submission, as one list. The page shows it as a
// checklist whose items link to where each is fixed (`target`); the server runs the same
// function at submit and refuses with the same list.

export const PROBLEM_CODES = [
  'title_missing',
  'category_missing',
  'summary_missing',
  'summary_over',
  'section_missing',
  'body_over',
  'attachment_missing',
  'attachment_too_many',
  'attachment_unreadable',
  'unit_incomplete',
  'recommendation_missing',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  /** Where it is fixed: 'title', 'category', 'summary', 'section:<key>', 'body', 'attachments:<kind>', 'unit', 'recommendation'. */
  target: string;
  params: Record<string, string | number>;
}

/** The unit profile fields a submission needs (the declaration form prints them). */
export const UNIT_FIELDS_FOR_SUBMISSION = ['address', 'contactName', 'contactPhone', 'contactEmail', 'superiorName'] as const;
export type UnitFieldForSubmission = (typeof UNIT_FIELDS_FOR_SUBMISSION)[number];

export interface PreflightInput {
  campaign: Campaign;
  content: CaseContent;
  attachments: readonly { kind: string; fileName: string; readable: boolean }[];
  unit: Record<UnitFieldForSubmission, string | null>;
  /** As it stands on the current text: a recommendation given on an earlier text is 'void'. */
  recommendation: RecommendationState;
}

export function preflight({ campaign, content, attachments, unit, recommendation }: PreflightInput): Problem[] {
  const problems: Problem[] = [];
  const add = (code: ProblemCode, target: string, params: Problem['params'] = {}) => problems.push({ code, target, params });

  if (content.title.trim() === '') add('title_missing', 'title');
  if (!content.category || !campaign.categories.some((c) => c.key === content.category)) add('category_missing', 'category');

  const counts = caseCounts(campaign, content);
  if (htmlToText(content.summary) === '') add('summary_missing', 'summary');
  else if (counts.summary.state === 'over') add('summary_over', 'summary', { count: counts.summary.count, max: counts.summary.max });

  for (const element of campaign.caseStyle.elements) {
    if (element.required && htmlToText(content.sections[element.key] ?? '') === '') {
      add('section_missing', `section:${element.key}`, { section: element.key });
    }
  }
  if (counts.body.state === 'over') add('body_over', 'body', { count: counts.body.count, max: counts.body.max });

  for (const kind of campaign.attachments) {
    const files = attachments.filter((a) => a.kind === kind.key);
    if (kind.required && files.length === 0) add('attachment_missing', `attachments:${kind.key}`, { kind: kind.key });
    if (files.length > kind.maxCount) add('attachment_too_many', `attachments:${kind.key}`, { kind: kind.key, count: files.length, max: kind.maxCount });
    for (const file of files) {
      if (!file.readable) add('attachment_unreadable', `attachments:${kind.key}`, { kind: kind.key, fileName: file.fileName });
    }
  }

  const missing = UNIT_FIELDS_FOR_SUBMISSION.filter((field) => !unit[field]?.trim());
  if (missing.length > 0) add('unit_incomplete', 'unit', { fields: missing.join(',') });

  if (campaign.recommendation === 'required' && recommendation !== 'recommended') {
    add('recommendation_missing', 'recommendation', { status: recommendation });
  }
  return problems;
}
