import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { referenceImportResponse, similarityReportResponse, similarityStatusResponse } from '../../../core/api/similarity.ts';
import { text } from '../../../core/text/clean-text.ts';
import { formatBytes } from '../../../core/text/format-bytes.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { XLSX_TYPE } from '../reviewers/reviewer-pool.routes.ts';
import {
  commitReferenceImport, previewReferenceImport, readReferenceSheet, REFERENCE_SHEET_MAX_BYTES, signReferenceSheet,
} from './reference-import.service.ts';
import { similarityReport, similarityStatus } from './similarity-report.service.ts';

const errors = { 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema, 422: errorResponseSchema };
const caseParams = z.object({ id: z.string().max(64) });
const campaignParams = z.object({ slug: z.string().max(64) });
const querystring = z.object({ name: text().max(255).optional().describe("the file's name, for messages") });

// A case's near-duplicate report for the campaign's organizers, and the import of reference
// cases; the sheet arrives as the raw body, as the reviewer sheet does.
export async function similarityRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: REFERENCE_SHEET_MAX_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new AppError('file_too_large', { name: (request.query as { name?: string } | undefined)?.name || 'xlsx', max: formatBytes(REFERENCE_SHEET_MAX_BYTES) });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_TYPE') throw new AppError('sheet_unreadable');
    throw error;
  });
  const sheetOf = (body: unknown): Buffer => {
    if (!Buffer.isBuffer(body)) throw new AppError('sheet_unreadable');
    return body;
  };

  routes.get('/api/v1/cases/:id/similarity', {
    config: { access: 'organizer' },
    schema: {
      tags: ['similarity'], summary: "A case's near-duplicates with their overlapping passages, and files it shares with other cases; the campaign's organizers only",
      params: caseParams, response: { 200: similarityReportResponse, ...errors },
    },
  }, async (request) => ({ data: await similarityReport(app.db, requireActor(request.actor), request.params.id) }));

  routes.get('/api/v1/cases/:id/similarity/status', {
    config: { access: 'organizer' },
    schema: {
      tags: ['similarity'], summary: "Whether a case's near-duplicate check is done or still to come; the campaign's organizers only",
      params: caseParams, response: { 200: similarityStatusResponse, ...errors },
    },
  }, async (request) => ({ data: await similarityStatus(app.db, requireActor(request.actor), request.params.id) }));

  routes.post('/api/v1/campaigns/:slug/reference-imports/preview', {
    config: { access: 'organizer', rateLimit: { max: 60, timeWindow: '10 minutes' } },
    bodyLimit: REFERENCE_SHEET_MAX_BYTES,
    schema: {
      tags: ['similarity'], summary: 'Read a sheet of earlier campaigns’ cases (.xlsx, raw body) and report what each row would do; nothing is saved',
      params: campaignParams, querystring, response: { 200: referenceImportResponse, ...errors },
    },
  }, async (request) => {
    const sheet = await readReferenceSheet(app.db, requireActor(request.actor), request.params.slug, sheetOf(request.body));
    return { data: await previewReferenceImport(app.db, sheet, request.locale) };
  });

  routes.post('/api/v1/campaigns/:slug/reference-imports', {
    config: { access: 'organizer', rateLimit: { max: 30, timeWindow: '10 minutes' } },
    bodyLimit: REFERENCE_SHEET_MAX_BYTES,
    schema: {
      tags: ['similarity'], summary: 'Import a sheet of earlier campaigns’ cases (.xlsx, raw body) to compare the campaign’s cases with; report every row',
      params: campaignParams, querystring, response: { 200: referenceImportResponse, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request.actor);
    // Read and signed before the transaction opens: neither may hold the database's writer.
    const sheet = await readReferenceSheet(app.db, actor, request.params.slug, sheetOf(request.body));
    const signed = signReferenceSheet(sheet);
    return { data: await inTransaction(app.db, (trx) => commitReferenceImport(trx, actor, sheet, signed, request.locale, app.clock())) };
  });
}
