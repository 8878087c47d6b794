import { verify } from '@node-rs/argon2';
import { describe, expect, it, vi } from 'vitest';
import { createPerson, PASSWORD } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

// The real argon2, with its verifications counted: sign-in time is what argon2 costs, so the
// number of verifications (and the parameters of the hash each one used) is the timing signal.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});

const WRONG = 'not-the-password-2024';
const REFUSED = [401, { code: 'invalid_credentials', message: '邮箱或密码不正确。' }];
const parametersOf = (hash: string) => hash.split('$').slice(0, 4).join('$');

describe(`sign-in costs the same whether or not the address has an account (${testEngine()})`, () => {
  it('verifies one hash with the same parameters and answers the same for an unknown, disabled or unverified account as for a wrong password', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'known@example.cn' });
    await createPerson(database.db, { email: 'disabled@example.cn' });
    await createPerson(database.db, { email: 'unverified@example.cn' });
    await database.db.updateTable('users').set({ disabled_at: '2024-02-01T00:00:00.000Z' }).where('email', '=', 'disabled@example.cn').execute();
    await database.db.updateTable('users').set({ email_verified_at: null }).where('email', '=', 'unverified@example.cn').execute();
    const stored = (await database.db.selectFrom('users').select('password_hash').where('email', '=', 'known@example.cn').executeTakeFirstOrThrow()).password_hash!;
    const client = new TestClient(app);

    const attempts = [
      { email: 'known@example.cn', password: WRONG },
      { email: 'nobody@example.cn', password: WRONG },
      { email: 'disabled@example.cn', password: PASSWORD },
      { email: 'unverified@example.cn', password: WRONG },
    ];
    const seen = [];
    for (const attempt of attempts) {
      vi.mocked(verify).mockClear();
      const res = await client.post('/api/v1/auth/sign-in', attempt);
      seen.push({
        email: attempt.email,
        answer: [res.statusCode, res.json().error],
        verified: vi.mocked(verify).mock.calls.map(([hash, password]) => [parametersOf(String(hash)), password]),
      });
    }
    expect(seen).toEqual(attempts.map(({ email, password }) => ({ email, answer: REFUSED, verified: [[parametersOf(stored), password]] })));
    expect(parametersOf(stored)).toBe('$argon2id$v=19$m=19456,t=2,p=1');
  });
});
