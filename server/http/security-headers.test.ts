import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';

describe('security headers', () => {
  it('are on every answer, pages and API alike', async () => {
    const { app } = await createTestApp();
    for (const url of ['/campaigns/seventh-collection', '/api/v1/campaigns', '/no/such/page']) {
      const res = await app.inject({ url });
      expect([url, res.headers['content-security-policy']]).toEqual([
        url,
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self'",
      ]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
