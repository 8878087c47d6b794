import { formatInZone, zonedLocalToUtc } from '../time/zoned-time.ts';
import type { Campaign } from './campaign.schema.ts';

export type WindowPhase = 'upcoming' | 'open' | 'closed';

export interface CampaignWindow {
  opensAt: Date;
  /** The last accepted instant: the whole second named as the deadline is still inside. */
  closesAt: Date;
  timeZone: string;
}

export function campaignWindow(campaign: Pick<Campaign, 'window'>): CampaignWindow {
  const { opensAt, closesAt, timeZone } = campaign.window;
  return {
    opensAt: zonedLocalToUtc(opensAt, timeZone),
    closesAt: new Date(zonedLocalToUtc(closesAt, timeZone).getTime() + 999),
    timeZone,
  };
}

/** Where `now` falls against the window, judged on instants so the viewer's zone never matters. */
export function windowPhase(window: CampaignWindow, now: Date): WindowPhase {
  if (now < window.opensAt) return 'upcoming';
  if (now <= window.closesAt) return 'open';
  return 'closed';
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Whole time units left until `deadline`; all zero once it has passed. */
export function remainingUntil(deadline: Date, now: Date): Remaining {
  const totalSeconds = Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));
  return {
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3_600),
    minutes: Math.floor((totalSeconds % 3_600) / 60),
    seconds: totalSeconds % 60,
  };
}

/** The deadline as written in the notice: whole seconds on the campaign's clock. */
export function formatWindowInstant(instant: Date, timeZone: string): string {
  return formatInZone(new Date(Math.floor(instant.getTime() / 1000) * 1000), timeZone);
}
