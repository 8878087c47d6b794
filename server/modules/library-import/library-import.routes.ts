import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importReportResponse } from '../../../core/api/library-import.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate, type MessageKey } from '../../../core/i18n/messages.ts';
import { text } from '../../../core/text/clean-text.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { IMPORT_FILE_MAX_BYTES } from './import-file.ts';
import { importEarlierEditions } from './library-import.service.ts';

// The import of earlier editions' published cases (decision 0044): organizers of the base
// campaign (the platform's too). The file is the raw body, as the Word import takes its file.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema, 422: errorResponseSchema };

// The reason is a code in the service; the message names it in the caller's language.
function inLocale(error: unknown, locale: Locale): unknown {
  if (!(error instanceof AppError) || error.code !== 'library_import_unreadable') return error;
  const reason = String(error.params.reason);
  return new AppError('library_import_unreadable', { reason: translate(locale, `libraryImport.reason.${reason}` as MessageKey) }, error.details);
}

export async function libraryImportRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_FILE_MAX_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError('library_import_too_large', { max: IMPORT_FILE_MAX_BYTES / 1024 / 1024 });
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_TYPE') throw inLocale(new AppError('library_import_unreadable', { reason: 'not_readable' }), request.locale);
    throw inLocale(error, request.locale);
  });

  routes.post('/api/v1/campaigns/:slug/earlier-editions/import', {
    config: { access: 'organizer', rateLimit: { max: 30, timeWindow: '10 minutes' } },
    bodyLimit: IMPORT_FILE_MAX_BYTES,
    schema: {
      tags: ['library'],
      summary: "Imports earlier editions' published cases from a JSON or XLSX file (raw body) into the case library; dryRun=true reports each row and writes nothing",
      params: z.object({ slug: z.string().max(100) }),
      querystring: z.object({
        dryRun: z.enum(['true', 'false']).default('true').describe('true (the default): judge every row and write nothing'),
        name: text().max(255).optional().describe("the file's name, for the audit log"),
      }),
      response: { 200: importReportResponse, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request.actor);
    if (!Buffer.isBuffer(request.body)) throw new AppError('library_import_unreadable', { reason: 'not_readable' });
    const report = await importEarlierEditions(app.db, actor, request.params.slug, {
      bytes: request.body, fileName: request.query.name ?? '', dryRun: request.query.dryRun === 'true', locale: request.locale,
    }, app.clock());
    return { data: report };
  });
}
