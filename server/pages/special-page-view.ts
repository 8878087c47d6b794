import type { Campaign, LocalizedText } from '../../core/campaign/campaign.schema.ts';
import {
  formatWindowInstant,
  remainingUntil,
  windowPhase,
  type CampaignWindow,
  type Remaining,
  type WindowPhase,
} from '../../core/campaign/campaign.window.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { zonedLocalToUtc } from '../../core/time/zoned-time.ts';
import { translator, type Translator } from '../../core/i18n/messages.ts';

export const pick = (text: LocalizedText, locale: Locale): string => text[locale];

export interface TimelineItem {
  when: string;
  label: string;
  past: boolean;
}

export interface StatusView {
  phase: WindowPhase;
  headline: string;
  detail: string;
  /** Present while the window is open: what is left, to the minute (the page adds seconds). */
  remaining: Remaining | undefined;
  deadlineMs: number;
}

export interface SpecialPageView {
  campaign: Campaign;
  locale: Locale;
  t: Translator;
  zone: string;
  /** When the notice was published, as its header gives it (`2024-01-15 10:00`), and that instant. */
  noticeAt: string;
  noticeInstant: Date;
  opens: string;
  closes: string;
  status: StatusView;
  timeline: TimelineItem[];
}

/** Everything on the special page that depends on the clock, computed once for rendering. */
export function specialPageView(campaign: Campaign, window: CampaignWindow, locale: Locale, now: Date): SpecialPageView {
  const t = translator(locale);
  const zone = pick(campaign.window.timeZoneLabel, locale);
  const opens = formatWindowInstant(window.opensAt, window.timeZone);
  const closes = formatWindowInstant(window.closesAt, window.timeZone);
  const phase = windowPhase(window, now);
  const status: StatusView = {
    phase,
    headline: t(`status.${phase}`),
    detail: t(`status.${phase}Detail`, { opens, closes, zone }),
    remaining: phase === 'open' ? { ...remainingUntil(window.closesAt, now), seconds: 0 } : undefined,
    deadlineMs: window.closesAt.getTime() + 1,
  };
  const noticeAt = campaign.noticeTime ? `${campaign.noticeDate} ${campaign.noticeTime}` : campaign.noticeDate;
  const published = noticeInstant(campaign);
  // In time order: a notice may come out hours after the window it announces has opened.
  const timeline: TimelineItem[] = [
    { at: published, when: noticeAt, label: t('page.timeline.notice'), past: published <= now },
    { at: window.opensAt, when: opens, label: t('page.timeline.opens'), past: window.opensAt <= now },
    { at: window.closesAt, when: closes, label: t('page.timeline.closes'), past: window.closesAt < now },
  ].sort((a, b) => a.at.getTime() - b.at.getTime()).map(({ at: _at, ...item }) => item);
  return { campaign, locale, t, zone, noticeAt, noticeInstant: published, opens, closes, status, timeline };
}

// Worked out once per loaded campaign: the clock key below is computed on every request.
const noticeInstants = new WeakMap<Campaign, Date>();

/** The instant the notice was published: its date and time on the campaign's clock (midnight without a time). */
function noticeInstant(campaign: Campaign): Date {
  let instant = noticeInstants.get(campaign);
  if (!instant) {
    instant = zonedLocalToUtc(`${campaign.noticeDate}T${campaign.noticeTime ?? '00:00'}:00`, campaign.window.timeZone);
    noticeInstants.set(campaign, instant);
  }
  return instant;
}

/**
 * Everything clock-dependent that the rendered page shows, cheap to compute (no formatting):
 * with the content hash and language it keys the page cache, so a cached page is never stale.
 */
export function specialPageClockKey(campaign: Campaign, window: CampaignWindow, now: Date): string {
  const phase = windowPhase(window, now);
  const r = phase === 'open' ? remainingUntil(window.closesAt, now) : undefined;
  const noticePast = noticeInstant(campaign) <= now;
  return `${phase}|${r ? `${r.days}:${r.hours}:${r.minutes}` : ''}|${noticePast ? 1 : 0}`;
}
