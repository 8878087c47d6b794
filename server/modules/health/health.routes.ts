import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { databaseAnswers } from './health.service.ts';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/healthz', {
    config: { access: 'public' },
    logLevel: 'warn',
    schema: {
      tags: ['operations'],
      summary: 'Liveness and database reachability, for load balancers',
      response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
    },
  }, async (request, reply) => {
    const health = await databaseAnswers(app.db);
    if (health.ok) return { status: 'ok' as const };
    request.log.error({ err: health.error }, 'health check: database does not answer');
    return reply.code(503).send({ status: 'unavailable' as const });
  });
}
