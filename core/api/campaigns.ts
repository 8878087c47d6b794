import { z } from 'zod';
import { CAMPAIGN_PHASES, PHASE_ACTIONS, type PhaseAction } from '../campaign/campaign-phase.ts';
import { campaignSchema, localizedText } from '../campaign/campaign.schema.ts';
import { dataOf, listOf } from './envelope.ts';

// What the API shows of a campaign: its bilingual definition plus what the server computes
// (the window as UTC instants and where now falls in it, the campaign's phase, and links). The
// definition carries the review settings (`review`) for the pages that assign and score.

export const windowStateSchema = z.object({
  opensAtUtc: z.iso.datetime(),
  closesAtUtc: z.iso.datetime().describe('the last accepted instant'),
  phase: z.enum(['upcoming', 'open', 'closed']),
});

/** Where the campaign stands (collection … final), which actions that opens, and its definition's version. */
export const campaignPhaseSchema = z.object({
  current: z.enum(CAMPAIGN_PHASES),
  changedAt: z.iso.datetime().nullable(),
  openActions: z.array(z.enum(Object.keys(PHASE_ACTIONS) as [PhaseAction, ...PhaseAction[]])),
  /** Grows by one whenever the campaign file changes the stored definition; scores and decisions record it. */
  definitionVersion: z.number().int().positive(),
  /** From review on the categories, criteria, weights and scales no longer change. */
  definitionFrozen: z.boolean(),
});
export const campaignPhaseResponse = dataOf(campaignPhaseSchema);

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
  phase: campaignPhaseSchema,
  links: campaignLinksSchema,
});
export const campaignsResponse = listOf(campaignSummarySchema);

export const campaignDetailSchema = campaignSchema.safeExtend({ state: windowStateSchema, phase: campaignPhaseSchema, links: campaignLinksSchema });
export const campaignResponse = dataOf(campaignDetailSchema);
