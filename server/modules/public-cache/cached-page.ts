import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip' | 'identity';

// A page kept in the cache is compressed once, at brotli quality 5 and gzip level 6 (about a
// millisecond for a case page; quality 9 would save a few per cent of its size). A page sent once
// (not kept: the cache off, an unsupported language) is compressed at the fastest settings, which
// still take off most of its bytes.
const SETTINGS = { kept: { br: 5, gzip: 6 }, once: { br: 1, gzip: 1 } } as const;
const compress = (coding: Exclude<Coding, 'identity'>, body: Buffer, level: { br: number; gzip: number }) => (coding === 'br'
  ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: level.br, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
  : gzipSync(body, { level: level.gzip }));

/** A weak validator of the body: equal bodies have equal tags, on every instance and in every encoding. */
export const weakEtag = (body: Buffer) => `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * One rendered public answer: its status, type, extra headers and body, encoded for a coding
 * the first time a client asks for it. `onGrow` tells the cache holding it how many bytes an
 * encoding added.
 */
export class CachedPage {
  readonly status: number;
  readonly type: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly etag: string;
  readonly identity: Buffer;
  readonly #encoded: Partial<Record<Coding, Buffer>> = {};
  onGrow: ((bytes: number) => void) | undefined;

  /** Whether the page may be kept (and so is worth compressing well). */
  readonly kept: boolean;

  constructor(page: { status: number; type: string; headers?: Record<string, string>; body: string | Buffer }, kept = true) {
    this.kept = kept;
    this.status = page.status;
    this.type = page.type;
    this.headers = page.headers ?? {};
    this.identity = typeof page.body === 'string' ? Buffer.from(page.body, 'utf8') : page.body;
    this.etag = weakEtag(this.identity);
  }

  /** The bytes held: the body and the encodings made so far. */
  get bytes(): number {
    return this.identity.length + (this.#encoded.br?.length ?? 0) + (this.#encoded.gzip?.length ?? 0);
  }

  body(coding: Coding): Buffer {
    if (coding === 'identity') return this.identity;
    let encoded = this.#encoded[coding];
    if (!encoded) {
      encoded = compress(coding, this.identity, this.kept ? SETTINGS.kept : SETTINGS.once);
      this.#encoded[coding] = encoded;
      this.onGrow?.(encoded.length);
    }
    return encoded;
  }
}
