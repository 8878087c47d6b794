import { displaysDuringCollection } from '../../core/publishing/publication-rules.ts';
import { AppError } from '../errors.ts';
import type { StoredCampaign } from '../modules/campaigns/campaigns.service.ts';

/** The campaign with this slug among those of the generation, or campaign_not_found (the ordinary 404 page). */
export function campaignOf(campaigns: StoredCampaign[], slug: string): StoredCampaign {
  const found = campaigns.find((c) => c.definition.slug === slug);
  if (!found) throw new AppError('campaign_not_found', { slug });
  return found;
}

/** Whether a campaign's cases can be on public pages now: its special page then lists them, and its feed has entries. */
export const showsCases = (stored: StoredCampaign) => stored.phase === 'final' || displaysDuringCollection(stored.definition);
