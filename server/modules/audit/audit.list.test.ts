import { describe, expect, it, onTestFinished } from 'vitest';
import { AppError } from '../../errors.ts';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { appendAudit, listAuditEntries, type AuditInput } from './audit.service.ts';

async function seededDatabase() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  const entries: AuditInput[] = [
    { actorId: null, actorLabel: 'li@example.cn', action: 'auth.sign_in_failed', subjectType: 'user', subjectId: null, change: { reason: 'bad_password' } },
    { actorId: 'u-li', actorLabel: 'li@example.cn', action: 'auth.sign_in', subjectType: 'user', subjectId: 'u-li', change: {} },
    { actorId: 'u-li', actorLabel: 'li@example.cn', action: 'organization.update', subjectType: 'organization', subjectId: 'org-1', change: { phone: { from: '1', to: '2' } } },
    { actorId: 'u-admin', actorLabel: 'admin@zhengji.cn', action: 'role.grant', subjectType: 'user', subjectId: 'u-li', change: { role: 'reviewer' } },
    { actorId: 'u-admin', actorLabel: 'admin@zhengji.cn', action: 'organization.update', subjectType: 'organization', subjectId: 'org-1', change: { name: { from: '甲', to: '乙' } } },
  ];
  for (const [i, entry] of entries.entries()) {
    await handle.db.transaction().execute((trx) => appendAudit(trx, entry, new Date(Date.UTC(2024, 4, 1, 2, 0, i))));
  }
  return handle.db;
}

describe(`listAuditEntries (${testEngine()})`, () => {
  it('lists every entry newest first with its change parsed, sealed or not', async () => {
    const db = await seededDatabase();
    const page = await listAuditEntries(db, { limit: 2, offset: 0 });
    expect(page).toEqual({
      total: 5,
      items: [
        { id: 5, seq: null, at: '2024-05-01T02:00:04.000Z', actorId: 'u-admin', actorLabel: 'admin@zhengji.cn', action: 'organization.update', subjectType: 'organization', subjectId: 'org-1', change: { name: { from: '甲', to: '乙' } } },
        { id: 4, seq: null, at: '2024-05-01T02:00:03.000Z', actorId: 'u-admin', actorLabel: 'admin@zhengji.cn', action: 'role.grant', subjectType: 'user', subjectId: 'u-li', change: { role: 'reviewer' } },
      ],
    });
    const last = await listAuditEntries(db, { limit: 2, offset: 4 });
    expect(last.total).toBe(5);
    expect(last.items.map((e) => [e.id, e.actorId, e.change])).toEqual([[1, null, { reason: 'bad_password' }]]);
  });

  it('narrows by subject, actor and action together', async () => {
    const db = await seededDatabase();
    const idsOf = async (filter: Parameters<typeof listAuditEntries>[1]) => {
      const page = await listAuditEntries(db, filter);
      return [page.total, page.items.map((e) => e.id)];
    };
    expect(await idsOf({ subjectType: 'organization', subjectId: 'org-1', limit: 10, offset: 0 })).toEqual([2, [5, 3]]);
    expect(await idsOf({ subjectType: 'user', subjectId: 'u-li', limit: 10, offset: 0 })).toEqual([2, [4, 2]]);
    expect(await idsOf({ actorId: 'u-li', limit: 10, offset: 0 })).toEqual([2, [3, 2]]);
    expect(await idsOf({ action: 'organization.update', actorId: 'u-admin', limit: 10, offset: 0 })).toEqual([1, [5]]);
    expect(await idsOf({ action: 'auth.sign_in_failed', limit: 10, offset: 0 })).toEqual([1, [1]]);
    expect(await idsOf({ subjectType: 'campaign', limit: 10, offset: 0 })).toEqual([0, []]);
  });

  it('refuses a page size or offset out of bounds', async () => {
    const db = await seededDatabase();
    const attempt = (limit: number, offset: number) => listAuditEntries(db, { limit, offset }).catch((error: AppError) => [error.code, error.message]);
    expect(await attempt(0, 0)).toEqual(['invalid_request', 'The request is not valid: limit must be a whole number from 1 to 200']);
    expect(await attempt(201, 0)).toEqual(['invalid_request', 'The request is not valid: limit must be a whole number from 1 to 200']);
    expect(await attempt(10, -1)).toEqual(['invalid_request', 'The request is not valid: offset must be a whole number ≥ 0']);
  });
});
