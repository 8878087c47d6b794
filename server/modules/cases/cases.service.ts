import type { Kysely, Transaction } from 'kysely';
import { emptyCaseContent, withCampaignSections, type CaseContent } from '../../../core/case/case-content.ts';
import { effectiveDeadline } from '../../../core/case/deadline.ts';
import { formatInZone } from '../../../core/time/zoned-time.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { sanitizeCaseField } from '../../shared/case-html.ts';
import { actorLabel, isOrganizer, type Actor } from '../auth/actor.ts';
import { getCampaign } from '../campaigns/campaigns.service.ts';
import { lockLiveOrganization } from '../organizations/organizations.repository.ts';
import { isEditable, loadVisibleCase, requireEditableCase } from './case-access.ts';
import { transitionCase } from './case-transition.ts';
import { contentSha256 } from './content-hash.ts';
import { requirePhaseOpen } from '../campaigns/campaign-phase.service.ts';
import { cancelReviewLinks } from './superior-review.service.ts';
import { presentCase, presentEvent, presentReceipt, presentSummary, type CaseDetail } from './cases.present.ts';
import { findCase, insertCase, listCaseEvents, listCases, listDeadlineExtensions, listSubmissions, updateCaseAtVersion } from './cases.repository.ts';

/** Starts a draft for one of the caller's units, with the unit's superior organization filled in. */
export async function createCase(trx: Transaction<Database>, actor: Actor, slug: string, input: { organizationId: string; title: string }, now: Date): Promise<CaseDetail> {
  const campaign = await getCampaign(trx, slug);
  // Held until commit: a merge of the unit waits, then moves this case too; one that got there first refuses it.
  const unit = actor.units.some((u) => u.organizationId === input.organizationId) ? await lockLiveOrganization(trx, input.organizationId, 'share') : undefined;
  if (!unit) throw new AppError('not_found');
  // A draft started after the unit's deadline could never be edited or submitted.
  const extensions = await listDeadlineExtensions(trx, campaign.id);
  const deadline = effectiveDeadline(campaign.window.closesAt.toISOString(), extensions.map((e) => ({ organizationId: e.organization_id, closesAt: e.closes_at })), unit.id);
  if (now.toISOString() > deadline) {
    throw new AppError('window_closed', { closesAt: formatInZone(new Date(deadline), campaign.window.timeZone), zone: campaign.definition.window.timeZoneLabel[actor.locale] });
  }
  await requirePhaseOpen(trx, campaign, 'create_case');
  const id = newId();
  const stamp = now.toISOString();
  const content = emptyCaseContent(campaign.definition, input.title.trim());
  await insertCase(trx, {
    id, campaign_id: campaign.id, organization_id: unit.id, status: 'draft', title: content.title, content: JSON.stringify(content),
    content_sha256: contentSha256(campaign.definition.slug, id, content),
    declaration: '{}', version: 1, superior_name: unit.superior_name, superior_email: unit.superior_email,
    created_by: actor.userId, updated_by: actor.userId, created_at: stamp, updated_at: stamp,
  });
  await transitionCase(trx, { caseId: id, from: null, move: 'create', by: 'unit', actor: { id: actor.userId, label: actorLabel(actor) }, audit: { title: content.title } }, now);
  return getCase(trx, actor, id, now);
}

export async function getCase(db: Kysely<Database>, actor: Actor, id: string, now: Date): Promise<CaseDetail> {
  const c = await loadVisibleCase(db, actor, id);
  const ownUnit = actor.units.some((u) => u.organizationId === c.row.organization_id);
  return presentCase(c, ownUnit && isEditable(c, now));
}

export interface DraftInput {
  version: number;
  content: CaseContent;
  declaration: Record<string, string>;
  superiorName: string;
  superiorEmail: string | null;
}

/** The content as stored: the campaign's sections only, every HTML field through the allow-list. */
function cleanContent(content: CaseContent, categories: readonly string[], sections: (c: CaseContent) => CaseContent): CaseContent {
  const shaped = sections(content);
  return {
    title: shaped.title.trim(),
    category: shaped.category && categories.includes(shaped.category) ? shaped.category : null,
    keywords: [...new Set(shaped.keywords.map((k) => k.trim()).filter(Boolean))],
    summary: sanitizeCaseField(shaped.summary, 'content.summary'),
    sections: Object.fromEntries(Object.entries(shaped.sections).map(([key, html]) => [key, sanitizeCaseField(html, `content.sections.${key}`)])),
  };
}

/**
 * Saves the working copy if nobody saved since `version`; otherwise answers version_conflict
 * with the current copy, so the page can show both and nothing is overwritten silently.
 * Over-limit text is saved as typed: the limits stop a submission, never a save.
 */
export async function saveDraft(trx: Transaction<Database>, actor: Actor, id: string, input: DraftInput, now: Date): Promise<CaseDetail> {
  const c = await requireEditableCase(trx, actor, id, now);
  const campaign = c.campaign.definition;
  const content = cleanContent(input.content, campaign.categories.map((x) => x.key), (x) => withCampaignSections(campaign, x));
  const fieldKeys = new Set(campaign.declarationForm.fields.map((f) => f.key));
  const declaration = Object.fromEntries(Object.entries(input.declaration).filter(([key]) => fieldKeys.has(key)));
  const saved = await updateCaseAtVersion(trx, id, input.version, {
    title: content.title, content: JSON.stringify(content), declaration: JSON.stringify(declaration),
    // Lists tell a standing recommendation from a void one by this hash (core/case/recommendation.ts).
    content_sha256: contentSha256(campaign.slug, id, content),
    // A registered unit chosen as superior (superior-member.service.ts) names it; typed fields wait until it is unchosen.
    ...(c.row.superior_organization_id ? {} : { superior_name: input.superiorName.trim(), superior_email: input.superiorEmail?.trim().toLowerCase() || null }),
    version: input.version + 1, updated_by: actor.userId, updated_at: now.toISOString(),
  });
  if (saved && !c.row.superior_organization_id && (input.superiorEmail?.trim().toLowerCase() || null) !== c.row.superior_email) {
    // A link mailed to the old address must not decide for the new one.
    await cancelReviewLinks(trx, id, now);
  }
  if (!saved) {
    const current = await findCase(trx, id);
    throw new AppError('version_conflict', {}, { current: presentCase({ ...c, row: current! }, true) });
  }
  return getCase(trx, actor, id, now);
}

/** The cases of every unit the caller acts for, newest first. */
export async function listMyCases(db: Kysely<Database>, actor: Actor) {
  const rows = await listCases(db, { organizationIds: actor.units.map((u) => u.organizationId) });
  return rows.map(presentSummary);
}

/** Every case of a campaign, for its organizers. */
export async function listCampaignCases(db: Kysely<Database>, actor: Actor, slug: string, status?: string) {
  const campaign = await getCampaign(db, slug);
  if (!isOrganizer(actor, campaign.id)) throw new AppError('campaign_not_found', { slug });
  const rows = await listCases(db, { campaignId: campaign.id, status });
  return rows.map(presentSummary);
}

export async function caseHistory(db: Kysely<Database>, actor: Actor, id: string) {
  await loadVisibleCase(db, actor, id);
  return (await listCaseEvents(db, id)).map(presentEvent);
}

export async function caseSubmissions(db: Kysely<Database>, actor: Actor, id: string) {
  await loadVisibleCase(db, actor, id);
  return (await listSubmissions(db, id)).map(presentReceipt);
}
