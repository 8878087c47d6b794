import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../core/text/clean-text.ts';
import { requireActor } from '../http/authenticate.ts';
import { attachmentDisposition } from '../http/content-disposition.ts';
import { errorResponseSchema } from '../http/error-schema.ts';
import { buildDeclarationPdf } from './declaration-form-pdf.ts';
import { buildDeclarationForm, declarationFormFileName } from './declaration-form.ts';
import { fillDeclarationForm } from './documents.service.ts';

const FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', build: buildDeclarationForm },
  pdf: { type: 'application/pdf', build: buildDeclarationPdf },
} as const;

const errors = { 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

/** The pre-filled declaration form of a case, as Word and as PDF, for its unit to print, sign and seal. */
export async function caseDocumentsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  for (const [extension, format] of Object.entries(FORMATS) as [keyof typeof FORMATS, (typeof FORMATS)[keyof typeof FORMATS]][]) {
    routes.get(`/api/v1/cases/:id/declaration-form.${extension}`, {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: `The declaration form filled from the case's saved draft and its unit, as ${extension === 'pdf' ? 'PDF (A4)' : 'Word'}`,
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ lang: text().optional().describe('zh-CN or en: the language of the form') }),
        response: { 200: z.any().describe(`the ${extension} file`), ...errors },
      },
    }, async (request, reply) => {
      const { locale } = request;
      const { campaign, caseTitle, fill } = await fillDeclarationForm(app.db, requireActor(request.actor), request.params.id);
      const body = await format.build(campaign, locale, fill);
      const base = declarationFormFileName(campaign, locale, extension).replace(/\.\w+$/, '');
      // Cut by characters, not UTF-16 units: half of 𠮷 in a header is a lone surrogate. English
      // words keep a hyphen between them, as the form's own name does.
      const title = [...caseTitle.replace(/[\\/:*?"<>|\s]+/g, locale === 'en' ? '-' : '')].slice(0, 40).join('').replace(/^-+|-+$/g, '');
      return reply
        .type(format.type)
        .header('content-disposition', attachmentDisposition(`${base}${title ? `-${title}` : ''}.${extension}`, `declaration-form-${request.params.id}.${extension}`))
        .header('cache-control', 'private, no-store')
        .send(body);
    });
  }
}
