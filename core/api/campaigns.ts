import { z } from 'zod';
import { campaignSchema, localizedText } from '../campaign/campaign.schema.ts';
import { dataOf, listOf } from './envelope.ts';

// What the API shows of a campaign: its bilingual definition plus what the server computes
// (the window as UTC instants and where now falls in it, and links).

export const windowStateSchema = z.object({
  opensAtUtc: z.iso.datetime(),
  closesAtUtc: z.iso.datetime().describe('the last accepted instant'),
  phase: z.enum(['upcoming', 'open', 'closed']),
});

export const campaignLinksSchema = z.object({
  page: z.url(),
  declarationForm: z.object({ 'zh-CN': z.url(), en: z.url() }),
});

export const campaignSummarySchema = z.object({
  slug: z.string(),
  edition: z.number().int(),
  title: localizedText,
  theme: localizedText,
  noticeDate: z.string(),
  window: windowStateSchema.extend({ timeZone: z.string() }),
  links: campaignLinksSchema,
});
export const campaignsResponse = listOf(campaignSummarySchema);

export const campaignDetailSchema = campaignSchema.safeExtend({ state: windowStateSchema, links: campaignLinksSchema });
export const campaignResponse = dataOf(campaignDetailSchema);
