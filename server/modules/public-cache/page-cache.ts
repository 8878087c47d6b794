import type { CachedPage } from './cached-page.ts';

export interface PageCacheLimits {
  /** At most this many pages (0: nothing is kept). */
  maxEntries: number;
  /** At most this many bytes of bodies and their encodings. */
  maxBytes: number;
}

/** 2,000 pages and 64 MiB: every campaign's pages and the most read cases, in both languages. */
export const DEFAULT_PAGE_CACHE_LIMITS: PageCacheLimits = { maxEntries: 2000, maxBytes: 64 * 1024 * 1024 };

/**
 * Rendered public pages of one generation, least recently used first out, bounded in entries
 * and bytes. A page is stored and found only under the generation it was rendered in: a new
 * generation empties the cache, and a page rendered under an older one is not kept.
 */
export class PageCache {
  readonly #limits: PageCacheLimits;
  readonly #entries = new Map<string, CachedPage>();
  #bytes = 0;
  #generation: number | undefined;

  constructor(limits: PageCacheLimits = DEFAULT_PAGE_CACHE_LIMITS) {
    this.#limits = limits;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Forgets every page unless `generation` is the one they were rendered in. */
  enter(generation: number): void {
    if (generation === this.#generation) return;
    this.#generation = generation;
    for (const page of this.#entries.values()) page.onGrow = undefined;
    this.#entries.clear();
    this.#bytes = 0;
  }

  get(key: string, generation: number): CachedPage | undefined {
    if (generation !== this.#generation) return undefined;
    const page = this.#entries.get(key);
    if (page) {
      this.#entries.delete(key);
      this.#entries.set(key, page);
    }
    return page;
  }

  set(key: string, generation: number, page: CachedPage): void {
    if (generation !== this.#generation || this.#limits.maxEntries === 0 || page.bytes > this.#limits.maxBytes / 4) return;
    this.#remove(key);
    this.#entries.set(key, page);
    this.#bytes += page.bytes;
    page.onGrow = (bytes) => {
      this.#bytes += bytes;
      this.#evict();
    };
    this.#evict();
  }

  #remove(key: string): void {
    const old = this.#entries.get(key);
    if (!old) return;
    old.onGrow = undefined;
    this.#bytes -= old.bytes;
    this.#entries.delete(key);
  }

  #evict(): void {
    while (this.#entries.size > this.#limits.maxEntries || this.#bytes > this.#limits.maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) return;
      this.#remove(oldest.value);
    }
  }
}
