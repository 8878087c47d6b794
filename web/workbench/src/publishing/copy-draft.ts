import { flagPersonalData, publicCopyProblems, type FieldFlag, type PublicCopyProblem } from '../../../../core/publishing/public-copy.ts';
import type { CampaignDetail } from '../cases/cases-api.ts';
import type { PublicCopy } from './publishing-api.ts';

// The public copy as the editor holds it between saves, and what the server's rules say of it
// now: the same functions the server runs on save (core/publishing/public-copy.ts), so the
// numbers flagged and the limits shown follow every keystroke.

export interface CopyDraft {
  title: string;
  unitName: string;
  summary: string;
  sections: Record<string, string>;
  photoIds: string[];
}

export const FIELDS = ['title', 'unitName', 'summary', 'sections', 'photoIds'] as const;
export type DraftField = (typeof FIELDS)[number];

/** The draft of a copy as the server holds it: its sections in the campaign's order, its shown pictures in their order. */
export function draftOf(copy: PublicCopy, campaign: CampaignDetail): CopyDraft {
  return {
    title: copy.title, unitName: copy.unitName, summary: copy.summary,
    sections: Object.fromEntries(campaign.caseStyle.elements.map((e) => [e.key, copy.sections[e.key] ?? ''])),
    photoIds: copy.pictures.filter((p) => p.shown).map((p) => p.id),
  };
}

/** The fields in which `a` and `b` differ. */
export function changedFields(a: CopyDraft, b: CopyDraft): DraftField[] {
  return FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

/** What would keep the draft from being saved, as the server would say it. */
export function draftProblems(campaign: CampaignDetail, draft: CopyDraft): PublicCopyProblem[] {
  return publicCopyProblems(campaign, draft, draft.photoIds.length);
}

/** Phone- and identity-card-like numbers in the draft's public text, by field. */
export function draftFlags(campaign: CampaignDetail, draft: CopyDraft): FieldFlag[] {
  return flagPersonalData(campaign, draft);
}
