import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../app.ts';
import { DURING_WINDOW } from '../testing/fixtures.ts';
import { TEST_BASE_URL } from '../testing/test-app.ts';
import { TestClient } from '../testing/test-client.ts';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';

// Behind nginx (`proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`) the client can
// write the left part of X-Forwarded-For itself. The address the server uses for rate limits,
// lockouts and the audit log is the one the trusted proxy saw, never one the client wrote.

async function appBehindProxies(trustProxy: number) {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-data-'));
  const app = await buildApp({ db: database.db, engine: database.engine, baseUrl: TEST_BASE_URL, dataDir, clock: () => DURING_WINDOW, trustProxy });
  onTestFinished(async () => {
    await app.close();
    await database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, database };
}

async function recordedAddress(trustProxy: number, forwardedFor: string): Promise<unknown> {
  const { app, database } = await appBehindProxies(trustProxy);
  const client = new TestClient(app, { 'x-forwarded-for': forwardedFor });
  await client.post('/api/v1/auth/sign-in', { email: 'nobody@example.cn', password: 'not the password' });
  const entry = await database.db.selectFrom('audit_log').select('change').where('action', '=', 'auth.sign_in_failed').executeTakeFirstOrThrow();
  return JSON.parse(entry.change).ip;
}

describe(`the client address behind proxies (${testEngine()})`, () => {
  it('takes the address the one trusted proxy saw, not the one the client wrote in front of it', async () => {
    expect(await recordedAddress(1, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('walks back as many proxies as it is told to trust, and no further', async () => {
    expect(await recordedAddress(2, '6.6.6.6, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
  });

  it('ignores the header altogether when no proxy is trusted', async () => {
    expect(await recordedAddress(0, '203.0.113.7')).toBe('127.0.0.1');
  });
});
