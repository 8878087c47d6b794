import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { openPostgres, openSqlite, type DatabaseHandle } from '../db/database.ts';
import { clonePostgresDatabase, createPostgresTemplate, dropPostgresDatabase } from './postgres-admin.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

/** The engines a migration test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const migrationEngines = pgUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

/** A database with no tables at all, private to the running test and removed after it. */
export async function emptyDatabase(engine: 'sqlite' | 'postgres'): Promise<DatabaseHandle> {
  if (engine === 'sqlite') {
    const handle = openSqlite(path.join(mkdtempSync(path.join(tmpdir(), 'zhengji-mig-')), 'empty.sqlite'));
    onTestFinished(() => handle.db.destroy());
    return handle;
  }
  const template = await createPostgresTemplate(pgUrl!, async () => undefined);
  const { name, url } = await clonePostgresDatabase(pgUrl!, template);
  const handle = openPostgres(url);
  onTestFinished(async () => {
    await handle.db.destroy();
    await dropPostgresDatabase(pgUrl!, name);
    await dropPostgresDatabase(pgUrl!, template);
  });
  return handle;
}
