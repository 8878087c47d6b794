import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseResultSchema } from '../../../core/api/certificates.ts';
import { dataOf } from '../../../core/api/envelope.ts';
import { text } from '../../../core/text/clean-text.ts';
import { requireActor } from '../../http/authenticate.ts';
import { attachmentDisposition } from '../../http/content-disposition.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { caseCertificate, caseResult } from './certificates.service.ts';

const errors = { 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const params = z.object({ caseId: z.string().max(64) });

/** A case's final result and its certificate, for the case's unit and the campaign's organizers. */
export async function certificatesRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/v1/cases/:caseId/result', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'], summary: 'The case\'s final tier and certificate number once its campaign is final (null before); its unit and the campaign\'s organizers',
      params, querystring: z.object({ lang: text().optional().describe('zh-CN or en: the language of the verification link') }),
      response: { 200: dataOf(caseResultSchema), ...errors },
    },
  }, async (request) => ({ data: await caseResult(app.db, requireActor(request.actor), request.params.caseId, app.baseUrl, request.locale) }));

  routes.get('/api/v1/cases/:caseId/certificate.pdf', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'], summary: 'The certificate of honour of a final best or excellent case as PDF (landscape A4); its unit and the campaign\'s organizers',
      params, querystring: z.object({ lang: text().optional().describe('zh-CN or en: the language of the certificate') }),
      response: { 200: z.any().describe('the PDF'), ...errors },
    },
  }, async (request, reply) => {
    const { fileName, pdf } = await caseCertificate(app.db, requireActor(request.actor), request.params.caseId, app.baseUrl, request.locale);
    return reply
      .type('application/pdf')
      .header('content-disposition', attachmentDisposition(fileName, fileName.startsWith('certificate-') ? fileName : `certificate-${request.params.caseId}.pdf`))
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
}
