import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { readCampaignFiles } from '../modules/campaigns/campaign-files.ts';
import { syncCampaigns } from '../modules/campaigns/campaigns.service.ts';
import { DEMO_REVIEW_SLUG, DEMO_SCREENING_SLUG, DEMO_SLUG, writeDemoCampaigns } from './demo-campaign.ts';
import { seedDemo } from './seed-demo.ts';
import { localStorage } from '../storage/file-storage.ts';

// The demo's data folder: its SQLite database and files, its campaigns (campaigns/) and a note
// (demo.json) saying whether seeding finished. A finished demo is used as it is; one whose seeding
// stopped midway is made again; a folder that is not a demo's is never touched.

const NOTE = 'demo.json';

export interface DemoNote {
  complete: boolean;
  seededAt: string;
  units: number;
  seconds?: number;
}

export const demoCampaignsDir = (dataDir: string) => path.join(dataDir, 'campaigns');

export function readDemoNote(dataDir: string): DemoNote | null {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, NOTE), 'utf8')) as DemoNote;
  } catch {
    return null;
  }
}

/**
 * Makes `dataDir` hold a seeded demo of `units` units unless it already does; returns whether it
 * seeded. Refuses a folder with other contents.
 */
export async function ensureDemoData(options: { dataDir: string; units: number; baseUrl: string; log: (line: string) => void; now?: () => Date }): Promise<boolean> {
  const { dataDir, log } = options;
  const clock = options.now ?? (() => new Date());
  const note = readDemoNote(dataDir);
  if (note?.complete) {
    log(`demo: using the demo seeded on ${note.seededAt} in ${path.resolve(dataDir)} (delete the folder for a fresh one)`);
    return false;
  }
  if (note) {
    log(`demo: the last seeding in ${path.resolve(dataDir)} did not finish; starting again`);
    rmSync(dataDir, { recursive: true, force: true });
  } else if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${path.resolve(dataDir)} is not empty and holds no demo: choose another DEMO_DATA_DIR for the demo`);
  }
  const seededAt = clock();
  writeDemoCampaigns(demoCampaignsDir(dataDir), seededAt, options.units);
  writeFileSync(path.join(dataDir, NOTE), JSON.stringify({ complete: false, seededAt: seededAt.toISOString(), units: options.units } satisfies DemoNote));
  const started = performance.now();
  const database = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    await migrateToLatest(database.db);
    await syncCampaigns(database.db, readCampaignFiles(demoCampaignsDir(dataDir)), clock());
    log(`demo: seeding ${options.units} units into ${path.resolve(dataDir)}`);
    await seedDemo({
      db: database.db, engine: database.engine, dataDir, storage: localStorage(dataDir), baseUrl: options.baseUrl, clock, slug: DEMO_SLUG, reviewSlug: DEMO_REVIEW_SLUG, screeningSlug: DEMO_SCREENING_SLUG, units: options.units, log,
    });
  } finally {
    await database.close();
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  writeFileSync(path.join(dataDir, NOTE), JSON.stringify({ complete: true, seededAt: seededAt.toISOString(), units: options.units, seconds } satisfies DemoNote, null, 2));
  return true;
}
