import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openPostgres, openSqlite, type DatabaseHandle, type Engine } from '../db/database.ts';
import type { DatabaseSource } from '../backup/backup.ts';
import { clonePostgresDatabase, dropPostgresDatabase } from './postgres-admin.ts';

/** The engine this run tests: PostgreSQL when TEST_DATABASE_URL is set, SQLite otherwise. */
export function testEngine(): Engine {
  return inject('postgresTemplate') ? 'postgres' : 'sqlite';
}

export interface TestDatabase extends DatabaseHandle {
  /** Where the copy lives, for tools that open it themselves (backup). */
  source: DatabaseSource;
  /** Closes the connection and removes the copy. */
  dispose(): Promise<void>;
}

/** A fresh copy of the migrated template with the real campaigns loaded, private to one test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const pgTemplate = inject('postgresTemplate');
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (pgTemplate && baseUrl) {
    const { name, url } = await clonePostgresDatabase(baseUrl, pgTemplate);
    const handle = openPostgres(url);
    return {
      ...handle,
      source: { engine: 'postgres', url },
      dispose: async () => {
        await handle.db.destroy();
        await dropPostgresDatabase(baseUrl, name);
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-db-'));
  const file = path.join(dir, 'test.sqlite');
  copyFileSync(inject('sqliteTemplate'), file);
  const handle = openSqlite(file);
  return {
    ...handle,
    source: { engine: 'sqlite', file },
    dispose: async () => {
      await handle.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
