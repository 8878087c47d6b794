import type { Locale } from '../../../core/i18n/locale.ts';

/** The signed-in person on whose behalf a request acts, with every role they hold. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  sessionId: string;
  emailVerified: boolean;
  /** Organizer of every campaign (the platform's own staff). */
  platformOrganizer: boolean;
  grants: { role: 'organizer' | 'reviewer' | 'submitter' | 'learner'; campaignId: string | null }[];
  units: { organizationId: string; role: 'owner' | 'operator' }[];
}

export function isOrganizer(actor: Actor | null, campaignId?: string): boolean {
  if (!actor) return false;
  return actor.platformOrganizer || actor.grants.some((g) => g.role === 'organizer' && (campaignId === undefined || g.campaignId === campaignId));
}

export function actorLabel(actor: Actor | null): string {
  return actor ? `${actor.displayName} <${actor.email}>` : 'anonymous';
}
