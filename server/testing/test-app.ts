import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { buildApp } from '../app.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { DURING_WINDOW } from './fixtures.ts';

export const TEST_BASE_URL = 'http://zhengji.test';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Moves the app's clock. */
  setNow(now: Date): void;
  /** The app's DATA_DIR, removed when the test finishes. */
  dataDir: string;
}

/** The real app on a private database copy, closed when the test finishes. */
export async function createTestApp(options: { now?: Date; storage?: (dataDir: string) => FileStorage } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  let now = options.now ?? DURING_WINDOW;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-data-'));
  const app = await buildApp({ db: database.db, engine: database.engine, baseUrl: TEST_BASE_URL, dataDir, storage: options.storage?.(dataDir), clock: () => now });
  await app.ready();
  onTestFinished(async () => {
    await app.close();
    await database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, database, dataDir, setNow: (next) => { now = next; } };
}
