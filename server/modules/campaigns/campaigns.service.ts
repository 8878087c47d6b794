import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Campaign } from '../../../core/campaign/campaign.schema.ts';
import { campaignWindow, type CampaignWindow } from '../../../core/campaign/campaign.window.ts';
import type { Database } from '../../db/schema.ts';
import { rootOf } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { LruCache } from '../../shared/lru-cache.ts';
import {
  findCampaignBySlug,
  findCampaignHashBySlug,
  findCampaignSlugById,
  insertCampaignIfAbsent,
  listCampaignRows,
  updateCampaignDefinition,
  type CampaignRow,
} from './campaigns.repository.ts';

export interface StoredCampaign {
  id: string;
  definition: Campaign;
  contentHash: string;
  window: CampaignWindow;
  updatedAt: string;
}

export interface CampaignSource {
  file: string;
  campaign: Campaign;
}

export type SyncAction = 'created' | 'updated' | 'unchanged';

function toStoredCampaign(row: CampaignRow): StoredCampaign {
  const definition = JSON.parse(row.definition) as Campaign;
  return {
    id: row.id,
    definition,
    contentHash: row.content_hash,
    window: campaignWindow(definition),
    updatedAt: row.updated_at,
  };
}

export function hashCampaign(campaign: Campaign): string {
  return createHash('sha256').update(JSON.stringify(campaign)).digest('hex');
}

/**
 * Makes the stored campaigns match the files: creates new ones, updates changed ones and
 * leaves the rest untouched, so running it on every start never duplicates anything.
 */
export async function syncCampaigns(
  db: Kysely<Database>,
  sources: CampaignSource[],
  now: Date,
): Promise<{ slug: string; action: SyncAction }[]> {
  const outcomes: { slug: string; action: SyncAction }[] = [];
  for (const { file, campaign } of sources) {
    const window = campaignWindow(campaign);
    const values = {
      edition: campaign.edition,
      definition: JSON.stringify(campaign),
      content_hash: hashCampaign(campaign),
      source_file: file,
      time_zone: window.timeZone,
      opens_at: window.opensAt.toISOString(),
      closes_at: window.closesAt.toISOString(),
      updated_at: now.toISOString(),
    };
    const created = await insertCampaignIfAbsent(db, {
      id: newId(),
      slug: campaign.slug,
      created_at: now.toISOString(),
      ...values,
    });
    const action: SyncAction = created
      ? 'created'
      : (await updateCampaignDefinition(db, campaign.slug, values))
        ? 'updated'
        : 'unchanged';
    outcomes.push({ slug: campaign.slug, action });
  }
  versionsOf(db).clear();
  return outcomes;
}

/** Every campaign, newest window first; campaigns are public information. */
export async function listCampaigns(db: Kysely<Database>): Promise<StoredCampaign[]> {
  return (await listCampaignRows(db)).map(toStoredCampaign);
}

// Which version of a campaign is current is re-read from the database at most once a second
// per instance; a campaign changed elsewhere shows here within that second. Parsed
// definitions are kept by content hash, so a version is never parsed twice.
const VERSION_TTL_MS = 1000;
const versionsByDb = new WeakMap<Kysely<Database>, Map<string, { id: string; hash: string; checkedAt: number }>>();
const parsed = new LruCache<StoredCampaign>(50);

function versionsOf(db: Kysely<Database>) {
  const root = rootOf(db);
  let versions = versionsByDb.get(root);
  if (!versions) {
    versions = new Map();
    versionsByDb.set(root, versions);
  }
  return versions;
}

// A campaign's slug never changes once it exists (files are synced by slug), so the slug of an
// id is looked up once per process rather than on every request that starts from a case.
const slugById = new Map<string, string>();

/** The campaign with this id (a case's campaign), through the same cache as getCampaign. */
export async function getCampaignById(db: Kysely<Database>, id: string): Promise<StoredCampaign> {
  let slug = slugById.get(id);
  if (!slug) {
    slug = (await findCampaignSlugById(db, id))?.slug;
    if (!slug) throw new AppError('campaign_not_found', { slug: id });
    slugById.set(id, slug);
  }
  return getCampaign(db, slug);
}

/** The campaign with this slug, or AppError campaign_not_found. */
export async function getCampaign(db: Kysely<Database>, slug: string): Promise<StoredCampaign> {
  const versions = versionsOf(db);
  const now = performance.now();
  let version = versions.get(slug);
  if (!version || now - version.checkedAt > VERSION_TTL_MS) {
    const row = await findCampaignHashBySlug(db, slug);
    if (!row) throw new AppError('campaign_not_found', { slug });
    version = { id: row.id, hash: row.content_hash, checkedAt: now };
    versions.set(slug, version);
  }
  const cached = parsed.get(version.hash);
  if (cached && cached.id === version.id) return cached;
  const row = await findCampaignBySlug(db, slug);
  if (!row) throw new AppError('campaign_not_found', { slug });
  const stored = toStoredCampaign(row);
  parsed.set(stored.contentHash, stored);
  return stored;
}
