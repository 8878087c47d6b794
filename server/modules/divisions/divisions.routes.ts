import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { divisionCodeSchema } from '../../../core/org/divisions.ts';
import { divisionDetailResponse, divisionsResponse } from '../../../core/api/organizations.ts';
import { AppError } from '../../errors.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { describeDivision, listDivisions } from './divisions.service.ts';

// The table changes once a year at most and a deploy ships it: browsers and proxies may keep an
// answer for a day. Errors are not cached.
const CACHE_CONTROL = 'public, max-age=86400';

const langQuery = text().optional().describe('zh-CN or en: the language of error messages');

export async function divisionsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();


  routes.get('/api/v1/divisions', {
    config: { access: 'public' },
    schema: {
      tags: ['divisions'],
      summary: 'Administrative divisions (GB/T 2260): the provinces, or the children of one division',
      querystring: z.object({
        parent: divisionCodeSchema.optional().describe('a province gives its cities (and directly governed counties); a city its counties'),
        lang: langQuery,
      }),
      response: { 200: divisionsResponse, 400: errorResponseSchema, 404: errorResponseSchema },
    },
  }, async (request, reply) => {
    const data = listDivisions(request.query.parent);
    if (!data) throw new AppError('not_found');
    reply.header('cache-control', CACHE_CONTROL);
    return { data };
  });

  routes.get('/api/v1/divisions/:code', {
    config: { access: 'public' },
    schema: {
      tags: ['divisions'],
      summary: 'One division with its path from the province',
      params: z.object({ code: divisionCodeSchema }),
      querystring: z.object({ lang: langQuery }),
      response: { 200: divisionDetailResponse, 400: errorResponseSchema, 404: errorResponseSchema },
    },
  }, async (request, reply) => {
    const data = describeDivision(request.params.code);
    if (!data) throw new AppError('not_found');
    reply.header('cache-control', CACHE_CONTROL);
    return { data };
  });
}
