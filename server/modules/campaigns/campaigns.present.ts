import { z } from 'zod';
import { campaignSchema, localizedText } from '../../../core/campaign/campaign.schema.ts';
import { windowPhase } from '../../../core/campaign/campaign.window.ts';
import { campaignPath, declarationFormPath } from '../../pages/page-urls.ts';
import type { StoredCampaign } from './campaigns.service.ts';

// What the API shows of a campaign: its bilingual definition plus what the server computes
// (the window as UTC instants and where now falls in it, and links).

const windowState = z.object({
  opensAtUtc: z.iso.datetime(),
  closesAtUtc: z.iso.datetime().describe('the last accepted instant'),
  phase: z.enum(['upcoming', 'open', 'closed']),
});

const links = z.object({
  page: z.url(),
  declarationForm: z.object({ 'zh-CN': z.url(), en: z.url() }),
});

export const campaignSummarySchema = z.object({
  slug: z.string(),
  edition: z.number().int(),
  title: localizedText,
  theme: localizedText,
  noticeDate: z.string(),
  window: windowState.extend({ timeZone: z.string() }),
  links,
});

export const campaignDetailSchema = campaignSchema.safeExtend({ state: windowState, links });

function present(stored: StoredCampaign, now: Date, baseUrl: string) {
  const c = stored.definition;
  return {
    state: {
      opensAtUtc: stored.window.opensAt.toISOString(),
      closesAtUtc: stored.window.closesAt.toISOString(),
      phase: windowPhase(stored.window, now),
    },
    links: {
      page: `${baseUrl}${campaignPath(c.slug)}`,
      declarationForm: {
        'zh-CN': `${baseUrl}${declarationFormPath(c.slug, 'zh-CN')}`,
        en: `${baseUrl}${declarationFormPath(c.slug, 'en')}`,
      },
    },
  };
}

export function presentCampaignSummary(stored: StoredCampaign, now: Date, baseUrl: string): z.infer<typeof campaignSummarySchema> {
  const c = stored.definition;
  const { state, links: l } = present(stored, now, baseUrl);
  return {
    slug: c.slug,
    edition: c.edition,
    title: c.title,
    theme: c.theme,
    noticeDate: c.noticeDate,
    window: { ...state, timeZone: stored.window.timeZone },
    links: l,
  };
}

export function presentCampaignDetail(stored: StoredCampaign, now: Date, baseUrl: string): z.infer<typeof campaignDetailSchema> {
  return { ...stored.definition, ...present(stored, now, baseUrl) };
}
