import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Campaign } from '../../../core/campaign/campaign.schema.ts';
import { caseContentSchema } from '../../../core/case/case-content.ts';
import { htmlToText } from '../../../core/case/html-text.ts';
import { flagPersonalData, publicBodyText, publicCopyProblems, type PublicCopyText } from '../../../core/publishing/public-copy.ts';
import { displaysDuringCollection, publicationRefusal, publicPictureKinds, publicTier, type PublicationRefusal } from '../../../core/publishing/publication-rules.ts';
import type { Database } from '../../db/schema.ts';
import type { PublishedCasesTable } from '../../db/schema-publishing.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { AppError } from '../../errors.ts';
import { sanitizeCaseField } from '../../shared/case-html.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, isOrganizer, type Actor } from '../auth/actor.ts';
import { getCampaignById, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { isReencodedImage } from '../uploads/image-reencode.ts';
import { indexDocument, removeDocument } from '../search/search-index.ts';
import { findCaseForPublishing, findCopyByCase, findPictureSizes, insertCopy, updateCopy } from './publishing.repository.ts';

// Published copies of cases (网上展示; issue 16, item 1; decision 0039). Organizers of the case's
// campaign make a copy of its current submitted version, edit it, publish and unpublish it. The
// copy never touches the case; every change is audited and indexed for search in its transaction.

export interface SubmittedFile { id: string; kind: string; fileName: string; mediaType: string; sha256: string; size: number }
export interface CopyEdit extends PublicCopyText { version: number; photoIds: string[] }

type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseForPublishing>>>;
type CopyRow = PublishedCasesTable;

const REFUSAL_ERRORS: Record<PublicationRefusal, 'publication_case_not_submitted' | 'publication_case_not_passed' | 'publication_display_off' | 'publication_not_chosen'> = {
  not_submitted: 'publication_case_not_submitted',
  not_passed: 'publication_case_not_passed',
  display_off: 'publication_display_off',
  not_chosen: 'publication_not_chosen',
};

/** The case for one of its campaign's organizers; anyone else is answered as if it did not exist. */
async function caseForOrganizer(db: Kysely<Database>, actor: Actor, caseId: string): Promise<{ row: CaseRow; campaign: StoredCampaign }> {
  const row = await findCaseForPublishing(db, caseId);
  if (!row || !isOrganizer(actor, row.campaign_id)) throw new AppError('not_found');
  return { row, campaign: await getCampaignById(db, row.campaign_id) };
}

function refusalOf(row: CaseRow, campaign: StoredCampaign): PublicationRefusal | null {
  return publicationRefusal({
    status: row.status, screening: row.screening, final: row.phase === 'final', finalTier: row.final_tier ?? null,
    displayDuringCollection: displaysDuringCollection(campaign.definition),
  });
}

/** The pictures of the submitted version a case page may show: re-encoded images of the campaign's picture kinds. */
export function showablePictures(campaign: Campaign, submitted: string | null): SubmittedFile[] {
  const kinds = new Set(publicPictureKinds(campaign));
  return (JSON.parse(submitted ?? '[]') as SubmittedFile[]).filter((f) => kinds.has(f.kind) && isReencodedImage(f.mediaType));
}

/** The copy as organizers edit it, with what would stop publishing and the numbers to look at. */
export async function readPublicCopy(db: Kysely<Database>, actor: Actor, caseId: string) {
  const { row, campaign } = await caseForOrganizer(db, actor, caseId);
  return present(db, row, campaign, await findCopyByCase(db, caseId));
}

/** Makes the copy from the case's current submitted version: its text as submitted, no pictures shown, not yet published. */
export async function createPublicCopy(db: Kysely<Database>, actor: Actor, caseId: string, now: Date) {
  const { row, campaign } = await caseForOrganizer(db, actor, caseId);
  if (row.status !== 'submitted' || !row.submission_id || !row.content) throw new AppError('publication_case_not_submitted');
  const content = caseContentSchema.parse(JSON.parse(row.content));
  const stamp = now.toISOString();
  try {
    await inTransaction(db, async (trx) => {
      const id = randomBytes(8).toString('hex');
      await insertCopy(trx, {
        id, case_id: row.id, campaign_id: row.campaign_id, submission_id: row.submission_id!, title: content.title, unit_name: row.unit_name,
        division_code: row.division_code, category: content.category ?? '', summary: content.summary,
        sections: JSON.stringify(sectionsOf(campaign, content.sections)),
        attachment_ids: '[]', state: 'unpublished', version: 1, created_by: actor.userId, created_at: stamp, updated_by: actor.userId, updated_at: stamp,
        published_by: null, published_at: null, first_published_at: null, unpublished_by: null, unpublished_at: null,
      });
      await appendAudit(trx, { ...by(actor, row.id), action: 'publication.create', change: { publicId: id, submissionId: row.submission_id } }, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('publication_exists');
    throw error;
  }
  return readPublicCopy(db, actor, caseId);
}

/** Saves the organizer's edit over the version they read; a published copy is re-indexed at once. */
export async function editPublicCopy(db: Kysely<Database>, actor: Actor, caseId: string, input: CopyEdit, now: Date) {
  const { row, campaign } = await caseForOrganizer(db, actor, caseId);
  const definition = campaign.definition;
  const text: PublicCopyText = {
    title: input.title.trim(), unitName: input.unitName.trim(), summary: sanitizeCaseField(input.summary, 'summary'),
    sections: Object.fromEntries(definition.caseStyle.elements.map((e) => [e.key, sanitizeCaseField(input.sections[e.key] ?? '', `sections.${e.key}`)])),
  };
  const photoIds = [...new Set(input.photoIds)];
  const problems = publicCopyProblems(definition, text, photoIds.length);
  if (problems.length > 0) throw new AppError('publication_invalid', { count: problems.length }, { problems });
  const allowed = new Set(showablePictures(definition, row.attachments).map((f) => f.id));
  if (photoIds.some((id) => !allowed.has(id))) throw new AppError('publication_photo_unknown');
  await inTransaction(db, async (trx) => {
    const copy = await requireCopy(trx, caseId, input.version);
    const change = {
      title: text.title, unit_name: text.unitName, summary: text.summary, sections: JSON.stringify(text.sections), attachment_ids: JSON.stringify(photoIds),
      updated_by: actor.userId, updated_at: now.toISOString(),
    };
    if (!(await updateCopy(trx, copy.id, copy.version, change))) throw new AppError('publication_version_conflict', { version: copy.version + 1 });
    if (copy.state === 'published') await indexDocument(trx, searchDocument({ ...copy, ...change }, row, campaign));
    await appendAudit(trx, { ...by(actor, caseId), action: 'publication.edit', change: { publicId: copy.id, version: copy.version + 1, fields: changedFields(copy, change) } }, now);
  });
  return readPublicCopy(db, actor, caseId);
}

/** Shows the copy to the public, if the case may be shown now (publicationRefusal). */
export async function publishCase(db: Kysely<Database>, actor: Actor, caseId: string, version: number, now: Date) {
  const { row, campaign } = await caseForOrganizer(db, actor, caseId);
  const refusal = refusalOf(row, campaign);
  if (refusal) throw new AppError(REFUSAL_ERRORS[refusal]);
  await inTransaction(db, async (trx) => {
    const copy = await requireCopy(trx, caseId, version);
    if (copy.state === 'published') throw new AppError('publication_already_published');
    const stamp = now.toISOString();
    const change = { state: 'published' as const, published_by: actor.userId, published_at: stamp, first_published_at: copy.first_published_at ?? stamp, updated_by: actor.userId, updated_at: stamp };
    if (!(await updateCopy(trx, copy.id, copy.version, change))) throw new AppError('publication_version_conflict', { version: copy.version + 1 });
    await indexDocument(trx, searchDocument({ ...copy, ...change }, row, campaign));
    await appendAudit(trx, { ...by(actor, caseId), action: 'publication.publish', change: { publicId: copy.id, version: copy.version + 1, tier: tierOf(row) } }, now);
  });
  return readPublicCopy(db, actor, caseId);
}

/** Takes the copy off the public pages and out of search; its link then says it is no longer shown. */
export async function unpublishCase(db: Kysely<Database>, actor: Actor, caseId: string, version: number, now: Date) {
  await caseForOrganizer(db, actor, caseId);
  await inTransaction(db, async (trx) => {
    const copy = await requireCopy(trx, caseId, version);
    if (copy.state !== 'published') throw new AppError('publication_not_published');
    const stamp = now.toISOString();
    const change = { state: 'unpublished' as const, unpublished_by: actor.userId, unpublished_at: stamp, updated_by: actor.userId, updated_at: stamp };
    if (!(await updateCopy(trx, copy.id, copy.version, change))) throw new AppError('publication_version_conflict', { version: copy.version + 1 });
    await removeDocument(trx, copy.id);
    await appendAudit(trx, { ...by(actor, caseId), action: 'publication.unpublish', change: { publicId: copy.id, version: copy.version + 1 } }, now);
  });
  return readPublicCopy(db, actor, caseId);
}

/**
 * Makes the copy again from the case's current submitted version (a copy gone stale when the case
 * was submitted again): the row and its public id stay, the text is the new version's as
 * submitted, the pictures chosen stay where the new version still has them. Nothing unread goes
 * public: a published copy is taken down in the same change, to be read and published again.
 */
export async function recreatePublicCopy(db: Kysely<Database>, actor: Actor, caseId: string, version: number, now: Date) {
  const { row, campaign } = await caseForOrganizer(db, actor, caseId);
  if (row.status !== 'submitted' || !row.submission_id || !row.content) throw new AppError('publication_case_not_submitted');
  const content = caseContentSchema.parse(JSON.parse(row.content));
  const showable = new Set(showablePictures(campaign.definition, row.attachments).map((f) => f.id));
  await inTransaction(db, async (trx) => {
    const copy = await requireCopy(trx, caseId, version);
    const stamp = now.toISOString();
    const wasPublished = copy.state === 'published';
    const change = {
      submission_id: row.submission_id!, title: content.title, unit_name: row.unit_name, division_code: row.division_code, category: content.category ?? '',
      summary: content.summary, sections: JSON.stringify(sectionsOf(campaign, content.sections)),
      attachment_ids: JSON.stringify((JSON.parse(copy.attachment_ids) as string[]).filter((id) => showable.has(id))),
      updated_by: actor.userId, updated_at: stamp,
      ...(wasPublished ? { state: 'unpublished' as const, unpublished_by: actor.userId, unpublished_at: stamp } : {}),
    };
    if (!(await updateCopy(trx, copy.id, copy.version, change))) throw new AppError('publication_version_conflict', { version: copy.version + 1 });
    if (wasPublished) await removeDocument(trx, copy.id);
    await appendAudit(trx, {
      ...by(actor, caseId), action: 'publication.recreate',
      change: { publicId: copy.id, version: copy.version + 1, fromSubmissionId: copy.submission_id, submissionId: row.submission_id, takenDown: wasPublished },
    }, now);
  });
  return readPublicCopy(db, actor, caseId);
}

/** The campaign's sections in its order, from the submitted sections (a missing one is empty). */
const sectionsOf = (campaign: StoredCampaign, sections: Record<string, string>) =>
  Object.fromEntries(campaign.definition.caseStyle.elements.map((e) => [e.key, sections[e.key] ?? '']));

async function requireCopy(db: Kysely<Database>, caseId: string, version: number): Promise<CopyRow> {
  const copy = await findCopyByCase(db, caseId);
  if (!copy) throw new AppError('publication_missing');
  if (copy.version !== version) throw new AppError('publication_version_conflict', { version: copy.version });
  return copy;
}

const tierOf = (row: CaseRow) => publicTier({ final: row.phase === 'final', finalTier: row.final_tier ?? null });

function searchDocument(copy: CopyRow, row: CaseRow, campaign: StoredCampaign) {
  const sections = JSON.parse(copy.sections) as Record<string, string>;
  return {
    id: copy.id, campaignId: campaign.id, campaignSlug: campaign.definition.slug, category: copy.category, tier: tierOf(row),
    province: /^\d{6}$/.test(copy.division_code) ? copy.division_code.slice(0, 2) : null,
    title: copy.title, unitName: copy.unit_name, summary: htmlToText(copy.summary), body: publicBodyText(campaign.definition, sections),
    publishedAt: copy.published_at ?? copy.updated_at,
  };
}

function changedFields(before: CopyRow, after: Pick<CopyRow, 'title' | 'unit_name' | 'summary' | 'sections' | 'attachment_ids'>): string[] {
  return (['title', 'unit_name', 'summary', 'sections', 'attachment_ids'] as const).filter((k) => before[k] !== after[k]);
}

/** Who and which case an entry names; the sentence names the case, the change carries the public id. */
const by = (actor: Actor, caseId: string) => ({ actorId: actor.userId, actorLabel: actorLabel(actor), subjectType: 'case', subjectId: caseId });

async function present(db: Kysely<Database>, row: CaseRow, campaign: StoredCampaign, copy: CopyRow | undefined) {
  const definition = campaign.definition;
  const refusal = refusalOf(row, campaign);
  if (!copy) return { caseId: row.id, copy: null, refusal, tier: tierOf(row) };
  const text: PublicCopyText = { title: copy.title, unitName: copy.unit_name, summary: copy.summary, sections: JSON.parse(copy.sections) as Record<string, string> };
  const shown = JSON.parse(copy.attachment_ids) as string[];
  const pictures = showablePictures(definition, row.attachments);
  const sizes = new Map((await findPictureSizes(db, pictures.map((p) => p.id))).map((s) => [s.id, s]));
  return {
    caseId: row.id, refusal, tier: tierOf(row),
    copy: {
      publicId: copy.id, state: copy.state, version: copy.version, ...text, divisionCode: copy.division_code, category: copy.category,
      pictures: pictures.map((p) => ({ id: p.id, fileName: p.fileName, width: sizes.get(p.id)?.width ?? null, height: sizes.get(p.id)?.height ?? null, shown: shown.includes(p.id) })),
      problems: publicCopyProblems(definition, text, shown.length), personalData: flagPersonalData(definition, text),
      stale: row.submission_id !== copy.submission_id,
      publishedAt: copy.published_at, firstPublishedAt: copy.first_published_at, unpublishedAt: copy.unpublished_at, updatedAt: copy.updated_at,
      path: `/campaigns/${encodeURIComponent(definition.slug)}/cases/${copy.id}`,
    },
  };
}
