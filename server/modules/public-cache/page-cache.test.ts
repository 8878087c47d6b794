import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CachedPage, weakEtag } from './cached-page.ts';
import { PageCache } from './page-cache.ts';

const page = (body: string, status = 200) => new CachedPage({ status, type: 'text/html; charset=utf-8', body });

describe('the page cache', () => {
  it('finds a page only in the generation it was rendered in, and a new generation empties it', () => {
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1_000_000 });
    cache.enter(1);
    cache.set('a', 1, page('one'));
    expect(cache.get('a', 1)?.identity.toString()).toBe('one');
    expect(cache.get('a', 2)).toBeUndefined();
    cache.enter(2);
    expect([cache.get('a', 2), cache.size, cache.bytes]).toEqual([undefined, 0, 0]);
    // A page rendered under the old generation, finished late, is not kept.
    cache.set('a', 1, page('late'));
    expect(cache.size).toBe(0);
  });

  it('holds at most its entries and bytes, the least recently used going first, encodings counted', () => {
    const cache = new PageCache({ maxEntries: 3, maxBytes: 4000 });
    cache.enter(1);
    for (const key of ['a', 'b', 'c']) cache.set(key, 1, page(key.repeat(1000)));
    cache.get('a', 1);
    cache.set('d', 1, page('d'.repeat(1000)));
    expect(['a', 'b', 'c', 'd'].map((k) => cache.get(k, 1) !== undefined)).toEqual([true, false, true, true]);
    expect(cache.bytes).toBe(3000);
    // Encoding a page grows it; the cache makes room by dropping the oldest.
    const c = cache.get('c', 1)!;
    const gzip = c.body('gzip');
    expect(gunzipSync(gzip).toString()).toBe('c'.repeat(1000));
    expect(cache.bytes).toBe(3000 + gzip.length);
    cache.set('e', 1, page('e'.repeat(990)));
    expect(cache.bytes).toBeLessThanOrEqual(4000);
    expect(cache.get('e', 1)).toBeDefined();
    // Nothing at all is kept with no entries allowed, and a page over a quarter of the bytes is not kept.
    const none = new PageCache({ maxEntries: 0, maxBytes: 4000 });
    none.enter(1);
    none.set('a', 1, page('a'));
    cache.set('big', 1, page('x'.repeat(1001)));
    expect([none.size, cache.get('big', 1)]).toEqual([0, undefined]);
  });

  it('tags equal bodies equally, in every encoding', () => {
    const a = page('<p>同一页</p>');
    const b = page('<p>同一页</p>');
    expect(a.etag).toBe(b.etag);
    expect(a.etag).toBe(weakEtag(Buffer.from('<p>同一页</p>')));
    expect(a.etag).not.toBe(page('<p>另一页</p>').etag);
  });
});
