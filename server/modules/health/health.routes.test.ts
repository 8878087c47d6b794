import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`GET /healthz (${testEngine()})`, () => {
  it('answers ok while the database answers', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: '/healthz' });
    expect([res.statusCode, res.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('answers 503 once the database is gone', async () => {
    const { app, database } = await createTestApp();
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await database.db.destroy();
    const res = await app.inject({ url: '/healthz' });
    expect([res.statusCode, res.json()]).toEqual([503, { status: 'unavailable' }]);
  });
});
