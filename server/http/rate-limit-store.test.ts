import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../app.ts';
import { removeExpiredRecords } from '../jobs/cleanup.service.ts';
import { DURING_WINDOW } from '../testing/fixtures.ts';
import { TEST_BASE_URL } from '../testing/test-app.ts';
import { TestClient } from '../testing/test-client.ts';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { countRequest } from '../db/rate-limit-counters.ts';

// Two instances on one database, as behind a load balancer: a client's requests count against
// one limit wherever they land.

async function twoInstances() {
  const database = await createTestDatabase();
  let now = DURING_WINDOW;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-data-'));
  const build = () => buildApp({ db: database.db, engine: database.engine, baseUrl: TEST_BASE_URL, dataDir, clock: () => now });
  const apps = [await build(), await build()];
  onTestFinished(async () => {
    for (const app of apps) await app.close();
    await database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { database, apps, clients: apps.map((app) => new TestClient(app)), advance: (ms: number) => { now = new Date(now.getTime() + ms); } };
}

const resetRequest = (client: TestClient) => client.post('/api/v1/auth/password-reset', { email: 'nobody@example.cn' });

describe(`rate limits across instances (${testEngine()})`, () => {
  it('counts one client on two instances against one limit, per route, and opens a new window when the old one is over', async () => {
    const { clients, advance, database } = await twoInstances();
    // The password-reset request allows 10 an hour per address: 5 on each instance pass ...
    for (let i = 0; i < 10; i += 1) expect((await resetRequest(clients[i % 2]!)).statusCode).toBe(202);
    // ... and the 11th is refused on either one.
    const refused = await resetRequest(clients[0]!);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
    expect((await resetRequest(clients[1]!)).statusCode).toBe(429);
    // Another route keeps its own count.
    expect((await clients[1]!.post('/api/v1/auth/sign-in', { email: 'nobody@example.cn', password: 'wrong password 1' })).statusCode).toBe(401);

    advance(3_600_001);
    expect((await resetRequest(clients[1]!)).statusCode).toBe(202);
    // The cleanup job removes the sign-in window (over) but not the fresh reset one.
    advance(60_000);
    expect((await removeExpiredRecords(database.db, new Date(DURING_WINDOW.getTime() + 3_660_001))).rateLimitWindows).toBe(1);
    const rows = await database.db.selectFrom('rate_limit_counters').select('key').execute();
    expect(rows).toHaveLength(1);
    // The table keeps no address or e-mail address, only hashes.
    expect(JSON.stringify(rows)).not.toMatch(/127\.0\.0\.1|@|POST/);
  });

  it('counts HEAD requests with the GET of the same page', async () => {
    const { apps } = await twoInstances();
    const app = apps[0]!;
    // The receipt look-up allows 30 a minute per address.
    for (let i = 0; i < 30; i += 1) {
      const res = await app.inject({ method: i % 2 === 0 ? 'HEAD' : 'GET', url: '/verify?number=Z7-20240630-AAAAAAAA' });
      expect(res.statusCode).not.toBe(429);
    }
    expect((await app.inject({ method: 'HEAD', url: '/verify' })).statusCode).toBe(429);
    expect((await app.inject({ method: 'GET', url: '/verify' })).statusCode).toBe(429);
  });

  it('loses no count when requests of one client arrive at once', async () => {
    const { database } = await twoInstances();
    const now = DURING_WINDOW.getTime();
    const counts = await Promise.all(Array.from({ length: 40 }, () => countRequest(database.db, 'POST /x|10.0.0.1', 60_000, now)));
    expect(counts.map((c) => c.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(counts.every((c) => c.ttl === 60_000)).toBe(true);
  });
});
