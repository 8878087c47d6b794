import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { getCampaignById } from '../campaigns/campaigns.service.ts';
import type { ShownCase } from '../publishing/public-case.service.ts';
import { findImportedCase } from './library-import.repository.ts';

// An imported earlier-edition case as its public page shows it (decision 0044): the same page as
// a native published case, with its tier as imported and no pictures (the file carries none).

/** The case page's content for an imported case; not_found when there is none at this address. */
export async function readImportedCase(db: Kysely<Database>, slug: string, publicId: string): Promise<ShownCase> {
  const row = await findImportedCase(db, publicId);
  if (!row || row.slug !== slug) throw new AppError('not_found');
  return {
    kind: 'shown', campaign: await getCampaignById(db, row.campaign_id), publicId: row.id, title: row.title, unitName: row.unit_name,
    divisionCode: row.division_code, category: row.category, tier: row.tier, summary: row.summary, sections: JSON.parse(row.sections) as Record<string, string>,
    pictures: [], publishedAt: row.created_at, updatedAt: row.created_at,
  };
}
