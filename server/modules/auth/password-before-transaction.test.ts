import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { createPerson, PASSWORD } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { hashPassword } from '../accounts/password.ts';
import { changePassword, preparePasswordChange } from '../accounts/account-settings.service.ts';
import { hashSecretToken } from '../../shared/secret-token.ts';
import type { Actor } from './actor.ts';
import { checkSignIn, prepareReset, resetPassword, signIn } from './auth.service.ts';

const meta = { ip: '127.0.0.1', userAgent: 'test', baseUrl: 'http://zhengji.test' };

// The password is checked outside the transaction (argon2 is slow); the transaction then opens
// the session only if what was checked still holds.
describe(`signing in in two halves (${testEngine()})`, () => {
  it('opens a session when the account still has the hash the password matched', async () => {
    const { database } = await createTestApp();
    await createPerson(database.db, { email: 'li@example.cn' });
    const now = new Date();
    const check = await checkSignIn(database.db, { email: 'LI@example.cn', password: PASSWORD }, now);
    expect(check.matchedHash).toMatch(/^\$argon2id\$/);
    const outcome = await inTransaction(database.db, (trx) => signIn(trx, check, now, meta));
    expect(outcome.ok).toBe(true);
  });

  it('refuses when the password changed or the account was disabled after the check', async () => {
    const { database } = await createTestApp();
    const id = await createPerson(database.db, { email: 'zhao@example.cn' });
    const now = new Date();
    const check = await checkSignIn(database.db, { email: 'zhao@example.cn', password: PASSWORD }, now);
    await database.db.updateTable('users').set({ password_hash: await hashPassword('Another-password-2024') }).where('id', '=', id).execute();
    expect(await inTransaction(database.db, (trx) => signIn(trx, check, now, meta))).toEqual({ ok: false, code: 'invalid_credentials' });

    const again = await checkSignIn(database.db, { email: 'zhao@example.cn', password: 'Another-password-2024' }, now);
    await database.db.updateTable('users').set({ disabled_at: now.toISOString() }).where('id', '=', id).execute();
    expect(await inTransaction(database.db, (trx) => signIn(trx, again, now, meta))).toEqual({ ok: false, code: 'invalid_credentials' });
  });

  it('does not check the password of an address locked out, and the transaction refuses it too', async () => {
    const { database } = await createTestApp();
    await createPerson(database.db, { email: 'qian@example.cn' });
    const now = new Date();
    for (let i = 0; i < 5; i += 1) {
      const wrong = await checkSignIn(database.db, { email: 'qian@example.cn', password: 'wrong-password-1' }, now);
      expect(wrong.matchedHash).toBeNull();
      await inTransaction(database.db, (trx) => signIn(trx, wrong, now, meta));
    }
    const check = await checkSignIn(database.db, { email: 'qian@example.cn', password: PASSWORD }, now);
    expect(check.matchedHash).toBeNull();
    // Even a check made before the lock-out is refused once the address is locked.
    const early = { email: 'qian@example.cn', matchedHash: (await database.db.selectFrom('users').select('password_hash').where('email', '=', 'qian@example.cn').executeTakeFirstOrThrow()).password_hash };
    expect(await inTransaction(database.db, (trx) => signIn(trx, early, now, meta))).toEqual({ ok: false, code: 'too_many_attempts' });
  });
});

describe(`changing and resetting a password in two halves (${testEngine()})`, () => {
  it('changes nothing when the password changed between the check and the transaction', async () => {
    const { database } = await createTestApp();
    const id = await createPerson(database.db, { email: 'sun@example.cn' });
    const actor = { userId: id, sessionId: 'this-session', email: 'sun@example.cn' } as Actor;
    const change = await preparePasswordChange(database.db, actor, { currentPassword: PASSWORD, newPassword: 'Sunjia-dangzhibu-2024' });
    const elsewhere = await hashPassword('Changed-elsewhere-2024');
    await database.db.updateTable('users').set({ password_hash: elsewhere }).where('id', '=', id).execute();
    await expect(inTransaction(database.db, (trx) => changePassword(trx, actor, change, new Date()))).rejects.toMatchObject({ code: 'invalid_credentials' });
    const stored = await database.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toBe(elsewhere);
    await expect(preparePasswordChange(database.db, actor, { currentPassword: PASSWORD, newPassword: 'Sunjia-dangzhibu-2024' })).rejects.toMatchObject({ code: 'invalid_credentials' });
  });

  it('refuses a used, expired or unknown reset link before hashing anything', async () => {
    const { database } = await createTestApp();
    const id = await createPerson(database.db, { email: 'zhou@example.cn' });
    const now = new Date('2024-05-01T00:00:00.000Z');
    const link = async (token: string, fields: { used_at?: string; expires_at: string }) => database.db.insertInto('one_time_tokens').values({
      id: token, kind: 'reset_password', token_hash: hashSecretToken(token), email: 'zhou@example.cn', user_id: id, subject_id: null, created_at: now.toISOString(), used_at: null, ...fields,
    }).execute();
    await link('used-token', { used_at: now.toISOString(), expires_at: '2024-05-02T00:00:00.000Z' });
    await link('expired-token', { expires_at: '2024-04-30T00:00:00.000Z' });
    await link('good-token', { expires_at: '2024-05-02T00:00:00.000Z' });
    for (const token of ['used-token', 'expired-token', 'unknown-token']) {
      await expect(prepareReset(database.db, token, 'Shequ-dangwei-2024', now)).rejects.toMatchObject({ code: 'link_invalid' });
    }
    const { passwordHash } = await prepareReset(database.db, 'good-token', 'Shequ-dangwei-2024', now);
    await inTransaction(database.db, (trx) => resetPassword(trx, 'good-token', passwordHash, now));
    // The transaction checks the link again: a second use with a hash made before is refused.
    await expect(inTransaction(database.db, (trx) => resetPassword(trx, 'good-token', passwordHash, now))).rejects.toMatchObject({ code: 'link_invalid' });
  });
});
