import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeBody } from './precompressed.ts';

describe('encodeBody', () => {
  it('holds the same text in every encoding', () => {
    const text = '第七届全国基层党建创新典型案例征集活动'.repeat(50);
    const body = encodeBody(text);
    expect(body.identity.toString('utf8')).toBe(text);
    expect(gunzipSync(body.gzip).toString('utf8')).toBe(text);
    expect(brotliDecompressSync(body.br).toString('utf8')).toBe(text);
    expect(body.br.length).toBeLessThan(body.identity.length / 10);
  });
});
