import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { GENESIS_HASH, hashAuditRecord } from './audit-hash.ts';
import { appendAudit, sealAllAudit, sealAudit, verifyAuditChain, type AuditInput } from './audit.service.ts';

const NOW = new Date('2024-05-01T02:00:00.000Z');

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle.db;
}

function input(n: number): AuditInput {
  return { actorId: 'user-1', actorLabel: 'admin@zhengji.cn', action: 'organization.update', subjectType: 'organization', subjectId: `org-${n}`, change: { n } };
}

/** Appends entries 1..count, each in its own transaction, one second apart, and seals them. */
async function appendMany(db: Kysely<Database>, count: number, { seal = true } = {}) {
  for (let n = 1; n <= count; n++) {
    await db.transaction().execute((trx) => appendAudit(trx, input(n), new Date(NOW.getTime() + n * 1000)));
  }
  if (seal) await sealAllAudit(db);
}

const nothingPending = { unsealed: 0, oldestUnsealedAt: null };

const head = (db: Kysely<Database>) => db.selectFrom('audit_head').selectAll().execute();
const seqs = async (db: Kysely<Database>) => (await db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
const sealed = (db: Kysely<Database>, seq: number) => db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

describe(`appendAudit and sealAudit (${testEngine()})`, () => {
  it('appends the entry with canonical JSON and no place in the chain, then seals it with the documented hash and moves the head', async () => {
    const db = await database();
    const change = { name: { to: '乙社区党委', from: '甲社区党委' }, note: undefined };
    const entry = await db.transaction().execute((trx) =>
      appendAudit(trx, { actorId: 'user-1', actorLabel: '张三 <zhang@example.cn>', action: 'organization.update', subjectType: 'organization', subjectId: 'org-1', change }, NOW),
    );
    const stored = {
      id: 1,
      at: '2024-05-01T02:00:00.000Z',
      actor_id: 'user-1',
      actor_label: '张三 <zhang@example.cn>',
      action: 'organization.update',
      subject_type: 'organization',
      subject_id: 'org-1',
      change: '{"name":{"from":"甲社区党委","to":"乙社区党委"}}',
    };
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([{ ...stored, seq: null, prev_hash: null, hash: null }]);
    expect(entry).toMatchObject({ id: 1, seq: null, change: { name: { from: '甲社区党委', to: '乙社区党委' } } });
    expect(await head(db)).toEqual([]);

    expect(await sealAudit(db)).toBe(1);
    const canonical =
      '{"action":"organization.update","actorId":"user-1","actorLabel":"张三 <zhang@example.cn>","at":"2024-05-01T02:00:00.000Z",' +
      '"change":{"name":{"from":"甲社区党委","to":"乙社区党委"}},"seq":1,"subjectId":"org-1","subjectType":"organization"}';
    const hash = createHash('sha256').update(`${'0'.repeat(64)}\n${canonical}`).digest('hex');
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([{ ...stored, seq: 1, prev_hash: '0'.repeat(64), hash }]);
    expect(await head(db)).toEqual([{ id: 1, seq: 1, hash }]);
    expect(await sealAudit(db)).toBe(0);
  });

  it('links each entry to the one before, in batches of any size', async () => {
    const db = await database();
    await appendMany(db, 7, { seal: false });
    expect(await sealAudit(db, 3)).toBe(3);
    expect(await sealAudit(db, 3)).toBe(3);
    expect(await sealAudit(db, 3)).toBe(1);
    const rows = await db.selectFrom('audit_log').select(['id', 'seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.map((r) => [r.id, r.seq])).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, n]));
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, ...rows.slice(0, 6).map((r) => r.hash)]);
    expect(await head(db)).toEqual([{ id: 1, seq: 7, hash: rows[6]!.hash }]);
  });

  it('leaves no entry when the transaction rolls back, and the chain closes over the gap in ids', async () => {
    const db = await database();
    await appendMany(db, 2);
    const before = await head(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, input(3), NOW);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await sealAllAudit(db);
    expect(await seqs(db)).toEqual([1, 2]);
    expect(await head(db)).toEqual(before);
    await db.transaction().execute((trx) => appendAudit(trx, input(3), NOW));
    await sealAllAudit(db);
    expect(await seqs(db)).toEqual([1, 2, 3]);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 3, headSeq: 3, ...nothingPending });
  });

  it('refuses to run outside a transaction', async () => {
    const db = await database();
    await expect(appendAudit(db, input(1), NOW)).rejects.toThrow('appendAudit must run inside the transaction of the change it records');
    expect(await seqs(db)).toEqual([]);
  });

  it('gives 40 concurrent appends, sealed by four sealers racing them, seq 1..40 in one valid chain', async () => {
    const db = await database();
    let appending = true;
    const sealer = async () => {
      while (appending) {
        await sealAudit(db, 5);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    const sealers = Array.from({ length: 4 }, sealer);
    await Promise.all(Array.from({ length: 40 }, (_, i) => db.transaction().execute((trx) => appendAudit(trx, input(i + 1), NOW))));
    appending = false;
    await Promise.all(sealers);
    await sealAllAudit(db);
    expect(await seqs(db)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 40, headSeq: 40, ...nothingPending });
  });
});

describe(`verifyAuditChain (${testEngine()})`, () => {
  it('accepts an empty log and an intact chain, read in pages of any size', async () => {
    const db = await database();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 0, headSeq: 0, ...nothingPending });
    await appendMany(db, 7);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 7, headSeq: 7, ...nothingPending });
    expect(await verifyAuditChain(db, { pageSize: 2 })).toEqual({ ok: true, count: 7, headSeq: 7, ...nothingPending });
    expect(await verifyAuditChain(db, { pageSize: 7 })).toEqual({ ok: true, count: 7, headSeq: 7, ...nothingPending });
  });

  it('says how many entries wait for the sealer, and since when', async () => {
    const db = await database();
    await appendMany(db, 3);
    await appendMany(db, 2, { seal: false });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 3, headSeq: 3, unsealed: 2, oldestUnsealedAt: '2024-05-01T02:00:01.000Z' });
  });

  it('finds an edited change at its seq, even one that only reformats the JSON', async () => {
    const db = await database();
    await appendMany(db, 5);
    await db.updateTable('audit_log').set({ change: '{"n":33}' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db, { pageSize: 2 })).toEqual({ ok: false, seq: 3, problem: 'edited', ...nothingPending });
    await db.updateTable('audit_log').set({ change: '{ "n": 3 }' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'edited', ...nothingPending });
    await db.updateTable('audit_log').set({ change: '{"n":3}', actor_label: 'someone else' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'edited', ...nothingPending });
  });

  it('finds a deleted middle entry as missing, and one moved to another place as a broken link', async () => {
    const db = await database();
    await appendMany(db, 5);
    await db.deleteFrom('audit_log').where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'missing', ...nothingPending });
    const other = await database();
    await appendMany(other, 5);
    await other.updateTable('audit_log').set({ seq: 9 }).where('seq', '=', 2).execute();
    await other.updateTable('audit_log').set({ seq: 2 }).where('seq', '=', 3).execute();
    await other.updateTable('audit_log').set({ seq: 3 }).where('seq', '=', 9).execute();
    expect(await verifyAuditChain(other)).toEqual({ ok: false, seq: 2, problem: 'broken-link', ...nothingPending });
  });

  it('finds deleted last entries as truncated at the first one gone', async () => {
    const db = await database();
    await appendMany(db, 5);
    await db.deleteFrom('audit_log').where('seq', '=', 5).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 5, problem: 'truncated', ...nothingPending });
    await db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 4, problem: 'truncated', ...nothingPending });
  });

  it('finds a rewritten entry with a recomputed hash as a broken link to the next one', async () => {
    const db = await database();
    await appendMany(db, 5);
    const row = await sealed(db, 3);
    const forged = { seq: 3, at: row.at, actorId: row.actor_id, actorLabel: row.actor_label, action: row.action, subjectType: row.subject_type, subjectId: row.subject_id, change: { n: 99 } };
    await db.updateTable('audit_log').set({ change: '{"n":99}', hash: hashAuditRecord(row.prev_hash!, forged) }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 4, problem: 'broken-link', ...nothingPending });
  });

  it('finds a head that does not name the last entry, or entries past the head', async () => {
    const db = await database();
    await appendMany(db, 3);
    const last = await sealed(db, 3);
    const extra = { seq: 4, at: last.at, actorId: null, actorLabel: 'forger', action: 'role.grant', subjectType: 'user', subjectId: 'u-9', change: {} };
    await db.insertInto('audit_log')
      .values({ seq: 4, at: last.at, actor_id: null, actor_label: 'forger', action: 'role.grant', subject_type: 'user', subject_id: 'u-9', change: '{}', prev_hash: last.hash, hash: hashAuditRecord(last.hash!, extra) })
      .execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 4, problem: 'truncated', ...nothingPending });
    await db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    await db.updateTable('audit_head').set({ hash: 'f'.repeat(64) }).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'truncated', ...nothingPending });
  });

  it('finds a log rewritten whole, head included, by the heads published or kept outside it', async () => {
    const db = await database();
    await appendMany(db, 4);
    const published = await sealed(db, 2);
    const kept = { seq: 4, hash: (await sealed(db, 4)).hash! };
    // The forger rewrites entry 2 and relinks everything after it, head included: the chain alone is consistent.
    let prev = (await sealed(db, 1)).hash!;
    for (const seq of [2, 3, 4]) {
      const row = await sealed(db, seq);
      const change = seq === 2 ? { n: 'forged' } : JSON.parse(row.change) as Record<string, unknown>;
      const hash = hashAuditRecord(prev, { seq, at: row.at, actorId: row.actor_id, actorLabel: row.actor_label, action: row.action, subjectType: row.subject_type, subjectId: row.subject_id, change });
      await db.updateTable('audit_log').set({ change: JSON.stringify(change), prev_hash: prev, hash }).where('seq', '=', seq).execute();
      prev = hash;
    }
    await db.updateTable('audit_head').set({ hash: prev }).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 4, headSeq: 4, ...nothingPending });
    expect(await verifyAuditChain(db, { known: [kept] })).toEqual({ ok: false, seq: 4, problem: 'rewritten', ...nothingPending });
    await db.insertInto('audit_published_heads').values({ day: '2024-05-01', seq: 2, hash: published.hash!, published_at: NOW.toISOString() }).execute();
    expect(await verifyAuditChain(db, { known: [kept] })).toEqual({ ok: false, seq: 2, problem: 'rewritten', ...nothingPending });
  });
});
