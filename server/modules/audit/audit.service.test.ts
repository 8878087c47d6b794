import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { GENESIS_HASH, hashAuditRecord } from './audit-hash.ts';
import { appendAudit, verifyAuditChain, type AuditInput } from './audit.service.ts';

const NOW = new Date('2024-05-01T02:00:00.000Z');

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle.db;
}

function input(n: number): AuditInput {
  return { actorId: 'user-1', actorLabel: 'admin@zhengji.cn', action: 'organization.update', subjectType: 'organization', subjectId: `org-${n}`, change: { n } };
}

/** Appends entries 1..count, each in its own transaction, one second apart. */
async function appendMany(db: Kysely<Database>, count: number) {
  for (let n = 1; n <= count; n++) {
    await db.transaction().execute((trx) => appendAudit(trx, input(n), new Date(NOW.getTime() + n * 1000)));
  }
}

const head = (db: Kysely<Database>) => db.selectFrom('audit_head').selectAll().execute();
const seqs = async (db: Kysely<Database>) => (await db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);

describe(`appendAudit (${testEngine()})`, () => {
  it('writes the entry with canonical JSON and the documented hash, and moves the head', async () => {
    const db = await database();
    const change = { name: { to: '乙社区党委', from: '甲社区党委' }, note: undefined };
    const entry = await db.transaction().execute((trx) =>
      appendAudit(trx, { actorId: 'user-1', actorLabel: '张三 <zhang@example.cn>', action: 'organization.update', subjectType: 'organization', subjectId: 'org-1', change }, NOW),
    );
    const canonical =
      '{"action":"organization.update","actorId":"user-1","actorLabel":"张三 <zhang@example.cn>","at":"2024-05-01T02:00:00.000Z",' +
      '"change":{"name":{"from":"甲社区党委","to":"乙社区党委"}},"seq":1,"subjectId":"org-1","subjectType":"organization"}';
    const hash = createHash('sha256').update(`${'0'.repeat(64)}\n${canonical}`).digest('hex');
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([
      {
        seq: 1,
        at: '2024-05-01T02:00:00.000Z',
        actor_id: 'user-1',
        actor_label: '张三 <zhang@example.cn>',
        action: 'organization.update',
        subject_type: 'organization',
        subject_id: 'org-1',
        change: '{"name":{"from":"甲社区党委","to":"乙社区党委"}}',
        prev_hash: '0'.repeat(64),
        hash,
      },
    ]);
    expect(entry.change).toEqual({ name: { from: '甲社区党委', to: '乙社区党委' } });
    expect(await head(db)).toEqual([{ id: 1, seq: 1, hash }]);
  });

  it('links each entry to the one before', async () => {
    const db = await database();
    await appendMany(db, 3);
    const rows = await db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, rows[0]!.hash, rows[1]!.hash]);
    expect(await head(db)).toEqual([{ id: 1, seq: 3, hash: rows[2]!.hash }]);
  });

  it('leaves no entry and an unchanged head when the transaction rolls back', async () => {
    const db = await database();
    await appendMany(db, 2);
    const before = await head(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, input(3), NOW);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await seqs(db)).toEqual([1, 2]);
    expect(await head(db)).toEqual(before);
    await db.transaction().execute((trx) => appendAudit(trx, input(3), NOW));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 3, headSeq: 3 });
  });

  it('refuses to run outside a transaction', async () => {
    const db = await database();
    await expect(appendAudit(db, input(1), NOW)).rejects.toThrow('appendAudit must run inside the transaction of the change it records');
    expect(await seqs(db)).toEqual([]);
    expect(await head(db)).toEqual([]);
  });

  it('gives 20 concurrent appends seq 1..20 in one valid chain', async () => {
    const db = await database();
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.transaction().execute((trx) => appendAudit(trx, input(i + 1), NOW))),
    );
    const expected = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(expected);
    expect(await seqs(db)).toEqual(expected);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 20, headSeq: 20 });
  });
});

describe(`verifyAuditChain (${testEngine()})`, () => {
  it('accepts an empty log and an intact chain, read in pages of any size', async () => {
    const db = await database();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 0, headSeq: 0 });
    await appendMany(db, 7);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 7, headSeq: 7 });
    expect(await verifyAuditChain(db, { pageSize: 2 })).toEqual({ ok: true, count: 7, headSeq: 7 });
    expect(await verifyAuditChain(db, { pageSize: 7 })).toEqual({ ok: true, count: 7, headSeq: 7 });
  });

  it('finds an edited change at its seq, even one that only reformats the JSON', async () => {
    const db = await database();
    await appendMany(db, 5);
    await db.updateTable('audit_log').set({ change: '{"n":33}' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db, { pageSize: 2 })).toEqual({ ok: false, seq: 3, problem: 'edited' });
    await db.updateTable('audit_log').set({ change: '{ "n": 3 }' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'edited' });
    await db.updateTable('audit_log').set({ change: '{"n":3}', actor_label: 'someone else' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'edited' });
  });

  it('finds a deleted middle entry as missing', async () => {
    const db = await database();
    await appendMany(db, 5);
    await db.deleteFrom('audit_log').where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'missing' });
  });

  it('finds deleted last entries as truncated at the first one gone', async () => {
    const db = await database();
    await appendMany(db, 5);
    await db.deleteFrom('audit_log').where('seq', '=', 5).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 5, problem: 'truncated' });
    await db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 4, problem: 'truncated' });
  });

  it('finds a rewritten entry with a recomputed hash as a broken link to the next one', async () => {
    const db = await database();
    await appendMany(db, 5);
    const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    const forged = { seq: 3, at: row.at, actorId: row.actor_id, actorLabel: row.actor_label, action: row.action, subjectType: row.subject_type, subjectId: row.subject_id, change: { n: 99 } };
    await db.updateTable('audit_log').set({ change: '{"n":99}', hash: hashAuditRecord(row.prev_hash, forged) }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 4, problem: 'broken-link' });
  });

  it('finds a head that does not name the last entry, or entries past the head', async () => {
    const db = await database();
    await appendMany(db, 3);
    const last = await db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    const extra = { seq: 4, at: last.at, actorId: null, actorLabel: 'forger', action: 'role.grant', subjectType: 'user', subjectId: 'u-9', change: {} };
    await db.insertInto('audit_log')
      .values({ seq: 4, at: last.at, actor_id: null, actor_label: 'forger', action: 'role.grant', subject_type: 'user', subject_id: 'u-9', change: '{}', prev_hash: last.hash, hash: hashAuditRecord(last.hash, extra) })
      .execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 4, problem: 'truncated' });
    await db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    await db.updateTable('audit_head').set({ hash: 'f'.repeat(64) }).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'truncated' });
  });
});
