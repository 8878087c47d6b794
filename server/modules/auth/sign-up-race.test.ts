import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

const PARALLEL = 20;
const EMAIL = 'same.person@example.cn';

describe(`sign-ups racing for one address (${testEngine()})`, () => {
  it('answers every one as a sign-up, and keeps one account', async () => {
    const { app, database } = await createTestApp();
    const csrf = await app.inject({ url: '/api/v1/auth/csrf' });
    const cookies = Object.fromEntries(csrf.cookies.map((c) => [c.name, c.value]));
    // Each from its own client address, so the per-address rate limit lets all of them through.
    const answers = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      remoteAddress: `10.0.0.${i + 1}`,
      cookies,
      headers: { 'x-csrf-token': csrf.json().token },
      payload: { email: EMAIL, password: 'Shequ-dangwei-2024', displayName: `同名者${i}` },
    })));

    expect(answers.map((res) => [res.statusCode, res.json()])).toEqual(Array(PARALLEL).fill([202, { status: 'check_your_email' }]));
    const users = await database.db.selectFrom('users').select(['id', 'email']).where('email', '=', EMAIL).execute();
    expect(users).toEqual([{ id: users[0]!.id, email: EMAIL }]);
    const signUps = await database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'account.sign_up').execute();
    expect(signUps).toEqual([{ action: 'account.sign_up', subject_id: users[0]!.id }]);
    // Whoever lost the race either wrote nothing or, seeing the new unverified account, mailed it a link.
    const links = await database.db.selectFrom('one_time_tokens').select(['kind', 'email', 'user_id']).execute();
    expect(new Set(links.map((l) => JSON.stringify(l)))).toEqual(new Set([JSON.stringify({ kind: 'verify_email', email: EMAIL, user_id: users[0]!.id })]));
  });
});
