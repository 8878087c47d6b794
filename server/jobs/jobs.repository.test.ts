import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openSqlite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { leaseNextJob } from './jobs.repository.ts';

describe('leasing due jobs (SQLite plan)', () => {
  it('takes the oldest due job in index order, without sorting the backlog', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zhengji-jobs-')), 'db.sqlite');
    const handle = openSqlite(file);
    onTestFinished(() => handle.close());
    await migrateToLatest(handle.db);
    // A second connection that records the SQL the lease runs, so the test reads its plan.
    const raw = new SQLite(file);
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const logged = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (event) => void statements.push(event.query) });
    onTestFinished(() => logged.destroy());

    const lease = { kinds: ['mail.send'], now: '2024-06-30T00:00:00.000Z', workerId: 'w', token: 't', lockedUntil: '2024-06-30T00:01:00.000Z' };
    expect(await leaseNextJob(logged, 'sqlite', lease)).toBeUndefined();
    const [statement] = statements;
    const plan = raw.prepare(`explain query plan ${statement!.sql}`).all(...(statement!.parameters as unknown[])) as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toContain('jobs_due_order');
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
