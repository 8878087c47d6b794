import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openPostgres, openSqlite, SQLITE_FILE, type DatabaseHandle } from '../db/database.ts';
import { openSeventhCampaignFolder } from './campaign-files.ts';
import { createEmptyPostgresDatabase, dropPostgresDatabase } from './postgres-admin.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { testEngine } from './test-database.ts';

// The real server process on the engine this run tests, with a data folder and a database that
// outlive it: for tests that kill it with SIGKILL and start it again on the same data.

export interface CrashableServer {
  /** Starts (or starts again) the server on the same data; `env` adds to or overrides its environment. */
  start(env?: Record<string, string>): Promise<ServerProcess>;
  /** The test's own connection to the server's database. */
  handle: DatabaseHandle;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function crashableServer(): Promise<CrashableServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-crash-'));
  const campaigns = openSeventhCampaignFolder();
  const env: Record<string, string> = { DATA_DIR: dataDir, CAMPAIGNS_DIR: campaigns };
  const baseUrl = process.env.TEST_DATABASE_URL;
  let pg: { name: string; url: string } | undefined;
  if (testEngine() === 'postgres' && baseUrl) {
    pg = await createEmptyPostgresDatabase(baseUrl);
    env.DATABASE_URL = pg.url;
  }
  const first = await startServerProcess(env);
  // The server made the schema on its first start; only now can the test open the database.
  first.child.kill('SIGTERM');
  await new Promise((done) => first.child.once('exit', done));
  const handle = pg ? openPostgres(pg.url) : openSqlite(path.join(dataDir, SQLITE_FILE));
  // The test writes beside a loaded server process: wait for its writes longer than the app does.
  if (!pg) await sql`pragma busy_timeout = 30000`.execute(handle.db);
  return {
    start: (more = {}) => startServerProcess({ ...env, ...more }),
    handle,
    dataDir,
    async dispose() {
      await handle.close();
      if (pg && baseUrl) await dropPostgresDatabase(baseUrl, pg.name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
