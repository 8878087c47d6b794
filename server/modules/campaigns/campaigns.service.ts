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
  findCampaignDefinitions,
  findCampaignSlugById,
  findCampaignVersionBySlug,
  insertCampaignIfAbsent,
  listCampaignRows,
  updateCampaignDefinition,
  type CampaignRow,
  type CampaignVersionRow,
} from './campaigns.repository.ts';
import { isDefinitionFrozen } from '../../../core/campaign/campaign-phase.ts';
import { frozenDefinitionChanges } from '../../../core/campaign/frozen-definition.ts';
import type { CampaignPhase } from '../../db/schema.ts';
import { StartupError } from '../../startup-error.ts';

export interface StoredCampaign {
  id: string;
  definition: Campaign;
  contentHash: string;
  window: CampaignWindow;
  updatedAt: string;
  phase: CampaignPhase;
  phaseChangedAt: string | null;
  /** Which version of the definition is current: scores, assignments and decisions record it. */
  definitionVersion: number;
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
    phase: row.phase,
    phaseChangedAt: row.phase_changed_at,
    definitionVersion: row.definition_version,
  };
}

export function hashCampaign(campaign: Campaign): string {
  return createHash('sha256').update(JSON.stringify(campaign)).digest('hex');
}

/**
 * Makes the stored campaigns match the files: creates new ones, updates changed ones and
 * leaves the rest untouched, so running it on every start never duplicates anything. A file
 * that would change what reviews stand on, for a campaign in review or later, stops the start
 * before anything is written.
 */
export async function syncCampaigns(
  db: Kysely<Database>,
  sources: CampaignSource[],
  now: Date,
): Promise<{ slug: string; action: SyncAction }[]> {
  await refuseFrozenChanges(db, sources);
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

async function refuseFrozenChanges(db: Kysely<Database>, sources: CampaignSource[]): Promise<void> {
  const stored = new Map((await findCampaignDefinitions(db, sources.map((s) => s.campaign.slug))).map((row) => [row.slug, row]));
  const problems: string[] = [];
  for (const { file, campaign } of sources) {
    const row = stored.get(campaign.slug);
    if (!row || !isDefinitionFrozen(row.phase) || row.content_hash === hashCampaign(campaign)) continue;
    const changes = frozenDefinitionChanges(JSON.parse(row.definition) as Campaign, campaign);
    if (changes.length === 0) continue;
    problems.push(
      `${file}: campaign "${campaign.slug}" is in its ${row.phase} phase, so its categories, criteria, weights and scales can no longer change; the file changes:`,
      ...changes.map((c) => `    ${c}`),
    );
  }
  if (problems.length > 0) {
    throw new StartupError(`Campaign files change campaigns under review:\n${problems.map((p) => (p.startsWith('    ') ? `  ${p}` : `  - ${p}`)).join('\n')}\nRestore those parts of the file, or move the campaign back to screening first.`);
  }
}

/** Every campaign, newest window first; campaigns are public information. */
export async function listCampaigns(db: Kysely<Database>): Promise<StoredCampaign[]> {
  return (await listCampaignRows(db)).map(toStoredCampaign);
}

// Which version of a campaign is current is re-read from the database at most once a second
// per instance; a campaign changed elsewhere shows here within that second. Parsed
// definitions are kept by content hash, so a version is never parsed twice.
const VERSION_TTL_MS = 1000;
const versionsByDb = new WeakMap<Kysely<Database>, Map<string, { row: CampaignVersionRow; checkedAt: number }>>();
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
    const row = await findCampaignVersionBySlug(db, slug);
    if (!row) throw new AppError('campaign_not_found', { slug });
    version = { row, checkedAt: now };
    versions.set(slug, version);
  }
  const { row: current } = version;
  let stored = parsed.get(current.content_hash);
  if (!stored || stored.id !== current.id) {
    const row = await findCampaignBySlug(db, slug);
    if (!row) throw new AppError('campaign_not_found', { slug });
    stored = toStoredCampaign(row);
    parsed.set(stored.contentHash, stored);
  }
  // The phase moves without the definition changing: it comes from the version row, not the parse.
  return { ...stored, phase: current.phase, phaseChangedAt: current.phase_changed_at, definitionVersion: current.definition_version };
}

/**
 * Forgets which versions are current, so the next read sees a change made here or elsewhere. The
 * map is replaced, not cleared: a read still on its way, sent before the change, lands in the old one.
 */
export function forgetCampaignVersions(db: Kysely<Database>): void {
  versionsByDb.delete(rootOf(db));
}
