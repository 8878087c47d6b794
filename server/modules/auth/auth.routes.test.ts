import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createPerson, PASSWORD, signedIn } from '../../testing/people.ts';
import { TEST_BASE_URL, createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';
import { DURING_WINDOW } from '../../testing/fixtures.ts';

const STRONG = 'Shequ-dangwei-2024';

async function lastLink(db: Awaited<ReturnType<typeof createTestApp>>['database']['db'], to: string) {
  const mail = await db.selectFrom('mails').selectAll().where('to_email', '=', to).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const link = /https?:\/\/\S+token=([\w-]+)/.exec(mail.text_body);
  return { mail, token: link![1]!, link: link![0] };
}

describe(`sign-up, verification and sign-in (${testEngine()})`, () => {
  it('registers, verifies from the mailed link, signs in and sees its roles', async () => {
    const { app, database } = await createTestApp();
    const client = new TestClient(app);
    const res = await client.post('/api/v1/auth/sign-up', { email: 'Li.Hua@Example.cn', password: STRONG, displayName: '李华' });
    expect([res.statusCode, res.json()]).toEqual([202, { status: 'check_your_email' }]);

    const { mail, token, link } = await lastLink(database.db, 'li.hua@example.cn');
    expect([mail.template, mail.locale, mail.status]).toEqual(['verify_email', 'zh-CN', 'queued']);
    expect(link).toBe(`${TEST_BASE_URL}/app/verify-email?token=${token}`);

    const early = await client.post('/api/v1/auth/sign-in', { email: 'li.hua@example.cn', password: STRONG });
    expect([early.statusCode, early.json().error.code]).toEqual([403, 'email_not_verified']);

    expect((await client.post('/api/v1/auth/verify-email', { token })).json()).toEqual({ status: 'verified' });
    const again = await client.post('/api/v1/auth/verify-email', { token });
    expect([again.statusCode, again.json()]).toEqual([200, { status: 'already_verified' }]);

    const signIn = await client.post('/api/v1/auth/sign-in', { email: 'LI.HUA@example.cn', password: STRONG });
    expect(signIn.statusCode).toBe(200);
    const cookie = [signIn.headers['set-cookie']].flat().find((c) => c!.startsWith('zhengji_session='))!;
    expect(cookie).toMatch(/^zhengji_session=[\w-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    const me = (await client.get('/api/v1/me')).json().data;
    expect(me).toEqual({ id: me.id, email: 'li.hua@example.cn', displayName: '李华', locale: 'zh-CN', emailVerified: true, roles: [], units: [] });
  });

  it('answers GET /api/v1/me signed out with data null, not an error, and drops a stale session cookie', async () => {
    const { app } = await createTestApp();
    const nobody = await app.inject({ url: '/api/v1/me' });
    expect([nobody.statusCode, nobody.json(), nobody.headers['set-cookie']]).toEqual([200, { data: null }, undefined]);
    const stale = await app.inject({ url: '/api/v1/me', cookies: { zhengji_session: 'x'.repeat(43) } });
    expect([stale.statusCode, stale.json()]).toEqual([200, { data: null }]);
    expect([stale.headers['set-cookie']].flat()).toEqual([expect.stringMatching(/^zhengji_session=; Max-Age=0; /)]);
  });

  it('answers a sign-up for a taken address exactly like a new one', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'taken@example.cn' });
    const res = await new TestClient(app).post('/api/v1/auth/sign-up', { email: 'taken@example.cn', password: STRONG, displayName: 'X' });
    expect([res.statusCode, res.json()]).toEqual([202, { status: 'check_your_email' }]);
    expect(await database.db.selectFrom('users').select('email').where('email', '=', 'taken@example.cn').execute()).toHaveLength(1);
    expect(await database.db.selectFrom('mails').selectAll().execute()).toEqual([]);
  });

  it('says what to change in a weak password, in the caller language', async () => {
    const { app, database } = await createTestApp();
    const zh = new TestClient(app);
    const en = new TestClient(app, { 'accept-language': 'en' });
    const signUp = (client: TestClient, password: string) => client.post('/api/v1/auth/sign-up', { email: 'a@example.cn', password, displayName: 'A' });
    for (const password of ['Password2024!', 'Admin@123456', 'Qwerty123456', 'woaini1314']) {
      const refused = await signUp(zh, password);
      expect([password, refused.statusCode, refused.json().error]).toEqual([
        password, 400, { code: 'weak_password', message: '密码强度不够：这是常见密码或其变形，很容易被猜中。', details: ['common'] },
      ]);
    }
    expect((await signUp(en, 'Admin@123456')).json().error.message).toBe('The password is too weak: this is a commonly used password, or a variant of one, and easy to guess.');
    expect((await signUp(en, 'short')).json().error.message).toBe(
      'The password is too weak: use at least 10 characters, a single common word or name is easy to guess; use several unrelated words.',
    );
    expect(await database.db.selectFrom('users').select('email').execute()).toEqual([]);
    expect((await signUp(zh, 'lantern orbit cactus meadow')).statusCode).toBe(202);
    expect(await database.db.selectFrom('users').select('email').execute()).toEqual([{ email: 'a@example.cn' }]);
  });

  it('refuses a wrong password without saying whether the account exists, then locks the address', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'wang@example.cn' });
    const client = new TestClient(app);
    const unknown = await client.post('/api/v1/auth/sign-in', { email: 'nobody@example.cn', password: 'whatever-1234' });
    const wrong = await client.post('/api/v1/auth/sign-in', { email: 'wang@example.cn', password: 'whatever-1234' });
    expect([unknown.statusCode, unknown.json().error]).toEqual([401, { code: 'invalid_credentials', message: '邮箱或密码不正确。' }]);
    expect([wrong.statusCode, wrong.json().error]).toEqual([401, { code: 'invalid_credentials', message: '邮箱或密码不正确。' }]);
    for (let i = 0; i < 4; i += 1) await client.post('/api/v1/auth/sign-in', { email: 'wang@example.cn', password: 'whatever-1234' });
    const locked = await client.post('/api/v1/auth/sign-in', { email: 'wang@example.cn', password: PASSWORD });
    expect([locked.statusCode, locked.json().error.code]).toEqual([429, 'too_many_attempts']);
    const failures = await database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'auth.sign_in_failed').execute();
    expect(failures.map((f) => f.subject_id)).toEqual(['nobody@example.cn', ...Array(5).fill('wang@example.cn')]);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'a@example.cn', password: 'x' } });
    expect([res.statusCode, res.json().error]).toEqual([403, { code: 'csrf_invalid', message: '页面已过期，请刷新后重试。' }]);
  });
});

describe(`sessions across instances (${testEngine()})`, () => {
  it('holds on a second instance, and sign-out ends it on both', async () => {
    const { app, database, dataDir } = await createTestApp();
    const other = await buildApp({ db: database.db, engine: database.engine, baseUrl: TEST_BASE_URL, dataDir, clock: () => DURING_WINDOW });
    try {
      await createPerson(database.db, { email: 'two@example.cn' });
      const client = await signedIn(app, 'two@example.cn');
      const onOther = await other.inject({ url: '/api/v1/me', cookies: client.cookies });
      expect(onOther.json()).toEqual({ data: expect.objectContaining({ email: 'two@example.cn' }) });
      const stolen = client.cookies.zhengji_session!;
      expect((await client.post('/api/v1/auth/sign-out')).statusCode).toBe(204);
      expect(client.cookies.zhengji_session).toBeUndefined();
      const after = await other.inject({ url: '/api/v1/me', cookies: { zhengji_session: stolen } });
      expect([after.statusCode, after.json()]).toEqual([200, { data: null }]);
      expect(await database.db.selectFrom('sessions').select('id').execute()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe(`password reset (${testEngine()})`, () => {
  it('sets a new password from a one-time link and signs out everywhere', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'reset@example.cn' });
    const browser = await signedIn(app, 'reset@example.cn');
    const anonymous = new TestClient(app);
    expect((await anonymous.post('/api/v1/auth/password-reset', { email: 'reset@example.cn' })).json()).toEqual({ status: 'check_your_email' });
    expect((await anonymous.post('/api/v1/auth/password-reset', { email: 'nobody@example.cn' })).json()).toEqual({ status: 'check_your_email' });
    expect(await database.db.selectFrom('mails').select('to_email').execute()).toEqual([{ to_email: 'reset@example.cn' }]);

    const { token } = await lastLink(database.db, 'reset@example.cn');
    const weak = await anonymous.post('/api/v1/auth/password-reset/confirm', { token, password: '12345678' });
    expect(weak.json().error.code).toBe('weak_password');
    expect((await anonymous.post('/api/v1/auth/password-reset/confirm', { token, password: STRONG })).json()).toEqual({ status: 'password_changed' });
    expect((await anonymous.post('/api/v1/auth/password-reset/confirm', { token, password: STRONG })).json().error.code).toBe('link_invalid');

    expect((await browser.get('/api/v1/me')).json()).toEqual({ data: null });
    expect((await new TestClient(app).post('/api/v1/auth/sign-in', { email: 'reset@example.cn', password: PASSWORD })).statusCode).toBe(401);
    expect((await new TestClient(app).post('/api/v1/auth/sign-in', { email: 'reset@example.cn', password: STRONG })).statusCode).toBe(200);
  });

  it('refuses an expired link', async () => {
    const { app, database, setNow } = await createTestApp();
    await createPerson(database.db, { email: 'late@example.cn' });
    const client = new TestClient(app);
    await client.post('/api/v1/auth/password-reset', { email: 'late@example.cn' });
    const { token } = await lastLink(database.db, 'late@example.cn');
    setNow(new Date('2024-05-01T04:00:01.000Z'));
    const res = await client.post('/api/v1/auth/password-reset/confirm', { token, password: STRONG });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'link_invalid']);
  });
});
