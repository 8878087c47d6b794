import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importReportResponse, reviewerPoolResponse } from '../../../core/api/reviewer-pool.ts';
import { text } from '../../../core/text/clean-text.ts';
import { formatBytes } from '../../../core/text/format-bytes.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { listReviewerPool } from '../conflicts/conflicts.service.ts';
import { commitReviewerImport, previewReviewerImport, readImportSheet } from './reviewer-pool.service.ts';
import { SHEET_MAX_BYTES } from './reviewer-sheet.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const errors = { 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema, 422: errorResponseSchema };
const params = z.object({ slug: z.string().max(64) });
const querystring = z.object({ name: text().max(255).optional().describe("the file's name, for messages") });

// The sheet arrives as the raw body, as a Word file does for the case import (modules/imports).
export async function reviewerPoolRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: SHEET_MAX_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new AppError('file_too_large', { name: (request.query as { name?: string } | undefined)?.name || 'xlsx', max: formatBytes(SHEET_MAX_BYTES) });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_TYPE') throw new AppError('sheet_unreadable');
    throw error;
  });

  const sheetOf = (body: unknown): Buffer => {
    if (!Buffer.isBuffer(body)) throw new AppError('sheet_unreadable');
    return body;
  };

  routes.post('/api/v1/campaigns/:slug/reviewer-imports/preview', {
    config: { access: 'organizer', rateLimit: { max: 60, timeWindow: '10 minutes' } },
    bodyLimit: SHEET_MAX_BYTES,
    schema: {
      tags: ['reviewers'], summary: 'Read a reviewer sheet (.xlsx, raw body) and report what each row would do; nothing is saved',
      params, querystring, response: { 200: importReportResponse, ...errors },
    },
  }, async (request) => {
    const sheet = await readImportSheet(app.db, requireActor(request.actor), request.params.slug, sheetOf(request.body));
    return { data: await previewReviewerImport(app.db, sheet, request.locale, app.clock()) };
  });

  routes.post('/api/v1/campaigns/:slug/reviewer-imports', {
    config: { access: 'organizer', rateLimit: { max: 30, timeWindow: '10 minutes' } },
    bodyLimit: SHEET_MAX_BYTES,
    schema: {
      tags: ['reviewers'], summary: 'Import a reviewer sheet (.xlsx, raw body): add or update the rows that pass, invite new addresses, report every row',
      params, querystring, response: { 200: importReportResponse, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request.actor);
    // Read before the transaction opens: parsing must not hold the database's writer.
    const sheet = await readImportSheet(app.db, actor, request.params.slug, sheetOf(request.body));
    return { data: await inTransaction(app.db, (trx) => commitReviewerImport(trx, actor, sheet, request.locale, app.clock(), app.baseUrl)) };
  });

  routes.get('/api/v1/campaigns/:slug/reviewer-pool', {
    config: { access: 'organizer' },
    schema: {
      tags: ['reviewers'], summary: "The campaign's reviewer pool, each with the number of standing conflicts", params,
      response: { 200: reviewerPoolResponse, ...errors },
    },
  }, async (request) => ({ data: await listReviewerPool(app.db, requireActor(request.actor), request.params.slug) }));
}
