import type { Kysely } from 'kysely';
import { normalizeText } from '../../../core/search/normalize.ts';
import { indexTokens, presenceTokens } from '../../../core/search/tokens.ts';
import type { Database } from '../../db/schema.ts';
import { deleteSearchDocument, insertSearchDocument } from './search.repository.ts';

// The case library's index: one document per published case, written in the transaction that
// publishes, edits or unpublishes it (decision 0038).

/** A published case as the library searches and shows it. Every text field is plain text. */
export interface SearchDocument {
  id: string;
  campaignId: string;
  campaignSlug: string;
  category: string;
  tier: 'best' | 'excellent' | null;
  /** Two-digit division code of the unit's province. */
  province: string | null;
  title: string;
  unitName: string;
  summary: string;
  /** The five sections, joined, without markup (markup is searched and shown as text). */
  body: string;
  /** ISO-8601 UTC. */
  publishedAt: string;
}

/** Inserts the document or replaces the one with its id; runs in the caller's transaction when `db` is one. */
export async function indexDocument(db: Kysely<Database>, doc: SearchDocument): Promise<void> {
  const normTitle = normalizeText(doc.title);
  const normUnit = normalizeText(doc.unitName);
  // One line per field: a term (never white space) cannot run from one field into the next.
  const normText = [normTitle, normUnit, normalizeText(doc.summary), normalizeText(doc.body)].join('\n');
  await deleteSearchDocument(db, doc.id);
  await insertSearchDocument(db, {
    document: {
      id: doc.id,
      campaign_id: doc.campaignId,
      campaign_slug: doc.campaignSlug,
      category: doc.category,
      tier: doc.tier,
      province: doc.province,
      title: doc.title,
      unit_name: doc.unitName,
      norm_title: normTitle,
      norm_unit: normUnit,
      published_at: doc.publishedAt,
    },
    text: { summary: doc.summary, body: doc.body, norm_text: normText },
    tokens: indexTokens(normText),
    heads: { title: presenceTokens(normTitle), unit: presenceTokens(normUnit) },
  });
}

/** Takes the document out of the index; nothing happens when it is not there. */
export async function removeDocument(db: Kysely<Database>, id: string): Promise<void> {
  await deleteSearchDocument(db, id);
}
