import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import { inTransaction, rootOf } from './transaction.ts';

describe('inTransaction', () => {
  it('names the database a transaction belongs to, so per-database caches serve it too', async () => {
    const { app } = await createTestApp();
    expect(rootOf(app.db)).toBe(app.db);
    const seen = await inTransaction(app.db, async (trx) => {
      expect(trx).not.toBe(app.db);
      return rootOf(trx);
    });
    expect(seen).toBe(app.db);
  });

  it('commits all of the work or none of it', async () => {
    const { app } = await createTestApp();
    const stamp = '2024-01-01T00:00:00.000Z';
    const user = { id: 'tx-user', email: 'tx@example.cn', password_hash: null, display_name: 'T', email_verified_at: null, created_at: stamp, updated_at: stamp };
    await expect(inTransaction(app.db, async (trx) => {
      await trx.insertInto('users').values(user).execute();
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect(await app.db.selectFrom('users').select('id').where('id', '=', 'tx-user').execute()).toEqual([]);
  });
});
