import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip' | 'identity';

// Quality 6 and level 6: a page's first request pays for its compression (well under a
// millisecond for a case page), and what quality 9 would save is a few per cent of it.
const compress: Record<Exclude<Coding, 'identity'>, (body: Buffer) => Buffer> = {
  br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipSync(body, { level: 6 }),
};

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

  constructor(page: { status: number; type: string; headers?: Record<string, string>; body: string | Buffer }) {
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
      encoded = compress[coding](this.identity);
      this.#encoded[coding] = encoded;
      this.onGrow?.(encoded.length);
    }
    return encoded;
  }
}
