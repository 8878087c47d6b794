import { describe, expect, it } from 'vitest';
import { createPerson } from '../../testing/people.ts';
import { TEST_BASE_URL, createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const STRONG = 'Shequ-dangwei-2024';
type Db = Awaited<ReturnType<typeof createTestApp>>['database']['db'];

async function verifyLinks(db: Db, to: string): Promise<string[]> {
  const mails = await db.selectFrom('mails').select(['text_body', 'template']).where('to_email', '=', to).orderBy('created_at').execute();
  return mails.filter((m) => m.template === 'verify_email').map((m) => /https?:\/\/\S+token=\S+/.exec(m.text_body)![0]);
}
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe(`verification without dead ends (${testEngine()})`, () => {
  it('says a used link of a verified address is verified, in both languages, and still refuses an unknown one', async () => {
    const { app, database } = await createTestApp();
    const client = new TestClient(app);
    await client.post('/api/v1/auth/sign-up', { email: 'wang@example.cn', password: STRONG, displayName: '王芳' });
    const token = tokenOf((await verifyLinks(database.db, 'wang@example.cn'))[0]!);
    expect((await client.post('/api/v1/auth/verify-email', { token })).json()).toEqual({ status: 'verified' });
    const again = await client.post('/api/v1/auth/verify-email', { token });
    expect([again.statusCode, again.json()]).toEqual([200, { status: 'already_verified' }]);
    const en = await new TestClient(app, { 'accept-language': 'en' }).post('/api/v1/auth/verify-email', { token });
    expect([en.statusCode, en.json()]).toEqual([200, { status: 'already_verified' }]);
    const unknown = await client.post('/api/v1/auth/verify-email', { token: 'x'.repeat(43) });
    expect([unknown.statusCode, unknown.json().error.message]).toEqual([400, '链接无效或已过期，请重新申请。']);
  });

  it('carries a workbench ?next= through the mail and drops one that leaves the site', async () => {
    const { app, database } = await createTestApp();
    const client = new TestClient(app);
    const signUp = (email: string, next: string) => client.post('/api/v1/auth/sign-up', { email, password: STRONG, displayName: '赵敏', next });
    expect((await signUp('zhao@example.cn', '/app/cases?new=seventh-collection')).statusCode).toBe(202);
    const [link] = await verifyLinks(database.db, 'zhao@example.cn');
    expect(link).toBe(`${TEST_BASE_URL}/app/verify-email?token=${tokenOf(link!)}&next=%2Fapp%2Fcases%3Fnew%3Dseventh-collection`);
    for (const [email, next] of [['evil1@example.cn', 'https://evil.example'], ['evil2@example.cn', '//evil.example'], ['evil3@example.cn', '/\\evil.example']] as const) {
      expect((await signUp(email, next)).statusCode).toBe(202);
      const [mailed] = await verifyLinks(database.db, email);
      expect(mailed).toBe(`${TEST_BASE_URL}/app/verify-email?token=${tokenOf(mailed!)}`);
    }
  });

  it('resends the mail to an unverified account, three links an hour, with the same answer for unknown and verified addresses', async () => {
    const { app, database, setNow } = await createTestApp({ now: new Date('2024-05-01T02:00:00.000Z') });
    const client = new TestClient(app);
    await client.post('/api/v1/auth/sign-up', { email: 'chen@example.cn', password: STRONG, displayName: '陈静' });
    const signIn = await client.post('/api/v1/auth/sign-in', { email: 'chen@example.cn', password: STRONG });
    expect([signIn.statusCode, signIn.json().error]).toEqual([403, { code: 'email_not_verified', message: '请先点击验证邮件中的链接验证邮箱，再登录。' }]);

    const resend = (email: string) => client.post('/api/v1/auth/verify-email/resend', { email, next: '/app/cases?new=seventh-collection' });
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await resend('Chen@Example.cn'));
    answers.push(await resend('nobody@example.cn'));
    await createPerson(database.db, { email: 'verified@example.cn' });
    answers.push(await resend('verified@example.cn'));
    expect(answers.map((r) => [r.statusCode, r.json()])).toEqual(Array(5).fill([202, { status: 'check_your_email' }]));
    // The sign-up's link and two resends: the third resend within the hour mails nothing.
    const links = await verifyLinks(database.db, 'chen@example.cn');
    expect(links).toHaveLength(3);
    expect(links[2]).toBe(`${TEST_BASE_URL}/app/verify-email?token=${tokenOf(links[2]!)}&next=%2Fapp%2Fcases%3Fnew%3Dseventh-collection`);
    expect(await database.db.selectFrom('mails').select('to_email').where('to_email', 'in', ['nobody@example.cn', 'verified@example.cn']).execute()).toEqual([]);

    setNow(new Date('2024-05-01T03:00:01.000Z'));
    await resend('chen@example.cn');
    expect(await verifyLinks(database.db, 'chen@example.cn')).toHaveLength(4);
  });

  it('holds the resend limit under parallel requests', async () => {
    const { app, database } = await createTestApp();
    const client = new TestClient(app);
    await client.post('/api/v1/auth/sign-up', { email: 'sun@example.cn', password: STRONG, displayName: '孙丽' });
    await client.get('/api/v1/auth/csrf');
    const answers = await Promise.all(Array.from({ length: 8 }, () => client.post('/api/v1/auth/verify-email/resend', { email: 'sun@example.cn' })));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(8).fill(202));
    expect(await verifyLinks(database.db, 'sun@example.cn')).toHaveLength(3);
  });
});
