import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createTestApp } from '../testing/test-app.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { MissingAccessError } from './access.ts';

describe('route access declarations', () => {
  it('lists every route of the app with the policy it states', async () => {
    const { app } = await createTestApp();
    const table = app.routeAccess
      .filter((r) => !r.url.startsWith('/assets/'))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(table).toEqual([
      'GET / public',
      'GET /api/v1/campaigns public',
      'GET /api/v1/campaigns/:slug public',
      'GET /api/v1/openapi.json public',
      'GET /campaigns/:slug public',
      'GET /campaigns/:slug/declaration-form.docx public',
      'GET /healthz public',
    ]);
    expect(app.routeAccess.filter((r) => r.url.startsWith('/assets/')).map((r) => r.access)).toEqual(['public', 'public']);
  });

  it('refuses to start with a route that states no policy', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db, engine: database.engine, baseUrl: 'http://x' });
    try {
      expect(() => app.get('/forgotten', async () => 'oops')).toThrow(
        new MissingAccessError('route GET /forgotten declares no access policy (config.access)'),
      );
    } finally {
      await app.close();
      await database.dispose();
    }
  });
});
