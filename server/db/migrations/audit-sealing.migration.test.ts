import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { GENESIS_HASH, hashAuditRecord, type AuditRecord } from '../../modules/audit/audit-hash.ts';
import { appendAudit, sealAllAudit, verifyAuditChain } from '../../modules/audit/audit.service.ts';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { migrateTo, migrateToLatest } from '../migrate.ts';

const BEFORE = '2026-12-05-021-review-reminders';

describe(`audit sealing migration (${testEngine()})`, () => {
  it('keeps a chain linked the old way, numbers new entries after it, and going back drops only what was not sealed', async () => {
    const handle = await createTestDatabase();
    onTestFinished(() => handle.dispose());
    const db = handle.db;
    await migrateTo(db, BEFORE);
    // Three entries linked inside their writers' transactions, as before this migration.
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const record: AuditRecord = { seq, at: `2024-05-01T02:00:0${seq}.000Z`, actorId: null, actorLabel: 'system', action: 'role.grant', subjectType: 'user', subjectId: `u-${seq}`, change: {} };
      const hash = hashAuditRecord(prev, record);
      await sql`insert into audit_log (seq, at, actor_id, actor_label, action, subject_type, subject_id, change, prev_hash, hash)
        values (${seq}, ${record.at}, null, 'system', 'role.grant', 'user', ${`u-${seq}`}, '{}', ${prev}, ${hash})`.execute(db);
      prev = hash;
    }
    await sql`insert into audit_head (id, seq, hash) values (1, 3, ${prev})`.execute(db);

    await migrateToLatest(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 3, headSeq: 3, unsealed: 0, oldestUnsealedAt: null });
    const input = { actorId: null, actorLabel: 'system', action: 'role.grant' as const, subjectType: 'user', subjectId: 'u-4', change: {} };
    const entry = await db.transaction().execute((trx) => appendAudit(trx, input, new Date('2024-05-01T02:00:04.000Z')));
    expect(entry.id).toBe(4);
    await sealAllAudit(db);
    await db.transaction().execute((trx) => appendAudit(trx, { ...input, subjectId: 'u-5' }, new Date('2024-05-01T02:00:05.000Z')));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 4, unsealed: 1 });

    await migrateTo(db, BEFORE);
    const rows = await sql<{ seq: number }>`select seq from audit_log order by seq`.execute(db);
    expect(rows.rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    await migrateToLatest(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 4, headSeq: 4, unsealed: 0, oldestUnsealedAt: null });
  });
});
