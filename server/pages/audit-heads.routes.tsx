import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditHeadsResponse } from '../../core/api/people.ts';
import { translator } from '../../core/i18n/messages.ts';
import { rememberLanguageChoice } from '../http/locale.ts';
import { AUDIT_HEADS_PATH, listAuditHeads } from '../modules/audit/audit-heads.service.ts';
import { AuditHeadsPage } from './audit-heads-page.tsx';
import { renderDocument } from './layout.tsx';
import { alternatesOf } from './page-urls.ts';

const JSON_PATH = '/api/v1/audit/heads';
// Public, read-only and small; the limit only keeps a scraper from hammering the database.
const config = { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } } as const;

/** The audit chain's published heads, as a page and as JSON, for anyone to keep and compare. */
export async function auditHeadsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(JSON_PATH, {
    config,
    schema: { tags: ['audit'], summary: 'The audit chain\'s head as published each day, newest first (anyone)', response: { 200: auditHeadsResponse } },
  }, async () => ({ data: await listAuditHeads(app.db) }));

  routes.get(AUDIT_HEADS_PATH, {
    config,
    schema: { hide: true, querystring: z.object({ lang: z.string().max(100).optional() }) },
  }, async (request, reply) => {
    const { locale } = request;
    const t = translator(locale);
    const alternates = alternatesOf(app.baseUrl, AUDIT_HEADS_PATH);
    const html = renderDocument(
      <AuditHeadsPage
        locale={locale}
        heads={await listAuditHeads(app.db)}
        jsonUrl={JSON_PATH}
        unsupportedLanguage={request.unsupportedLanguage}
        head={{ title: `${t('auditHeads.title')} · ${t('site.name')}`, description: t('auditHeads.intro'), url: alternates[locale], alternates, stylesheet: app.assets.site.url, scripts: [] }}
      />,
    );
    rememberLanguageChoice(request, reply);
    return reply.header('content-language', locale).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
