import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are decoded strictly: bytes that are not UTF-8 (a client sending GBK or Latin-1)
 * are refused instead of silently becoming U+FFFD, which would store text nobody typed. The
 * parsing itself stays Fastify's, prototype-poisoning refusals included; the text rule
 * (core/text/clean-text.ts) then checks what the escapes spell, lone surrogates included.
 */
export function registerStrictJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let json: string;
    try {
      json = utf8.decode(body as Buffer);
    } catch {
      done(new AppError('body_not_utf8'), undefined);
      return;
    }
    parseJson(request, json, done);
  });
}
