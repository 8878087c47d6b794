import { useQuery } from '@tanstack/react-query';
import { Button, Tag, Tooltip, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';
import type { Locale } from '../../../../core/i18n/locale.ts';
import type { MessageKey, Translator } from '../../../../core/i18n/messages.ts';
import { formatInZone } from '../../../../core/time/zoned-time.ts';
import { useI18n } from '../i18n.tsx';
import { useRouter } from '../router.tsx';
import { casesApi, caseKeys, type CampaignDetail, type CampaignSummary, type Problem } from './cases-api.ts';
import './cases.css';

// What the case pages share: the campaign a case belongs to (for names and its time zone), how
// its times read, its status tags and the wording of a preflight problem.

export function useCampaign(slug: string | undefined) {
  return useQuery({
    queryKey: caseKeys.campaign(slug ?? ''),
    queryFn: () => casesApi.getCampaign(slug!),
    enabled: Boolean(slug),
    staleTime: 10 * 60_000,
  });
}

export function useCampaigns() {
  return useQuery({ queryKey: caseKeys.campaigns, queryFn: casesApi.listCampaigns, staleTime: 60_000 });
}

/** The campaign people work on now: the open one, else the next to open, else the latest. */
export function currentCampaign(campaigns: readonly CampaignSummary[] | undefined): CampaignSummary | undefined {
  if (!campaigns?.length) return undefined;
  return campaigns.find((c) => c.window.phase === 'open')
    ?? campaigns.find((c) => c.window.phase === 'upcoming')
    ?? [...campaigns].sort((a, b) => b.window.closesAtUtc.localeCompare(a.window.closesAtUtc))[0];
}

const FALLBACK_ZONE = 'Asia/Shanghai';

/** An instant as a clock in the campaign's zone reads it; `seconds: false` drops the seconds. */
export function zonedTime(iso: string, campaign: CampaignDetail | undefined, seconds = true): string {
  const text = formatInZone(new Date(iso), campaign?.window.timeZone ?? FALLBACK_ZONE);
  return seconds ? text : text.slice(0, 16);
}

/** The zone's name for people ("北京时间"). */
export function zoneLabel(campaign: CampaignDetail | undefined, locale: Locale): string {
  return campaign?.window.timeZoneLabel[locale] ?? '';
}

/** "2024-05-01 10:00:00（北京时间）" or "2024-05-01 10:00:00 (Beijing time)". */
export function zonedTimeWithLabel(iso: string, campaign: CampaignDetail | undefined, locale: Locale, seconds = true): string {
  const label = zoneLabel(campaign, locale);
  const time = zonedTime(iso, campaign, seconds);
  if (!label) return time;
  return locale === 'en' ? `${time} (${label})` : `${time}（${label}）`;
}

const STATUS_COLORS: Record<string, string> = { draft: 'default', submitted: 'green', withdrawn: 'orange', returned: 'red' };
const RECOMMENDATION_COLORS: Record<string, string> = { none: 'default', pending: 'processing', recommended: 'green', declined: 'red', void: 'warning' };

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag className="wb-case-tag" color={STATUS_COLORS[status] ?? 'default'}>{t(`case.status.${status}` as MessageKey)}</Tag>;
}

export function RecommendationTag({ recommendation }: { recommendation: string }) {
  const { t } = useI18n();
  return <Tag className="wb-case-tag" color={RECOMMENDATION_COLORS[recommendation] ?? 'default'}>{t(`case.recommendation.${recommendation}` as MessageKey)}</Tag>;
}

/** For organizers: a recommendation mailed from an address no registered unit's member has (nothing for the others). */
export function UnverifiedTag({ verification }: { verification: string | null }) {
  const { t } = useI18n();
  if (verification !== 'unverified') return null;
  return (
    <Tooltip title={t('wb.cases.review.unverifiedHint')}>
      <Tag className="wb-case-tag" color="orange">{t('wb.cases.review.unverified')}</Tag>
    </Tooltip>
  );
}

/** The name of a campaign section ("做法") or attachment kind ("申报表"), or the key when unknown. */
export function sectionName(campaign: CampaignDetail | undefined, key: string, locale: Locale): string {
  return campaign?.caseStyle.elements.find((e) => e.key === key)?.name[locale] ?? key;
}

export function attachmentKindName(campaign: CampaignDetail | undefined, key: string, locale: Locale): string {
  return campaign?.attachments.find((a) => a.key === key)?.name[locale] ?? key;
}

/** A preflight problem in words, with keys turned into the names people read. */
export function problemMessage(problem: Problem, campaign: CampaignDetail | undefined, t: Translator, locale: Locale): string {
  const params: Record<string, string | number> = { ...problem.params };
  if (typeof params.section === 'string') params.section = sectionName(campaign, params.section, locale);
  if (typeof params.kind === 'string') params.kind = attachmentKindName(campaign, params.kind, locale);
  if (typeof params.fields === 'string') {
    params.fields = params.fields.split(',').filter(Boolean).map((f) => t(`unitField.${f}` as MessageKey)).join(t('punct.list'));
  }
  if (problem.code === 'recommendation_missing' && typeof params.status === 'string') {
    params.status = t(`case.recommendation.${params.status}` as MessageKey);
  }
  return t(`preflight.${problem.code}` as MessageKey, params);
}

/** A request key for an idempotent submit; getRandomValues works where randomUUID does not (plain http). */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** File sizes as people read them: 812 KB, 3.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A button that is a real link (copyable, opens in a new tab) and navigates in place on a plain click. */
export function LinkButton({ to, ...props }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string }) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <Button {...props} href={to} onClick={onClick} />;
}
