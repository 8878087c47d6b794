import type { Campaign } from '../campaign/campaign.schema.ts';

// When a case may be shown to the public (issue 16, item 1; decision 0039). Two moments:
//   - while the collection runs (网上展示), a case that passed screening, when the campaign's
//     setting says so; it carries no tier, since none is decided;
//   - once results are final, every best and excellent case, with its tier, whatever the setting.
// A case that was withdrawn or returned is never shown: its submitted version no longer stands.

export type PublicTier = 'best' | 'excellent';

export interface PublicationFacts {
  /** cases.status */
  status: string;
  /** cases.screening */
  screening: string;
  /** Whether the campaign's results are final (its phase is final). */
  final: boolean;
  /** The case's row in final_results, when it has one. */
  finalTier: PublicTier | null;
  displayDuringCollection: boolean;
}

export type PublicationRefusal = 'not_submitted' | 'not_passed' | 'display_off' | 'not_chosen';

/** Why the case may not be published now, or null when it may. */
export function publicationRefusal(facts: PublicationFacts): PublicationRefusal | null {
  if (facts.status !== 'submitted') return 'not_submitted';
  if (facts.final && facts.finalTier !== null) return null;
  if (facts.screening !== 'passed') return 'not_passed';
  if (facts.displayDuringCollection) return null;
  return facts.final ? 'not_chosen' : 'display_off';
}

/** The tier a published case carries: only a final one. */
export function publicTier(facts: Pick<PublicationFacts, 'final' | 'finalTier'>): PublicTier | null {
  return facts.final ? facts.finalTier : null;
}

/** The campaign's setting; a definition stored before the setting existed has it off. */
export function displaysDuringCollection(campaign: Campaign): boolean {
  return (campaign as Partial<Campaign>).display?.duringCollection ?? false;
}

/** The attachment kinds whose pictures a case page may show (the seventh collection's 相关图片). */
export function publicPictureKinds(campaign: Campaign): string[] {
  return (campaign as Partial<Campaign>).display?.pictureKinds ?? ['photos'];
}
