import { z } from 'zod';
import type { Campaign } from '../campaign/campaign.schema.ts';

// What a unit writes: the working copy of a case. Section and summary text is HTML restricted to
// what a case needs (paragraphs, subheadings, bold, lists); the server sanitizes it on every save.

export const KEYWORD_MAX = 10;
export const TITLE_MAX = 100;
/** A hard ceiling on stored HTML per field, far above any text within the 字 limits. */
export const HTML_MAX_CHARS = 200_000;

export const caseContentSchema = z.object({
  title: z.string().trim().max(TITLE_MAX),
  category: z.string().max(64).nullable(),
  keywords: z.array(z.string().trim().min(1).max(20)).max(KEYWORD_MAX),
  summary: z.string().max(HTML_MAX_CHARS),
  sections: z.record(z.string().max(64), z.string().max(HTML_MAX_CHARS)),
});

export type CaseContent = z.infer<typeof caseContentSchema>;

/** An empty draft with a slot for each of the campaign's sections. */
export function emptyCaseContent(campaign: Campaign, title = ''): CaseContent {
  return {
    title,
    category: null,
    keywords: [],
    summary: '',
    sections: Object.fromEntries(campaign.caseStyle.elements.map((e) => [e.key, ''])),
  };
}

/** Keeps only the campaign's sections, so a stale or crafted key never reaches storage. */
export function withCampaignSections(campaign: Campaign, content: CaseContent): CaseContent {
  return {
    ...content,
    sections: Object.fromEntries(campaign.caseStyle.elements.map((e) => [e.key, content.sections[e.key] ?? ''])),
  };
}
