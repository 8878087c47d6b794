import { z } from 'zod';
import { text } from '../text/clean-text.ts';
import type { Campaign } from '../campaign/campaign.schema.ts';
import { HTML_MAX_CHARS, KEYWORD_MAX, TITLE_MAX } from './case-limits.ts';

// What a unit writes: the working copy of a case. Section and summary text is HTML restricted to
// what a case needs (paragraphs, subheadings, bold, lists); the server sanitizes it on every save.

export { HTML_MAX_CHARS, KEYWORD_MAX, TITLE_MAX };

const contentShape = (string: () => z.ZodString) => z.object({
  title: string().trim().max(TITLE_MAX),
  category: string().max(64).nullable(),
  keywords: z.array(string().trim().min(1).max(20)).max(KEYWORD_MAX),
  summary: string().max(HTML_MAX_CHARS),
  sections: z.record(string().max(64), string().max(HTML_MAX_CHARS)),
});

/** A case's content as stored and answered. */
export const caseContentSchema = contentShape(() => z.string());
/** A case's content as a request sends it: every string passes the text rule (clean-text.ts). */
export const caseContentInputSchema = contentShape(text);

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
