import { describe, expect, it } from 'vitest';
import { createPerson, PASSWORD, signedIn } from '../../testing/people.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const FIRST = new Date('2024-05-01T00:00:00.000Z');
const LATER = new Date('2024-05-01T00:10:00.000Z');
const NEW_PASSWORD = 'Shequ-dangwei-2024';
const LINK_INVALID = { code: 'link_invalid', message: '链接无效或已过期，请重新申请。' };

/** Asks for a reset link at that time and returns the token the mail carries. */
async function mailedToken({ app, database, setNow }: TestApp, email: string, at: Date): Promise<string> {
  setNow(at);
  await new TestClient(app).post('/api/v1/auth/password-reset', { email });
  const mail = await database.db.selectFrom('mails').select('text_body').where('to_email', '=', email).where('created_at', '=', at.toISOString()).executeTakeFirstOrThrow();
  return /token=([\w-]+)/.exec(mail.text_body)![1]!;
}

async function resetLinks(test: TestApp) {
  return test.database.db.selectFrom('one_time_tokens').select(['created_at', 'used_at']).where('kind', '=', 'reset_password').orderBy('created_at').execute();
}

describe(`a new password ends every outstanding reset link (${testEngine()})`, () => {
  it('refuses an older link once a newer one was used', async () => {
    const test = await createTestApp({ now: FIRST });
    await createPerson(test.database.db, { email: 'two-links@example.cn' });
    const older = await mailedToken(test, 'two-links@example.cn', FIRST);
    const newer = await mailedToken(test, 'two-links@example.cn', LATER);
    const client = new TestClient(test.app);
    expect((await client.post('/api/v1/auth/password-reset/confirm', { token: newer, password: NEW_PASSWORD })).json()).toEqual({ status: 'password_changed' });

    const stale = await client.post('/api/v1/auth/password-reset/confirm', { token: older, password: 'Another-hutong-2024' });
    expect([stale.statusCode, stale.json().error]).toEqual([400, LINK_INVALID]);
    expect(await resetLinks(test)).toEqual([{ created_at: FIRST.toISOString(), used_at: LATER.toISOString() }, { created_at: LATER.toISOString(), used_at: LATER.toISOString() }]);
    expect((await client.post('/api/v1/auth/sign-in', { email: 'two-links@example.cn', password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('refuses a link mailed before the password was changed', async () => {
    const test = await createTestApp({ now: FIRST });
    await createPerson(test.database.db, { email: 'changed@example.cn' });
    const token = await mailedToken(test, 'changed@example.cn', FIRST);
    test.setNow(LATER);
    const me = await signedIn(test.app, 'changed@example.cn');
    expect((await me.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).json()).toEqual({ status: 'password_changed' });

    const stale = await new TestClient(test.app).post('/api/v1/auth/password-reset/confirm', { token, password: 'Another-hutong-2024' });
    expect([stale.statusCode, stale.json().error]).toEqual([400, LINK_INVALID]);
    expect(await resetLinks(test)).toEqual([{ created_at: FIRST.toISOString(), used_at: LATER.toISOString() }]);
  });
});
