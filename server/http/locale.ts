import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { matchLocale, negotiateLocale, type Locale } from '../../core/i18n/locale.ts';
import { AppError } from '../errors.ts';

export const LANG_COOKIE = 'zhengji_lang';
const ONE_YEAR_S = 365 * 24 * 3600;

/** `?lang=` wins, then the remembered choice, then Accept-Language; Chinese by default. */
export function resolveLocale(request: FastifyRequest): { locale: Locale; unsupported: string | undefined } {
  const query = request.query as Record<string, unknown> | undefined;
  const asked = typeof query?.lang === 'string' ? query.lang : undefined;
  const fromCookie = matchLocale(request.cookies?.[LANG_COOKIE] ?? '');
  const fallback = fromCookie ?? negotiateLocale(request.headers['accept-language']);
  if (asked === undefined) return { locale: fallback, unsupported: undefined };
  const matched = matchLocale(asked);
  return matched ? { locale: matched, unsupported: undefined } : { locale: fallback, unsupported: asked.slice(0, 40) };
}

export function registerLocale(app: FastifyInstance): void {
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('unsupportedLanguage', undefined);
  app.addHook('onRequest', (request, _reply, done) => {
    const { locale, unsupported } = resolveLocale(request);
    request.locale = locale;
    request.unsupportedLanguage = unsupported;
    // Pages show themselves with a notice; the API refuses, since a caller's mistake is worth reporting.
    if (unsupported !== undefined && request.url.startsWith('/api/')) {
      done(new AppError('unsupported_language', { lang: unsupported }));
      return;
    }
    done();
  });
}

/** Remembers an explicit, supported `?lang=` choice so the next page keeps the language. */
export function rememberLanguageChoice(request: FastifyRequest, reply: FastifyReply): void {
  const query = request.query as Record<string, unknown> | undefined;
  if (typeof query?.lang === 'string' && !request.unsupportedLanguage && request.cookies?.[LANG_COOKIE] !== request.locale) {
    reply.setCookie(LANG_COOKIE, request.locale, { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', httpOnly: false });
  }
}
