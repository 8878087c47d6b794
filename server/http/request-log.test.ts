import { describe, expect, it } from 'vitest';
import { maskSecretQuery } from './request-log.ts';

describe('maskSecretQuery', () => {
  it('masks a token in the query string and leaves everything else as it was', () => {
    expect(maskSecretQuery('/api/v1/superior-review?token=abcDEF_123-xyz')).toBe('/api/v1/superior-review?token=[redacted]');
    expect(maskSecretQuery('/x?lang=en&token=abc&page=2')).toBe('/x?lang=en&token=[redacted]&page=2');
    expect(maskSecretQuery('/api/v1/cases/1?status=draft')).toBe('/api/v1/cases/1?status=draft');
  });
});
