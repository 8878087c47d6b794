import type { Kysely } from 'kysely';
import type { PublicNotice } from '../../../core/api/notice.ts';
import { finalizeRefusal, NOTICE_BODY_MAX, noticeStage, noticeWindow } from '../../../core/notice/notice-rules.ts';
import { formatInZone } from '../../../core/time/zoned-time.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import type { NoticesTable } from '../../db/schema-notice.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { newCertificateSerial } from '../certificates/certificate-serial.ts';
import { requirePhaseOpen } from '../campaigns/campaign-phase.service.ts';
import { lockCampaignPhase, updateCampaignPhase } from '../campaigns/campaigns.repository.ts';
import { forgetCampaignVersions, getCampaign, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { campaignForOrganizer } from '../screening/screening.service.ts';
import { listDecisions, lockCampaignSelection } from '../selection/selection.repository.ts';
import { selectionView } from '../selection/selection.service.ts';
import { listObjectionsView } from './objections.service.ts';
import { countOpenObjections, findNotice, insertFinalResults, insertNotice, listFinalResults, listSubmittedCases, markFinalized } from './notice.repository.ts';

// The public notice (公示) of the shortlist (issue 15, item 3; decision 0032). Organizers publish
// the accepted selection, as it stands, for the campaign's number of days; the list published is
// kept as it was. When the notice has ended and every objection has an outcome, organizers
// finalize: the selection becomes the final results, each with its certificate number, the
// campaign moves to its final phase, and every unit that submitted is told its result.

export interface NoticeEntry { n: number; caseId: string; tier: 'best' | 'excellent'; title: string; unitName: string; category: string; province: string | null }

interface PublishInput { body: string; days?: number | undefined }

const TIER_ORDER = { best: 0, excellent: 1 } as const;

/** The notice with its objections, what publishing would list now, and whether finalizing may happen. */
export async function readNotice(db: Kysely<Database>, actor: Actor, slug: string, now: Date) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  const [notice, selection, objections, open] = await Promise.all([
    findNotice(db, campaign.id), selectionView(db, campaign), listObjectionsView(db, campaign), countOpenObjections(db, campaign.id),
  ]);
  const selected = selection.cases.filter((c) => c.decision && c.decision.tier !== 'none').length;
  const timed = notice ? noticeTimes(notice, campaign, actor.locale, now) : null;
  return {
    phase: campaign.phase,
    notice: notice && timed ? { ...timed, entries: JSON.parse(notice.entries) as NoticeEntry[], publishedAt: notice.published_at, publishedBy: notice.published_by } : null,
    draft: { days: campaign.definition.notice.days, body: draftBody(campaign, actor.locale), selected, ready: selectionReady(selection) },
    objections,
    finalizeRefusal: campaign.phase === 'final' ? 'already_final' as const : finalizeRefusal(notice ? { endsAt: notice.ends_at, finalizedAt: notice.finalized_at } : null, open, now),
  };
}

/** Publishes the accepted selection for `days` (the campaign's number by default), from now. */
export async function publishNotice(db: Kysely<Database>, actor: Actor, slug: string, input: PublishInput, now: Date) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  const body = input.body.trim();
  if (body === '') throw new AppError('notice_body_required');
  if ([...body].length > NOTICE_BODY_MAX) throw new AppError('notice_body_too_long', { max: NOTICE_BODY_MAX });
  const days = input.days ?? campaign.definition.notice.days;
  await inTransaction(db, async (trx) => {
    await requirePhaseOpen(trx, campaign, 'publish_notice');
    await lockCampaignSelection(trx, campaign.id);
    if (await findNotice(trx, campaign.id)) throw new AppError('notice_already_published');
    const selection = await selectionView(trx, campaign);
    if (!selectionReady(selection)) throw new AppError('notice_selection_unfinished');
    const entries = selection.cases
      .filter((c) => c.decision && c.decision.tier !== 'none')
      .map((c) => ({ caseId: c.caseId, tier: c.decision!.tier as 'best' | 'excellent', title: c.title, unitName: c.unitName, category: c.category, province: c.province, score: c.score }))
      .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.score - a.score || a.caseId.localeCompare(b.caseId))
      .map(({ score: _score, ...e }, i): NoticeEntry => ({ n: i + 1, ...e }));
    const { startsAt, endsAt } = noticeWindow(now, days, campaign.window.timeZone);
    await insertNotice(trx, {
      campaign_id: campaign.id, body, starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString(), entries: JSON.stringify(entries),
      published_by: actorLabel(actor), published_at: now.toISOString(), finalized_by: null, finalized_at: null,
    });
    await appendAudit(trx, {
      actorId: actor.userId, actorLabel: actorLabel(actor), action: 'notice.publish', subjectType: 'campaign', subjectId: campaign.id,
      change: { entries: entries.length, days, endsAt: endsAt.toISOString() },
    }, now);
  });
  return readNotice(db, actor, slug, now);
}

/** Anyone: the published notice, without case ids or anyone's contact; not found before publishing. */
export async function readPublicNotice(db: Kysely<Database>, slug: string, locale: Locale, now: Date): Promise<PublicNotice> {
  const campaign = await getCampaign(db, slug);
  const notice = await findNotice(db, campaign.id);
  if (!notice) throw new AppError('notice_not_published');
  const categoryName = (key: string) => campaign.definition.categories.find((c) => c.key === key)?.name[locale] ?? key;
  const noticed = JSON.parse(notice.entries) as NoticeEntry[];
  // Once final, the list the public reads is the final one: a case an upheld objection took off
  // is gone, one it moved shows its new tier, and each names its certificate, which anyone can check.
  const final = notice.finalized_at ? await listFinalResults(db, campaign.id) : null;
  const entries = final
    ? noticed.filter((e) => final.has(e.caseId)).map((e) => ({ ...e, tier: final.get(e.caseId)!.tier, certificate: final.get(e.caseId)!.serial }))
    : noticed.map((e) => ({ ...e, certificate: null }));
  return {
    campaignTitle: campaign.definition.title[locale],
    ...noticeTimes(notice, campaign, locale, now),
    entries: entries.map((e) => ({ n: e.n, tier: e.tier, title: e.title, unitName: e.unitName, category: categoryName(e.category), certificate: e.certificate })),
  };
}

/** Makes the selection final once the notice has ended and every objection is resolved. */
export async function finalizeResults(db: Kysely<Database>, actor: Actor, slug: string, now: Date, baseUrl: string, locale: Locale = actor.locale) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  await inTransaction(db, async (trx) => {
    // The phase first, as a phase move takes it, so the two cannot deadlock; then the selection.
    const phase = await lockCampaignPhase(trx, campaign.id);
    if (phase === 'final') throw new AppError('notice_already_final');
    await requirePhaseOpen(trx, campaign, 'finalize');
    await lockCampaignSelection(trx, campaign.id);
    const notice = await findNotice(trx, campaign.id);
    const open = await countOpenObjections(trx, campaign.id);
    const refusal = finalizeRefusal(notice ? { endsAt: notice.ends_at, finalizedAt: notice.finalized_at } : null, open, now);
    if (refusal === 'notice_missing') throw new AppError('notice_not_published');
    if (refusal === 'already_final') throw new AppError('notice_already_final');
    if (refusal === 'notice_running') {
      throw new AppError('notice_running', { endsAt: lastMinute(notice!.ends_at, campaign.window.timeZone), zone: campaign.definition.window.timeZoneLabel[locale] });
    }
    if (refusal === 'objections_open') throw new AppError('notice_objections_open', { count: open });
    const order = new Map((JSON.parse(notice!.entries) as NoticeEntry[]).map((e) => [e.caseId, e.n]));
    const selected = (await listDecisions(trx, campaign.id))
      .filter((d): d is typeof d & { tier: 'best' | 'excellent' } => d.tier !== 'none')
      // The notice's order, then anything an upheld objection moved up (none today: only down or off).
      .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || (order.get(a.case_id) ?? Infinity) - (order.get(b.case_id) ?? Infinity) || a.case_id.localeCompare(b.case_id));
    await insertFinalResults(trx, selected.map((d, i) => ({
      campaign_id: campaign.id, case_id: d.case_id, tier: d.tier, serial: newCertificateSerial(campaign.definition.edition, i + 1), finalized_at: now.toISOString(),
    })));
    await markFinalized(trx, campaign.id, actorLabel(actor), now.toISOString());
    if (!(await updateCampaignPhase(trx, campaign.id, 'notice', 'final', now.toISOString()))) throw new AppError('notice_already_final');
    await appendAudit(trx, {
      actorId: actor.userId, actorLabel: actorLabel(actor), action: 'notice.finalize', subjectType: 'campaign', subjectId: campaign.id,
      change: { best: selected.filter((d) => d.tier === 'best').length, excellent: selected.filter((d) => d.tier === 'excellent').length },
    }, now);
    const tiers = new Map(selected.map((d) => [d.case_id, d.tier]));
    for (const c of await listSubmittedCases(trx, campaign.id)) {
      await queueMail(trx, {
        to: c.email, locale: c.locale, template: 'campaign_result',
        params: { campaignTitle: campaign.definition.title[c.locale], caseTitle: c.title, tier: tiers.get(c.id) ?? 'none', link: `${baseUrl}/app/cases/${c.id}` },
      }, now);
    }
    forgetCampaignVersions(trx);
  });
  return readNotice(db, actor, slug, now);
}

/** Accepted, with decisions, and breaking no quota. */
function selectionReady(selection: Awaited<ReturnType<typeof selectionView>>): boolean {
  return Boolean(selection.suggestion?.acceptedAt) && selection.problems.length === 0 && selection.cases.some((c) => c.decision && c.decision.tier !== 'none');
}

function noticeTimes(notice: Pick<NoticesTable, 'body' | 'starts_at' | 'ends_at' | 'finalized_at'>, campaign: StoredCampaign, locale: Locale, now: Date) {
  const zone = campaign.window.timeZone;
  return {
    body: notice.body, startsAt: notice.starts_at, endsAt: notice.ends_at,
    startsAtLocal: formatInZone(new Date(notice.starts_at), zone).slice(0, 16),
    endsAtLocal: lastMinute(notice.ends_at, zone),
    zone: campaign.definition.window.timeZoneLabel[locale],
    stage: noticeStage({ endsAt: notice.ends_at, finalizedAt: notice.finalized_at }, now),
    finalizedAt: notice.finalized_at,
  };
}

/** The end is exclusive (midnight after the last day); people read the last day's last minute. */
function lastMinute(endsAt: string, zone: string): string {
  return formatInZone(new Date(Date.parse(endsAt) - 60_000), zone).slice(0, 16);
}

function draftBody(campaign: StoredCampaign, locale: Locale): string {
  const title = campaign.definition.title[locale];
  const days = campaign.definition.notice.days;
  const organizer = campaign.definition.organizers.map((o) => o.name[locale]).join(locale === 'zh-CN' ? '、' : ', ');
  return locale === 'zh-CN'
    ? `经单位申报、初审和专家评审，${title}拟推荐最佳案例和优秀案例名单如下，现予公示，公示期 ${days} 天。\n\n公示期间，如对名单中的案例有异议，请通过本页面的异议表提交，写明具体事实并留下联系方式。以单位名义提出的，请写明单位名称；以个人名义提出的，请写明真实姓名。\n\n${organizer}`
    : `After applications, screening and expert review, the cases proposed as best and excellent cases of ${title} are listed below for public notice over ${days} days.\n\nAnyone with an objection to a case on the list may send it through the form on this page, stating the facts and a way to reach them.\n\n${organizer}`;
}
