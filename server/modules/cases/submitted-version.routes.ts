import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { submittedVersionResponse } from '../../../core/api/cases.ts';
import { submittedVersion } from './submitted-version.service.ts';

export async function submittedVersionRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/cases/:id/submitted', {
    config: { access: 'organizer' },
    schema: {
      tags: ['cases'],
      summary: 'The last submitted version of a case, as its receipt covers it (organizers)',
      params: z.object({ id: z.uuid() }),
      response: { 200: submittedVersionResponse, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema },
    },
  }, async (request) => ({ data: await submittedVersion(app.db, requireActor(request.actor), request.params.id) }));
}
