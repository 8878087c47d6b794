import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { statusResponse } from '../../../core/api/envelope.ts';
import { caseConflictsResponse } from '../../../core/api/reviewer-pool.ts';
import { text } from '../../../core/text/clean-text.ts';
import { inTransaction } from '../../db/transaction.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { declareConflict, dismissConflict, listCaseConflicts } from './conflicts.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const reason = z.object({ reason: text().trim().min(2).max(500) });

export async function conflictsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/v1/cases/:id/conflicts', {
    config: { access: 'organizer' },
    schema: { tags: ['reviewers'], summary: "Reviewers in conflict with the case, with the reasons; organizers of the case's campaign", params: z.object({ id: z.string().max(64) }), response: { 200: caseConflictsResponse, ...errors } },
  }, async (request) => ({ data: await listCaseConflicts(app.db, requireActor(request.actor), request.params.id, request.locale) }));

  routes.post('/api/v1/cases/:id/conflicts/:reviewerId/dismissal', {
    config: { access: 'organizer' },
    schema: {
      tags: ['reviewers'], summary: 'Dismiss the conflicts found between a reviewer and the case, with a recorded reason',
      params: z.object({ id: z.string().max(64), reviewerId: z.string().max(64) }), body: reason, response: { 200: statusResponse, ...errors },
    },
  }, async (request) => {
    await inTransaction(app.db, (trx) => dismissConflict(trx, requireActor(request.actor), request.params.id, request.params.reviewerId, request.body.reason, app.clock()));
    return { status: 'dismissed' };
  });

  // Signed-in at the gate; the service lets through only a reviewer of the case's campaign.
  routes.post('/api/v1/cases/:id/conflict-declaration', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['reviewers'], summary: "Declare the caller's conflict of interest with a case of a campaign they review",
      params: z.object({ id: z.string().max(64) }), body: reason, response: { 200: statusResponse, ...errors },
    },
  }, async (request) => {
    await inTransaction(app.db, (trx) => declareConflict(trx, requireActor(request.actor), request.params.id, request.body.reason, app.clock()));
    return { status: 'declared' };
  });
}
