import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openSqlite } from './database.ts';
import type { AppError } from '../errors.ts';
import { GroupCommit, GroupCommitError } from './group-commit.ts';
import { inTransaction } from './transaction.ts';
import { GUARD_MS } from '../../core/testing/guard.ts';

interface Tables {
  units: { id: string; name: string };
  members: { unit_id: string; name: string };
}

async function database(): Promise<Kysely<Tables>> {
  const handle = openSqlite(path.join(mkdtempSync(path.join(tmpdir(), 'zhengji-group-')), 'db.sqlite'));
  onTestFinished(() => handle.close());
  const db = handle.db as unknown as Kysely<Tables>;
  await sql`create table units (id text primary key, name text not null)`.execute(db);
  await sql`create table members (unit_id text not null references units (id), name text not null)`.execute(db);
  return db;
}

/** A member of no unit, under a foreign key checked only at commit: the whole transaction is refused there. */
async function refusedAtCommit(trx: Kysely<Tables>): Promise<void> {
  await sql`pragma defer_foreign_keys = on`.execute(trx);
  await trx.insertInto('members').values({ unit_id: 'nowhere', name: '张三' }).execute();
}

const names = async (db: Kysely<Tables>) => (await db.selectFrom('units').select('name').orderBy('name').execute()).map((r) => r.name);

describe('GroupCommit', () => {
  it('commits the units that arrive together once, and each sees the ones before it', async () => {
    const db = await database();
    const group = new GroupCommit(db);
    const counts = await Promise.all(['一', '二', '三'].map((name, i) =>
      group.run(async (trx) => {
        await trx.insertInto('units').values({ id: String(i), name }).execute();
        return (await trx.selectFrom('units').select('id').execute()).length;
      })));
    expect(counts).toEqual([1, 2, 3]);
    expect(group.commits).toBe(1);
    expect(await names(db)).toEqual(['一', '三', '二']);
  });

  it('rolls back only the unit that fails, and rejects it with its own error', async () => {
    const db = await database();
    const group = new GroupCommit(db);
    const outcomes = await Promise.allSettled([
      group.run((trx) => trx.insertInto('units').values({ id: 'a', name: '甲' }).execute()),
      group.run(async (trx) => {
        await trx.insertInto('units').values({ id: 'b', name: '乙' }).execute();
        throw new Error('版本冲突');
      }),
      // A constraint the database itself refuses: the row already there from the first unit.
      group.run((trx) => trx.insertInto('units').values({ id: 'a', name: '丙' }).execute()),
      group.run((trx) => trx.insertInto('units').values({ id: 'd', name: '丁' }).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('版本冲突');
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(group.commits).toBe(1);
    expect(await names(db)).toEqual(['丁', '甲']);
  });

  it('reports success to no unit when the commit itself fails, and keeps none of the group', async () => {
    const db = await database();
    const group = new GroupCommit(db);
    const outcomes = await Promise.allSettled([
      group.run((trx) => trx.insertInto('units').values({ id: 'a', name: '甲' }).execute()),
      group.run(refusedAtCommit),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(GroupCommitError);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(group.commits).toBe(0);
    expect(await names(db)).toEqual([]);
    // The next group starts afresh.
    await group.run((trx) => trx.insertInto('units').values({ id: 'b', name: '乙' }).execute());
    expect(await names(db)).toEqual(['乙']);
  });

  it('tells a failed unit its own error only once the group stands; if it falls, that instead', async () => {
    const db = await database();
    const group = new GroupCommit(db);
    const outcomes = await Promise.allSettled([
      group.run((trx) => trx.insertInto('units').values({ id: 'a', name: '甲' }).execute()),
      // Refused because of the first unit's row, which the commit below never keeps.
      group.run((trx) => trx.insertInto('units').values({ id: 'a', name: '乙' }).execute()),
      group.run(refusedAtCommit),
    ]);
    for (const outcome of outcomes) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(GroupCommitError);
  });

  it('when SQLite abandons the transaction, gives the unit that caused it its error and runs the units after it again', async () => {
    const db = await database();
    const group = new GroupCommit(db);
    const outcomes = await Promise.allSettled([
      group.run((trx) => trx.insertInto('units').values({ id: 'a', name: '甲' }).execute()),
      // ON CONFLICT ROLLBACK ends the whole transaction, savepoints and all.
      group.run((trx) => sql`insert or rollback into units (id, name) values ('a', '重复')`.execute(trx)),
      group.run((trx) => trx.insertInto('units').values({ id: 'c', name: '丙' }).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(GroupCommitError);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect((outcomes[1] as PromiseRejectedResult).reason).not.toBeInstanceOf(GroupCommitError);
    expect(await names(db)).toEqual(['丙']);
  });

  it('refuses a query a unit started but did not wait for, instead of committing it with the next unit', async () => {
    const db = await database();
    const group = new GroupCommit(db);
    let straggler: Promise<unknown> = Promise.resolve();
    const outcomes = await Promise.allSettled([
      group.run(async (trx) => {
        // Caught at once: what it failed with is checked below.
        straggler = (async () => {
          await new Promise((resolve) => setImmediate(resolve));
          await trx.insertInto('units').values({ id: 'late', name: '迟到' }).execute();
        })().catch((error: unknown) => error);
        throw new Error('失败');
      }),
      group.run(async (trx) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await trx.insertInto('units').values({ id: 'b', name: '乙' }).execute();
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(String(await straggler)).toMatch(/already finished/);
    expect(await names(db)).toEqual(['乙']);
  });

  it('gives up a unit that never finishes after the time limit, commits the others, and runs the next group normally', async () => {
    const db = await database();
    const group = new GroupCommit(db, { unitTimeLimitMs: 50 });
    let hungTrx: Kysely<Tables> | undefined;
    const outcomes = await Promise.allSettled([
      group.run((trx) => trx.insertInto('units').values({ id: 'a', name: '甲' }).execute()),
      group.run(async (trx) => {
        hungTrx = trx;
        await trx.insertInto('units').values({ id: 'hung', name: '挂起' }).execute();
        await new Promise(() => undefined);
      }),
      group.run((trx) => trx.insertInto('units').values({ id: 'c', name: '丙' }).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (outcomes[1] as PromiseRejectedResult).reason as AppError;
    expect([reason.code, reason.status, reason.messageIn('zh-CN'), reason.messageIn('en')]).toEqual([
      'timed_out', 503,
      '处理时间过长（超过 0.05 秒），操作已取消，未保存任何更改。请稍后再试。',
      'This took too long (over 0.05 s) and was cancelled; nothing was saved. Please try again shortly.',
    ]);
    expect(group.commits).toBe(1);
    // Its savepoint was rolled back, and what it tries later is refused, not committed with another unit.
    expect(await names(db)).toEqual(['丙', '甲']);
    await expect(hungTrx!.insertInto('units').values({ id: 'late', name: '迟到' }).execute()).rejects.toThrow(/already finished/);
    await group.run((trx) => trx.insertInto('units').values({ id: 'd', name: '丁' }).execute());
    expect(group.commits).toBe(2);
    expect(await names(db)).toEqual(['丁', '丙', '甲']);
  }, GUARD_MS);

  it('starts a new group for what arrives while one runs, and no group is larger than 32', async () => {
    const db = await database();
    const group = new GroupCommit(db);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = group.run(async (trx) => {
      await trx.insertInto('units').values({ id: 'first', name: '首' }).execute();
      await held;
    });
    await new Promise((resolve) => setImmediate(resolve));
    const later = Array.from({ length: 40 }, (_, i) => group.run((trx) => trx.insertInto('units').values({ id: `u${i}`, name: `单位${i}` }).execute()));
    release();
    await Promise.all([first, ...later]);
    expect(group.commits).toBe(3);
    expect(await db.selectFrom('units').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).toEqual({ n: 41 });
  });

  it('is what inTransaction uses on SQLite: units that arrive together commit together', async () => {
    const db = (await database()) as unknown as Parameters<typeof inTransaction>[0];
    const outcomes = await Promise.allSettled([
      inTransaction(db, (trx) => sql`insert into units (id, name) values ('a', '甲')`.execute(trx)),
      inTransaction(db, (trx) => refusedAtCommit(trx as never)),
    ]);
    // One transaction each would have kept the first unit.
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
