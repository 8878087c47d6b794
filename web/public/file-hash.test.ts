import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './file-hash.ts';

describe('the verification page’s file hash', () => {
  it('prints what sha256sum prints', async () => {
    const bytes = new TextEncoder().encode('回执 receipt\n');
    expect(await sha256Hex(bytes.buffer)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await sha256Hex(new ArrayBuffer(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
