import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../../core/i18n/messages.ts';
import { rememberLanguageChoice } from '../http/locale.ts';
import { CERTIFICATE_PATH } from '../../core/api/certificates.ts';
import { checkCertificate } from '../modules/certificates/certificates.service.ts';
import { CertificatePage } from './certificate-page.tsx';
import { renderDocument } from './layout.tsx';
import { alternatesOf } from './page-urls.ts';

const query = z.object({ lang: z.string().max(100).optional(), serial: z.string().max(200).optional() });

/** The public page a certificate's QR code opens: it confirms an issued certificate of a final campaign and refuses anything else. */
export async function certificateRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  // Numbers carry 40 random bits; the limit keeps anyone from trying many of them (as for receipts).
  const config = { access: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };

  const answer = async (request: FastifyRequest, reply: FastifyReply, asked: string) => {
    const { locale } = request;
    const t = translator(locale);
    const check = asked === '' ? undefined : await checkCertificate(app.db, asked, locale);
    const path = check?.kind === 'found' ? `${CERTIFICATE_PATH}/${encodeURIComponent(check.serial)}` : CERTIFICATE_PATH;
    const alternates = alternatesOf(app.baseUrl, path);
    const html = renderDocument(
      <CertificatePage
        locale={locale}
        check={check}
        unsupportedLanguage={request.unsupportedLanguage}
        head={{ title: `${t('certificates.verify.title')} · ${t('site.name')}`, description: t('certificates.verify.description'), url: alternates[locale], alternates, stylesheet: app.assets.site.url }}
      />,
    );
    rememberLanguageChoice(request, reply);
    return reply
      .code(check === undefined || check.kind === 'found' ? 200 : check.kind === 'malformed' ? 400 : 404)
      .header('content-language', locale)
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .type('text/html; charset=utf-8')
      .send(html);
  };

  routes.get(CERTIFICATE_PATH, { config, schema: { hide: true, querystring: query } }, (request, reply) => answer(request, reply, (request.query.serial ?? '').trim()));
  routes.get(`${CERTIFICATE_PATH}/:serial`, {
    config, schema: { hide: true, params: z.object({ serial: z.string().max(200) }), querystring: query },
  }, (request, reply) => answer(request, reply, request.params.serial.trim()));
}
