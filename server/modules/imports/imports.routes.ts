import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { translate, type MessageKey } from '../../../core/i18n/messages.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { formatBytes } from '../../../core/text/format-bytes.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { importProposalResponse } from '../../../core/api/attachments.ts';
import { importFailed } from './docx-zip.ts';
import { proposeDocxImport } from './imports.service.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The largest Word file the import reads, as the campaign's own attachments allow. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const errors = { 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema, 422: errorResponseSchema };

// The reason is a code in the service; the message names it in the caller's language.
function inLocale(error: unknown, locale: Locale): unknown {
  if (!(error instanceof AppError) || error.code !== 'import_failed') return error;
  const reason = String(error.params.reason);
  return new AppError('import_failed', { reason: translate(locale, `import.reason.${reason}` as MessageKey) }, error.details);
}

export async function importsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  // Browsers send a .docx as its own type, or as octet-stream when the system does not know it.
  app.addContentTypeParser([DOCX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const name = (request.query as { name?: string } | undefined)?.name || translate(request.locale, 'import.defaultFileName');
      throw new AppError('file_too_large', { name, max: formatBytes(IMPORT_MAX_BYTES) });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_TYPE') throw inLocale(importFailed('not_docx'), request.locale);
    throw inLocale(error, request.locale);
  });

  routes.post('/api/v1/cases/:id/import-docx', {
    config: { access: 'signed-in', rateLimit: { max: 30, timeWindow: '10 minutes' } },
    bodyLimit: IMPORT_MAX_BYTES,
    schema: {
      tags: ['cases'],
      summary: 'Read a Word file (.docx, raw body) into a proposed title, summary and sections; nothing is saved',
      params: z.object({ id: z.string().max(64) }),
      querystring: z.object({ name: text().max(255).optional().describe("the file's name, for messages") }),
      response: { 200: importProposalResponse, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request.actor);
    if (!Buffer.isBuffer(request.body)) throw importFailed('not_docx');
    return { data: await proposeDocxImport(app.db, actor, request.params.id, request.body, app.clock()) };
  });
}
