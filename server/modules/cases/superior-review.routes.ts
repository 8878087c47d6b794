import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { statusResponse } from '../../../core/api/envelope.ts';
import { tokenReviewResponse } from '../../../core/api/superior.ts';
import { inTransaction } from '../../db/transaction.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { decideSuperiorReview, requestSuperiorReview, superiorView } from './superior-review.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const token = z.string().min(20).max(100);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const decisionBody = { decision: z.enum(['recommend', 'decline']), opinion: text().trim().min(1).max(2000), contentSha256: sha256 };

export async function superiorReviewRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post('/api/v1/cases/:id/superior-review', {
    config: { access: 'signed-in', rateLimit: { max: 20, timeWindow: '1 hour' } },
    schema: { tags: ['cases'], summary: 'Mail the superior organization a link to read and recommend the case', params: z.object({ id: z.uuid() }), response: { 202: statusResponse, ...errors } },
  }, async (request, reply) => {
    await inTransaction(app.db, (trx) => requestSuperiorReview(trx, requireActor(request.actor), request.params.id, app.clock(), app.baseUrl));
    return reply.code(202).send({ status: 'sent' });
  });

  // Public: the mailed link's token is the only credential, as for a password reset.
  routes.get('/api/v1/superior-review', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['cases'], summary: 'The case as the superior organization reads it', querystring: z.object({ token }),
      response: { 200: tokenReviewResponse, ...errors },
    },
  }, async (request) => ({ data: await superiorView(app.db, request.query.token, app.clock()) }));

  routes.post('/api/v1/superior-review', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['cases'], summary: 'Recommend the case with an opinion, or return it with a reason; 409 case_changed_since_read when the text is no longer the one read',
      body: z.object({ token, ...decisionBody }),
      response: { 200: statusResponse, ...errors },
    },
  }, async (request) => {
    await inTransaction(app.db, (trx) => decideSuperiorReview(trx, request.body.token, request.body, app.clock()));
    return { status: request.body.decision === 'recommend' ? 'recommended' : 'declined' };
  });
}
