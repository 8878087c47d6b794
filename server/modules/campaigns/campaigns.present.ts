import type { z } from 'zod';
import type { campaignDetailSchema, campaignSummarySchema } from '../../../core/api/campaigns.ts';
import { windowPhase } from '../../../core/campaign/campaign.window.ts';
import { campaignPath, declarationFormPath } from '../../pages/page-urls.ts';
import type { StoredCampaign } from './campaigns.service.ts';

// What the API shows of a campaign (core/api/campaigns.ts): its bilingual definition plus what
// the server computes (the window as UTC instants and where now falls in it, and links).

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
