import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openSqlite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { readCampaignFiles } from '../modules/campaigns/campaign-files.ts';
import { syncCampaigns } from '../modules/campaigns/campaigns.service.ts';
import { createPostgresTemplate, dropPostgresDatabase } from './postgres-admin.ts';
import { TEMPLATE_TIME } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplate: string | null;
  }
}

// One migrated database with the real campaigns, built once per run; every test copies it.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-test-'));
  const file = path.join(dir, 'template.sqlite');
  const { db } = openSqlite(file);
  await migrateToLatest(db);
  await syncCampaigns(db, readCampaignFiles('campaigns'), TEMPLATE_TIME);
  await db.destroy();
  project.provide('sqliteTemplate', file);

  const url = process.env.TEST_DATABASE_URL;
  let pgTemplate: string | null = null;
  if (url) {
    pgTemplate = await createPostgresTemplate(url, async (pgDb) => {
      await migrateToLatest(pgDb);
      await syncCampaigns(pgDb, readCampaignFiles('campaigns'), TEMPLATE_TIME);
    });
  } else {
    console.log('TEST_DATABASE_URL is not set: the integration suite runs on SQLite only (.ci/run runs it on PostgreSQL too).');
  }
  project.provide('postgresTemplate', pgTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && pgTemplate) await dropPostgresDatabase(url, pgTemplate);
  };
}
