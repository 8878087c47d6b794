import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig } from '../../config.ts';
import { startSmtpTestServer } from '../../testing/smtp-test-server.ts';
import { startApp } from '../../start.ts';
import { TestClient } from '../../testing/test-client.ts';

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the whole app with mail through a real SMTP server', () => {
  it('mails the verification link once, and the link from the received message verifies the account', async () => {
    const smtp = await startSmtpTestServer();
    onTestFinished(() => smtp.close());
    const config = loadConfig({
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zhengji-smtp-')),
      SMTP_URL: smtp.url,
      MAIL_FROM: '征集平台 <no-reply@zhengji.test>',
      BASE_URL: 'https://zhengji.test',
    });
    const { app, database } = await startApp(config, { jobIntervalMs: 50 });
    onTestFinished(() => app.close());

    const client = new TestClient(app);
    const signUp = await client.post('/api/v1/auth/sign-up', { email: 'zhang@example.cn', password: 'Cunzhibu-2024-dangjian', displayName: '张伟' });
    expect(signUp.statusCode).toBe(202);

    const [message] = await until(async () => ((await smtp.parsed()).length > 0 ? smtp.parsed() : undefined));
    expect(message!.subject).toBe('「征集平台」请验证您的邮箱');
    expect(message!.from?.value).toEqual([{ address: 'no-reply@zhengji.test', name: '征集平台' }]);
    expect(message!.to && !Array.isArray(message!.to) ? message!.to.text : '').toBe('zhang@example.cn');
    const token = /https:\/\/zhengji\.test\/app\/verify-email\?token=([\w-]+)/.exec(message!.text ?? '')![1]!;

    const row = await until(async () => {
      const mail = await database.db.selectFrom('mails').select(['status', 'message_id']).executeTakeFirst();
      return mail?.status === 'sent' ? mail : undefined;
    });
    expect(row.message_id).toMatch(/^<[0-9a-f-]{36}@zhengji>$/);
    expect(message!.messageId).toBe(row.message_id);

    expect((await client.post('/api/v1/auth/verify-email', { token })).json()).toEqual({ status: 'verified' });
    expect((await client.post('/api/v1/auth/sign-in', { email: 'zhang@example.cn', password: 'Cunzhibu-2024-dangjian' })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).toHaveLength(1);
  });
});
