import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { StartupError } from '../startup-error.ts';
import type { Database } from './schema.ts';
import { startCheckpointer } from './sqlite-checkpointer.ts';
import { commitInGroups } from './transaction.ts';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, safe to log: a file path or host/database without credentials. */
  location: string;
  /** Closes the database and anything working beside it. */
  close(): Promise<void>;
}

export const SQLITE_FILE = 'zhengji.sqlite';

/** Opens the configured engine and proves it answers; throws StartupError with the reason. */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  /** SQLite: checkpoint the write-ahead log on a worker thread (the server), not in commits. */
  backgroundCheckpoints?: boolean;
  /** Told when that worker stops and checkpoints are back in commits (default: a process warning). */
  onCheckpointerFailure?: (error: Error) => void;
  /** SQLite: how long one unit of work may hold its group commit (default 5 s). */
  unitTimeLimitMs?: number;
}): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openSqlite(path.join(ensureWritableDir(options.dataDir), SQLITE_FILE), options);
  try {
    await sql`select 1`.execute(handle.db);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw new StartupError(`Cannot connect to the database at ${handle.location}: ${describeDbError(error)}`);
  }
  return handle;
}

/** What a stopped checkpoint worker means, as a process warning (on stderr). */
export function warnCheckpointerFailure(error: Error): void {
  process.emitWarning(`SQLite checkpoints are back in commits: ${error.message}`);
}

const CHECKPOINT_WORKER_INTERVAL_MS = 10;
const CHECKPOINT_FINISH_INTERVAL_MS = 250;
const MMAP_BYTES = 1024 ** 3;

export function openSqlite(
  file: string,
  options: { backgroundCheckpoints?: boolean; onCheckpointerFailure?: (error: Error) => void; unitTimeLimitMs?: number } = {},
): DatabaseHandle {
  let database: SQLite.Database;
  try {
    database = new SQLite(file);
  } catch (error) {
    throw new StartupError(`Cannot open the SQLite database ${file}: ${(error as Error).message}`);
  }
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  // Savepoints (group commit, see transaction.ts) keep the pages they may roll back in memory,
  // not in a temporary file.
  database.pragma('temp_store = MEMORY');
  // Pages are read from a memory map instead of a read() call each: system calls are what a
  // small query mostly costs on a virtual machine.
  database.pragma(`mmap_size = ${MMAP_BYTES}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  commitInGroups(db, { unitTimeLimitMs: options.unitTimeLimitMs });
  const checkpointer = options.backgroundCheckpoints
    ? startCheckpointer({
      file,
      database,
      finish: async () => (await sql<{ busy: number }>`pragma wal_checkpoint(PASSIVE)`.execute(db)).rows[0]?.busy === 0,
      workerIntervalMs: CHECKPOINT_WORKER_INTERVAL_MS,
      finishIntervalMs: CHECKPOINT_FINISH_INTERVAL_MS,
      onFailure: options.onCheckpointerFailure ?? warnCheckpointerFailure,
    })
    : undefined;
  const close = async () => {
    await checkpointer?.stop();
    // As the last connection, the app's copies what is left of the log and removes it.
    await db.destroy();
  };
  return { db, engine: 'sqlite', location: file, close };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query it runs; compiling the SQL is most of what a small query costs
 * on SQLite (a submit runs about twenty). This keeps the most recently used prepared statements
 * by their SQL text. A statement still being iterated (a streamed select) is never handed out
 * twice: a fresh one is prepared instead.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sqlText: string) {
      const cached = cache.get(sqlText);
      if (cached && !cached.busy) {
        cache.delete(sqlText);
        cache.set(sqlText, cached);
        return cached;
      }
      const statement = database.prepare(sqlText);
      if (!cached) {
        cache.set(sqlText, statement);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

// bigint columns (file sizes, counts) come back as numbers on both engines; every size we store
// is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

export function openPostgres(url: string): DatabaseHandle {
  const parsed = new URL(url);
  const location = `postgres://${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location, close: () => db.destroy() };
}

function ensureWritableDir(dir: string): string {
  const absolute = path.resolve(dir);
  try {
    mkdirSync(absolute, { recursive: true });
    const probe = path.join(absolute, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(`DATA_DIR ${absolute} cannot be written (${code}); create it or point DATA_DIR elsewhere`);
  }
  return absolute;
}

function describeDbError(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = e.code ?? e.errors?.[0]?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is PostgreSQL running and listening there?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case '28P01':
    case '28000':
      return 'the user name or password was not accepted';
    case '3D000':
      return 'that database does not exist (create it first)';
    default:
      return e.message || String(code ?? error);
  }
}
