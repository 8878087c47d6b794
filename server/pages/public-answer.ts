import type { FastifyReply, FastifyRequest } from 'fastify';
import { rememberLanguageChoice } from '../http/locale.ts';
import { acceptsEncoding } from '../http/precompressed.ts';
import type { CachedPage } from '../modules/public-cache/cached-page.ts';

// How every public page answers (decision 0042): a weak ETag of its body and `no-cache`, so a
// browser or proxy may keep it but asks each time, and hears 304 when nothing changed. A page
// unpublished a moment ago is therefore never shown from anyone's cache.

/** Pages in the reader's language vary by everything that chooses it; the rest by encoding only. */
const VARY = { language: 'Accept-Encoding, Accept-Language, Cookie', none: 'Accept-Encoding' } as const;

/** Whether If-None-Match names `etag` (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

export function sendPublicPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, varies: keyof typeof VARY = 'language') {
  if (varies === 'language') {
    rememberLanguageChoice(request, reply);
    reply.header('content-language', request.locale);
  }
  for (const [name, value] of Object.entries(page.headers)) reply.header(name, value);
  reply.header('vary', VARY[varies]).header('cache-control', 'no-cache');
  // Only a page has a validator: a 410 says the case is gone, and is sent whole each time.
  if (page.status !== 200) return reply.code(page.status).type(page.type).send(page.identity);
  reply.header('etag', page.etag);
  if (matchesEtag(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
  const accepted = request.headers['accept-encoding'] ?? '';
  const coding = acceptsEncoding(accepted, 'br') ? 'br' : acceptsEncoding(accepted, 'gzip') ? 'gzip' : 'identity';
  if (coding !== 'identity') reply.header('content-encoding', coding);
  return reply.code(200).type(page.type).send(page.body(coding));
}
