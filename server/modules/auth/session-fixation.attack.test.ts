import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import { DURING_WINDOW } from '../../testing/fixtures.ts';
import { createPerson, PASSWORD, signedIn } from '../../testing/people.ts';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

// Session fixation and the life of a session cookie, against the real app.
//
// GET /api/v1/me is public: signed out it answers 200 { data: null } (auth.routes.ts), never a
// 401. So "refused" is checked twice here: /api/v1/me does not name anyone, and a route that
// needs a session (GET /api/v1/me/cases, POST /api/v1/auth/sign-out) answers 401 unauthenticated.

const NEW_PASSWORD = 'Shequ-dangwei-2024';
const UNAUTHENTICATED = 'unauthenticated';

/** The zhengji_session value a response sets, or undefined when it sets none. */
function sessionCookieSet(res: LightMyRequestResponse): { value: string; line: string } | undefined {
  const line = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!line) return undefined;
  return { value: line.slice(SESSION_COOKIE.length + 1).split(';')[0]!, line };
}

/** Who a bare cookie value signs in as, asked as a browser holding only that cookie would. */
async function whoHolds(app: FastifyInstance, token: string): Promise<{ me: string | null; cases: number; code: string | undefined }> {
  const me = await app.inject({ url: '/api/v1/me', cookies: { [SESSION_COOKIE]: token } });
  const cases = await app.inject({ url: '/api/v1/me/cases', cookies: { [SESSION_COOKIE]: token } });
  return { me: me.json().data?.email ?? null, cases: cases.statusCode, code: cases.statusCode === 200 ? undefined : cases.json().error.code };
}

const REFUSED = { me: null, cases: 401, code: UNAUTHENTICATED };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A client that already carries `planted` as its session cookie, as if an attacker had set it. */
function browserWithPlantedCookie(app: FastifyInstance, planted: string): TestClient {
  const client = new TestClient(app);
  client.cookies[SESSION_COOKIE] = planted;
  return client;
}

async function signIn(client: TestClient, email: string, password = PASSWORD) {
  const res = await client.post('/api/v1/auth/sign-in', { email, password });
  expect([email, res.statusCode]).toEqual([email, 200]);
  return res;
}

async function mailedResetToken({ database }: TestApp, email: string): Promise<string> {
  const mail = await database.db.selectFrom('mails').select('text_body').where('to_email', '=', email).where('template', '=', 'reset_password').executeTakeFirstOrThrow();
  return /token=([\w-]+)/.exec(mail.text_body)![1]!;
}

describe(`a session cookie planted before sign-in is never adopted (${testEngine()})`, () => {
  for (const planted of [
    'attacker-chosen-session-value',
    // Shaped exactly like a real token (43 base64url characters), so no format check alone saves it.
    'AttackerChoseThisValue_0123456789-abcdefghi',
  ]) {
    it(`replaces an attacker-chosen value (${planted.length} characters) with a fresh token`, async () => {
      const { app, database } = await createTestApp();
      await createPerson(database.db, { email: 'victim@example.cn' });
      expect(await whoHolds(app, planted)).toEqual(REFUSED);

      const victim = browserWithPlantedCookie(app, planted);
      const res = await signIn(victim, 'victim@example.cn');
      const issued = sessionCookieSet(res);
      expect(issued).toBeDefined();
      expect(issued!.value).not.toBe(planted);
      expect(victim.cookies[SESSION_COOKIE]).toBe(issued!.value);

      // The victim is signed in under the new token; the attacker's copy of the planted one is worth nothing.
      expect(await whoHolds(app, issued!.value)).toEqual({ me: 'victim@example.cn', cases: 200, code: undefined });
      expect(await whoHolds(app, planted)).toEqual(REFUSED);
      const sessions = await database.db.selectFrom('sessions').select('token_hash').execute();
      expect(sessions.map((s) => s.token_hash)).toEqual([sha256(issued!.value)]);
    });
  }

  it('does not adopt the token of another account\'s earlier, signed-out session', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'attacker@example.cn' });
    await createPerson(database.db, { email: 'victim@example.cn' });
    const attacker = await signedIn(app, 'attacker@example.cn');
    const oldToken = attacker.cookies[SESSION_COOKIE]!;
    expect((await attacker.post('/api/v1/auth/sign-out')).statusCode).toBe(204);
    expect(await whoHolds(app, oldToken)).toEqual(REFUSED);

    const victim = browserWithPlantedCookie(app, oldToken);
    const issued = sessionCookieSet(await signIn(victim, 'victim@example.cn'));
    expect(issued!.value).not.toBe(oldToken);
    expect(await whoHolds(app, oldToken)).toEqual(REFUSED);
    expect(await whoHolds(app, issued!.value)).toEqual({ me: 'victim@example.cn', cases: 200, code: undefined });
  });

  it('ends another account\'s live token planted in the browser, rather than binding the victim to it', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'attacker@example.cn' });
    await createPerson(database.db, { email: 'victim@example.cn' });
    const attackerToken = (await signedIn(app, 'attacker@example.cn')).cookies[SESSION_COOKIE]!;

    const victim = browserWithPlantedCookie(app, attackerToken);
    const issued = sessionCookieSet(await signIn(victim, 'victim@example.cn'));
    expect(issued!.value).not.toBe(attackerToken);
    // Signing in ends the session the browser held (ASVS 7.2.4): the planted token names no one now.
    expect(await whoHolds(app, attackerToken)).toEqual(REFUSED);
    expect(await whoHolds(app, issued!.value)).toEqual({ me: 'victim@example.cn', cases: 200, code: undefined });
  });
});

describe(`the life of a session (${testEngine()})`, () => {
  it('gives every sign-in its own token', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'twice@example.cn' });
    const browser = new TestClient(app);
    const first = sessionCookieSet(await signIn(browser, 'twice@example.cn'))!.value;
    // Signing in again from the same browser, still holding the first cookie.
    const second = sessionCookieSet(await signIn(browser, 'twice@example.cn'))!.value;
    expect(second).not.toBe(first);
    expect(browser.cookies[SESSION_COOKIE]).toBe(second);
    // Re-authentication ends the session it replaces.
    expect(await whoHolds(app, first)).toEqual(REFUSED);
    const others = [];
    for (let i = 0; i < 4; i += 1) others.push(sessionCookieSet(await signIn(new TestClient(app), 'twice@example.cn'))!.value);
    expect(new Set([first, second, ...others]).size).toBe(6);
  });

  it('refuses the cookie of a signed-out session when it is replayed', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'leaver@example.cn' });
    const browser = await signedIn(app, 'leaver@example.cn');
    const token = browser.cookies[SESSION_COOKIE]!;
    expect(await whoHolds(app, token)).toEqual({ me: 'leaver@example.cn', cases: 200, code: undefined });

    const out = await browser.post('/api/v1/auth/sign-out');
    expect(out.statusCode).toBe(204);
    // The browser is told to drop it, on the path it was set on.
    expect(sessionCookieSet(out)!.line).toMatch(/^zhengji_session=; Max-Age=0; .*Path=\//);

    expect(await whoHolds(app, token)).toEqual(REFUSED);
    // A state-changing request replayed with the old cookie (and a valid CSRF token) is refused too.
    const replay = browserWithPlantedCookie(app, token);
    const again = await replay.post('/api/v1/auth/sign-out');
    expect([again.statusCode, again.json().error.code]).toEqual([401, UNAUTHENTICATED]);
    const rename = await replay.put('/api/v1/me', { displayName: '冒名', locale: 'zh-CN' });
    expect([rename.statusCode, rename.json().error.code]).toEqual([401, UNAUTHENTICATED]);
    const user = await database.db.selectFrom('users').select('display_name').where('email', '=', 'leaver@example.cn').executeTakeFirstOrThrow();
    expect(user.display_name).toBe('leaver');
  });

  it('refuses a session left unused for its whole lifetime, and keeps one that is used', async () => {
    const { app, database, setNow } = await createTestApp({ now: DURING_WINDOW });
    await createPerson(database.db, { email: 'idle@example.cn' });
    await createPerson(database.db, { email: 'busy@example.cn' });
    const idle = (await signedIn(app, 'idle@example.cn')).cookies[SESSION_COOKIE]!;
    const busy = (await signedIn(app, 'busy@example.cn')).cookies[SESSION_COOKIE]!;
    const day = 86_400_000;
    setNow(new Date(DURING_WINDOW.getTime() + 20 * day));
    expect((await whoHolds(app, busy)).me).toBe('busy@example.cn');
    setNow(new Date(DURING_WINDOW.getTime() + 30 * day + 1000));
    expect(await whoHolds(app, idle)).toEqual(REFUSED);
    expect((await whoHolds(app, busy)).me).toBe('busy@example.cn');
  });

  it('ends a session 90 days after sign-in however often it is used', async () => {
    const { app, database, setNow } = await createTestApp({ now: DURING_WINDOW });
    await createPerson(database.db, { email: 'daily@example.cn' });
    const token = (await signedIn(app, 'daily@example.cn')).cookies[SESSION_COOKIE]!;
    const day = 86_400_000;
    // Used every ten days, it is alive on day 89 ...
    for (let d = 10; d < 90; d += 10) {
      setNow(new Date(DURING_WINDOW.getTime() + d * day));
      expect((await whoHolds(app, token)).me).toBe('daily@example.cn');
    }
    setNow(new Date(DURING_WINDOW.getTime() + 89 * day));
    expect((await whoHolds(app, token)).me).toBe('daily@example.cn');
    // ... and over on day 90.
    setNow(new Date(DURING_WINDOW.getTime() + 90 * day + 1000));
    expect(await whoHolds(app, token)).toEqual(REFUSED);
  });

  // auth.routes.test.ts ("sets a new password from a one-time link and signs out everywhere")
  // checks that one browser's session ends on a reset. This adds the rest of "every earlier
  // session": several browsers, one opened after the link was mailed, a signed-in route refusing
  // them, the confirm itself signing nobody in, and another account's session left alone.
  it('ends every earlier session of the account when the password is reset from the mailed link', async () => {
    const test = await createTestApp();
    const { app, database } = test;
    await createPerson(database.db, { email: 'reset@example.cn' });
    await createPerson(database.db, { email: 'bystander@example.cn' });
    const laptop = (await signedIn(app, 'reset@example.cn')).cookies[SESSION_COOKIE]!;
    const phone = (await signedIn(app, 'reset@example.cn')).cookies[SESSION_COOKIE]!;
    const bystander = (await signedIn(app, 'bystander@example.cn')).cookies[SESSION_COOKIE]!;

    const anonymous = new TestClient(app);
    expect((await anonymous.post('/api/v1/auth/password-reset', { email: 'reset@example.cn' })).statusCode).toBe(202);
    const token = await mailedResetToken(test, 'reset@example.cn');
    // Someone who knows the old password signs in while the link waits in the mailbox.
    const intruder = (await signedIn(app, 'reset@example.cn')).cookies[SESSION_COOKIE]!;
    for (const held of [laptop, phone, intruder]) expect((await whoHolds(app, held)).me).toBe('reset@example.cn');

    const confirm = await anonymous.post('/api/v1/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    expect([confirm.statusCode, confirm.json()]).toEqual([200, { status: 'password_changed' }]);
    expect(sessionCookieSet(confirm)).toBeUndefined();

    for (const held of [laptop, phone, intruder]) expect(await whoHolds(app, held)).toEqual(REFUSED);
    expect(await whoHolds(app, bystander)).toEqual({ me: 'bystander@example.cn', cases: 200, code: undefined });
    const fresh = sessionCookieSet(await signIn(new TestClient(app), 'reset@example.cn', NEW_PASSWORD))!.value;
    expect([laptop, phone, intruder]).not.toContain(fresh);
  });
});

describe(`the session cookie's attributes (${testEngine()})`, () => {
  it('is HttpOnly, SameSite=Lax and on Path=/, and not Secure on a plain-http base URL', async () => {
    const { app, database } = await createTestApp();
    expect(TEST_BASE_URL.startsWith('http:')).toBe(true);
    await createPerson(database.db, { email: 'plain@example.cn' });
    const { line } = sessionCookieSet(await signIn(new TestClient(app), 'plain@example.cn'))!;
    const attributes = line.split(';').slice(1).map((a) => a.trim());
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('Path=/');
    expect(attributes.find((a) => /^SameSite=/i.test(a))).toMatch(/^SameSite=(Lax|Strict)$/i);
    expect(attributes.filter((a) => /^Domain=/i.test(a))).toEqual([]);
    expect(attributes.filter((a) => /^Secure$/i.test(a))).toEqual([]);
  });

  // createTestApp fixes the base URL to http://zhengji.test, so the https case is a second
  // instance of the real app on the same database with an https base URL, as auth.routes.test.ts
  // builds its second instance.
  it('is also Secure when the app\'s base URL is https', async () => {
    const { database, dataDir } = await createTestApp();
    const secure = await buildApp({ db: database.db, engine: database.engine, baseUrl: 'https://zhengji.test', dataDir, clock: () => DURING_WINDOW });
    try {
      await secure.ready();
      await createPerson(database.db, { email: 'tls@example.cn' });
      const browser = new TestClient(secure);
      const res = await signIn(browser, 'tls@example.cn');
      const { line, value } = sessionCookieSet(res)!;
      const attributes = line.split(';').slice(1).map((a) => a.trim());
      expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Path=/', 'Secure']));
      expect(attributes.find((a) => /^SameSite=/i.test(a))).toMatch(/^SameSite=(Lax|Strict)$/i);
      expect(await whoHolds(secure, value)).toEqual({ me: 'tls@example.cn', cases: 200, code: undefined });
    } finally {
      await secure.close();
    }
  });
});

describe(`the session token's entropy (${testEngine()})`, () => {
  it('carries at least 128 random bits, and only its hash is stored', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'entropy@example.cn' });
    const tokens: string[] = [];
    for (let i = 0; i < 8; i += 1) tokens.push(sessionCookieSet(await signIn(new TestClient(app), 'entropy@example.cn'))!.value);
    for (const token of tokens) {
      // base64url without padding: 6 bits a character, so the length alone bounds the entropy.
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(token.length * 6).toBeGreaterThanOrEqual(128);
      const bytes = Buffer.from(token, 'base64url');
      expect(bytes.toString('base64url')).toBe(token);
      expect(bytes.length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    // A token made from a counter, a clock or an id with fixed parts would repeat its first characters.
    expect(new Set(tokens.map((t) => t.slice(0, 6))).size).toBe(tokens.length);

    const stored = await database.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash).sort()).toEqual(tokens.map(sha256).sort());
    for (const token of tokens) expect(stored.some((s) => s.token_hash.includes(token))).toBe(false);
  });
});
