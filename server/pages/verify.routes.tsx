import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../../core/i18n/messages.ts';
import { rememberLanguageChoice } from '../http/locale.ts';
import { checkReceipt, VERIFY_PATH } from '../modules/receipts/receipt-check.service.ts';
import { renderDocument } from './layout.tsx';
import { alternatesOf } from './page-urls.ts';
import { VerifyPage } from './verify-page.tsx';

const query = z.object({
  lang: z.string().max(100).optional(),
  number: z.string().max(64).optional(),
  sha256: z.string().max(128).optional(),
});

/** The public receipt verification page: anyone with a receipt number confirms it, and nothing private shows. */
export async function verifyRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(VERIFY_PATH, {
    // Receipt numbers carry 40 random bits; the limit keeps anyone from trying many of them.
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true, querystring: query },
  }, async (request, reply) => {
    const { locale } = request;
    const t = translator(locale);
    const asked = { number: (request.query.number ?? '').trim(), sha256: (request.query.sha256 ?? '').trim() };
    const check = asked.number === '' ? undefined : await checkReceipt(app.db, asked.number, locale);
    const alternates = alternatesOf(app.baseUrl, asked.number === '' ? VERIFY_PATH : `${VERIFY_PATH}?number=${encodeURIComponent(asked.number)}`);
    const html = renderDocument(
      <VerifyPage
        locale={locale}
        query={asked}
        check={check}
        unsupportedLanguage={request.unsupportedLanguage}
        head={{ title: `${t('documents.verify.title')} · ${t('site.name')}`, description: t('documents.verify.description'), url: alternates[locale], alternates, stylesheet: app.assets.site.url, scripts: [app.assets.fileHash.url] }}
      />,
    );
    rememberLanguageChoice(request, reply);
    return reply
      .code(asked.number !== '' && !check ? 404 : 200)
      .header('content-language', locale)
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
