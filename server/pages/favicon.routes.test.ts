import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import { FAVICON_SVG } from './favicon.routes.ts';

describe('the favicon', () => {
  it('answers /favicon.ico and /favicon.svg with the red 征 seal, and the public pages link it', async () => {
    const { app } = await createTestApp();
    for (const url of ['/favicon.ico', '/favicon.svg']) {
      const res = await app.inject({ url });
      expect([res.statusCode, res.headers['content-type'], res.body]).toEqual([200, 'image/svg+xml', FAVICON_SVG]);
    }
    expect(FAVICON_SVG).toContain('>征</text>');
    const special = await app.inject({ url: '/campaigns/seventh-collection' });
    expect(special.body).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
  });
});
