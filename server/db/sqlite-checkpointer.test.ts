import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { openSqlite } from './database.ts';
import { startCheckpointer } from './sqlite-checkpointer.ts';

/** A connection in WAL mode as openSqlite makes it, with the driver's handle in reach. */
function rawConnection(file: string) {
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
  return { database, db, close: () => db.destroy() };
}

// Under 32 MB of steady writes the log stays at 4–7 MB with both halves (measured), and holds
// all 32 MB when nothing copies it.
const SMALL_LOG = 16 * 1024 * 1024;

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'zhengji-ckpt-')), 'db.sqlite');

/** Writes about `megabytes` MB of rows, each transaction 64 KB. */
async function write(handle: { db: Kysely<any> }, megabytes: number): Promise<void> {
  await sql`create table if not exists filler (id integer primary key, body text not null)`.execute(handle.db);
  for (let i = 0; i < megabytes * 16; i += 1) {
    await sql`insert into filler (body) values (${'征'.repeat(64 * 1024 / 3)})`.execute(handle.db);
  }
}

/** About `megabytes` MB in 64 KB transactions spread over a second or more, as a busy server writes. */
async function steadyWrites(handle: { db: Kysely<any> }, megabytes: number): Promise<void> {
  await sql`create table if not exists filler (id integer primary key, body text not null)`.execute(handle.db);
  const started = Date.now();
  for (let i = 0; i < megabytes * 16; i += 1) {
    await sql`insert into filler (body) values (${'征'.repeat(64 * 1024 / 3)})`.execute(handle.db);
    // Time passes between requests, for the timers of both halves to run.
    const due = started + (1500 * (i + 1)) / (megabytes * 16);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe('background WAL checkpoints (SQLite)', () => {
  it('copy committed pages into the database file while the app keeps its connection open', async () => {
    const file = tempFile();
    const handle = openSqlite(file, { backgroundCheckpoints: true });
    onTestFinished(() => handle.close());
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
    expect(rows[0]!.wal_autocheckpoint).toBe(0);
    await write(handle, 4);
    // Nothing in the app's commits checkpoints, so only the worker can grow the database file.
    expect(await waitFor(() => statSync(file).size >= 4 * 1024 * 1024, 5000)).toBe(true);
  });

  it('leave the log alone without the worker (the control for the test above)', async () => {
    const file = tempFile();
    const handle = openSqlite(file);
    onTestFinished(() => handle.close());
    await sql`pragma wal_autocheckpoint = 0`.execute(handle.db);
    await write(handle, 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
  });

  it('end with the database: the last close copies the rest and removes the log', async () => {
    const file = tempFile();
    const handle = openSqlite(file, { backgroundCheckpoints: true });
    await write(handle, 1);
    await handle.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = openSqlite(file);
    onTestFinished(() => reopened.close());
    const { rows } = await sql<{ n: number }>`select count(*) as n from filler`.execute(reopened.db);
    expect(rows[0]!.n).toBe(16);
  });

  it('keep the log small under steady writes: it starts again from the top instead of growing', async () => {
    const file = tempFile();
    const handle = openSqlite(file, { backgroundCheckpoints: true });
    onTestFinished(() => handle.close());
    await steadyWrites(handle, 32);
    expect(statSync(`${file}-wal`).size).toBeLessThan(SMALL_LOG);
  });

  it('let the log grow past that bound when nothing copies it (the control for the test above)', async () => {
    const file = tempFile();
    const handle = rawConnection(file);
    // Neither half gets to run during the writes.
    const checkpointer = startCheckpointer({
      file, database: handle.database, finish: async () => true, workerIntervalMs: 60_000, finishIntervalMs: 60_000, onFailure: () => undefined,
    });
    onTestFinished(async () => {
      await checkpointer.stop();
      await handle.close();
    });
    await steadyWrites(handle, 32);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(SMALL_LOG);
  });

  it('report a worker that cannot work, once, and let the app checkpoint itself again', async () => {
    const handle = rawConnection(tempFile());
    onTestFinished(() => handle.close());
    const onFailure = vi.fn();
    const checkpointer = startCheckpointer({
      file: path.join(tempFile(), 'missing-folder', 'db.sqlite'), database: handle.database, finish: async () => true,
      workerIntervalMs: 50, finishIntervalMs: 60_000, onFailure,
    });
    await waitFor(() => onFailure.mock.calls.length > 0, 5000);
    await checkpointer.stop();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(String(onFailure.mock.calls[0]![0])).toMatch(/unable to open|directory does not exist/i);
    expect(handle.database.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
