import type { Kysely } from 'kysely';
import { displaysDuringCollection, publicationRefusal, publicTier, type PublicTier } from '../../../core/publishing/publication-rules.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { getCampaignById, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { readImportedCase } from '../library-import/imported-case.service.ts';
import { findPictureSizes, findPublicCopy } from './publishing.repository.ts';
import { showablePictures } from './publishing.service.ts';

// What anyone reads of a published case (issue 16, item 2; decision 0039). Only the public copy
// is read: never the declaration form, contacts, scores or review data. A copy that is not shown
// now answers exactly like one that never existed, except a copy taken down by its organizers
// after it was shown: its link (a shared QR code) says so, naming nothing of the case.

export interface PublicPicture { id: string; sha256: string; mediaType: string; size: number; fileName: string; width: number | null; height: number | null }

export interface ShownCase {
  kind: 'shown';
  campaign: StoredCampaign;
  publicId: string;
  title: string;
  unitName: string;
  divisionCode: string;
  category: string;
  tier: PublicTier | null;
  summary: string;
  sections: Record<string, string>;
  pictures: PublicPicture[];
  publishedAt: string;
  updatedAt: string;
}

export type PublicCase = ShownCase | { kind: 'taken_down'; campaign: StoredCampaign };

/** The case page's content; not_found for anything not shown now (see above). */
export async function readPublicCase(db: Kysely<Database>, slug: string, publicId: string): Promise<PublicCase> {
  const row = await findPublicCopy(db, publicId);
  // An earlier edition's case imported from a file (decision 0044) has no case behind its copy.
  if (!row) return readImportedCase(db, slug, publicId);
  if (row.slug !== slug) throw new AppError('not_found');
  const campaign = await getCampaignById(db, row.campaign_id);
  const facts = { final: row.phase === 'final', finalTier: row.final_tier ?? null };
  const refusal = publicationRefusal({ status: row.status, screening: row.screening, ...facts, displayDuringCollection: displaysDuringCollection(campaign.definition) });
  if (row.state === 'unpublished' && row.first_published_at !== null && row.status === 'submitted') return { kind: 'taken_down', campaign };
  if (row.state !== 'published' || refusal !== null) throw new AppError('not_found');
  const shown = JSON.parse(row.attachment_ids) as string[];
  const byId = new Map(showablePictures(campaign.definition, row.submitted_attachments).map((f) => [f.id, f]));
  const files = shown.map((id) => byId.get(id)).filter((f) => f !== undefined);
  const sizes = new Map((await findPictureSizes(db, files.map((f) => f.id))).map((s) => [s.id, s]));
  return {
    kind: 'shown', campaign, publicId: row.id, title: row.title, unitName: row.unit_name, divisionCode: row.division_code, category: row.category,
    tier: publicTier(facts), summary: row.summary, sections: JSON.parse(row.sections) as Record<string, string>,
    pictures: files.map((f) => ({ ...f, width: sizes.get(f.id)?.width ?? null, height: sizes.get(f.id)?.height ?? null })),
    publishedAt: row.published_at ?? row.updated_at, updatedAt: row.updated_at,
  };
}
