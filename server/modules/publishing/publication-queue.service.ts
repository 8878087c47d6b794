import type { Kysely } from 'kysely';
import { copyState, QUEUE_PAGE_SIZE_MAX, type QueueFilter } from '../../../core/publishing/publication-queue.ts';
import { displaysDuringCollection, publicationRefusal, publicTier } from '../../../core/publishing/publication-rules.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import { ensureFormatReports } from '../screening/screening-report.service.ts';
import { campaignForOrganizer } from '../screening/screening.service.ts';
import { countQueue, listQueuePage, type QueueFacts } from './publication-queue.repository.ts';

// The publishing queue (issue 16, item 6; decision 0043), for the campaign's own organizers (and
// the platform's): anyone else learns nothing of the campaign, its cases or their counts.

export interface QueueInput {
  state?: QueueFilter | undefined;
  category?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** One page of the campaign's cases that may be shown now or have a public copy, with the counts per state. */
export async function listPublications(db: Kysely<Database>, actor: Actor, slug: string, input: QueueInput, readable: AttachmentCheck, now: Date) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  const definition = campaign.definition;
  const category = input.category?.trim() || null;
  if (category && !definition.categories.some((c) => c.key === category)) throw new AppError('publication_category_unknown', { category });
  // A case without a copy is listed under its submitted version's category, from its format report.
  await ensureFormatReports(db, campaign, readable, now);
  const final = campaign.phase === 'final';
  const display = displaysDuringCollection(definition);
  const facts: QueueFacts = { campaignId: campaign.id, final, displayDuringCollection: display, categories: definition.categories.map((c) => c.key) };
  const pageSize = Math.min(QUEUE_PAGE_SIZE_MAX, Math.max(1, Math.floor(input.pageSize ?? 50)));
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const filter = input.state ?? null;
  const [rows, counts] = await Promise.all([
    listQueuePage(db, facts, { filter, category, limit: pageSize, offset: (page - 1) * pageSize }),
    countQueue(db, facts, { category }),
  ]);
  return {
    display: { duringCollection: display, final },
    counts,
    total: filter ? counts[filter] : counts.all,
    page,
    pageSize,
    items: rows.map((r) => {
      const facts = { final, finalTier: r.final_tier ?? null };
      const copy = r.public_id === null ? null : { state: r.state!, firstPublishedAt: r.first_published_at };
      return {
        caseId: r.case_id, title: r.title, unitName: r.unit_name, divisionCode: r.division_code, category: r.category ?? '',
        tier: publicTier(facts),
        refusal: publicationRefusal({ status: r.status, screening: r.screening, ...facts, displayDuringCollection: display }),
        state: copyState(copy),
        copy: copy && {
          publicId: r.public_id!, version: r.version!, stale: r.copy_submission_id !== r.submission_id,
          publishedAt: r.published_at, unpublishedAt: r.unpublished_at, updatedAt: r.updated_at!,
          path: `/campaigns/${encodeURIComponent(definition.slug)}/cases/${r.public_id!}`,
        },
      };
    }),
  };
}
