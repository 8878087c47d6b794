import type { z } from 'zod';
import type { campaignDetailSchema, campaignPhaseSchema, campaignSummarySchema } from '../../../core/api/campaigns.ts';
import { isActionOpen, isDefinitionFrozen, PHASE_ACTIONS, type PhaseAction } from '../../../core/campaign/campaign-phase.ts';
import { windowPhase } from '../../../core/campaign/campaign.window.ts';
import { campaignPath, declarationFormPath } from '../../pages/page-urls.ts';
import type { StoredCampaign } from './campaigns.service.ts';

// What the API shows of a campaign (core/api/campaigns.ts): its bilingual definition plus what
// the server computes (the window as UTC instants and where now falls in it, the phase, and links).

/** The campaign's phase, the actions it opens and the version of its definition. */
export function presentPhase(stored: StoredCampaign): z.infer<typeof campaignPhaseSchema> {
  return {
    current: stored.phase,
    changedAt: stored.phaseChangedAt,
    openActions: (Object.keys(PHASE_ACTIONS) as PhaseAction[]).filter((a) => isActionOpen(stored.phase, a)),
    definitionVersion: stored.definitionVersion,
    definitionFrozen: isDefinitionFrozen(stored.phase),
  };
}

function present(stored: StoredCampaign, now: Date, baseUrl: string) {
  const c = stored.definition;
  return {
    state: {
      opensAtUtc: stored.window.opensAt.toISOString(),
      closesAtUtc: stored.window.closesAt.toISOString(),
      phase: windowPhase(stored.window, now),
    },
    phase: presentPhase(stored),
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
  const { state, phase, links: l } = present(stored, now, baseUrl);
  return {
    slug: c.slug,
    edition: c.edition,
    title: c.title,
    theme: c.theme,
    noticeDate: c.noticeDate,
    window: { ...state, timeZone: stored.window.timeZone },
    phase,
    links: l,
  };
}

export function presentCampaignDetail(stored: StoredCampaign, now: Date, baseUrl: string): z.infer<typeof campaignDetailSchema> {
  return { ...stored.definition, ...present(stored, now, baseUrl) };
}
