import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportKindSchema } from '../../../core/api/exports.ts';
import { text } from '../../../core/text/clean-text.ts';
import { requireActor } from '../../http/authenticate.ts';
import { attachmentDisposition } from '../../http/content-disposition.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { openExport } from './exports.service.ts';
import { writeSheet } from './xlsx-stream.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export async function exportsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  // Organizers at the gate; the service answers only the campaign's own organizers. The refusal
  // comes before the first byte; after it, the workbook streams straight from the database.
  routes.get('/api/v1/campaigns/:slug/exports/:kind', {
    config: { access: 'organizer' },
    schema: {
      tags: ['exports'],
      summary: 'One export of the campaign as an Excel workbook (cases, screening, assignments, scores, selection or objections), streamed; organizers of the campaign',
      params: z.object({ slug: z.string().max(64), kind: exportKindSchema }),
      querystring: z.object({ lang: text().optional().describe('zh-CN or en: the language of the sheet and its headers') }),
      response: { 200: z.any().describe('the .xlsx file'), ...errors },
    },
  }, async (request, reply) => {
    const opened = await openExport(app.db, requireActor(request.actor), request.params.slug, request.params.kind, request.locale, app.storage.has, app.clock());
    const out = new PassThrough();
    writeSheet(out, opened.sheet).catch((error: unknown) => {
      // Headers are gone: all that is left is to cut the download short, so it cannot pass for whole.
      request.log.error({ err: error }, 'export failed while streaming');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return reply
      .type(XLSX)
      .header('content-disposition', attachmentDisposition(opened.fileName, opened.asciiName))
      .header('cache-control', 'private, no-store')
      .send(out);
  });
}
