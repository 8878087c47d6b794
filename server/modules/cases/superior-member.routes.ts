import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { candidatesResponse, memberReviewResponse, reviewItemsResponse } from '../../../core/api/superior.ts';
import { caseResponse } from '../../../core/api/cases.ts';
import { statusResponse } from '../../../core/api/envelope.ts';
import { getCase } from './cases.service.ts';
import { chooseSuperiorUnit, decideAsSuperiorMember, listMySuperiorReviews, superiorCandidates, superiorMemberView } from './superior-member.service.ts';
import { decisionBody } from './superior-review.routes.ts';

// A registered unit as superior organization. Who may call each route:
// - superior-candidates, superior-organization: operators of the case's own unit (others: 404);
// - me/superior-reviews: any signed-in person, listing only cases naming one of their units;
// - superior-reviews/:id: members of the unit the case names as superior (others: 404, as a missing case).

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
const caseParams = z.object({ id: z.uuid() });

export async function superiorMemberRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/v1/cases/:id/superior-candidates', {
    config: { access: 'signed-in', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['cases'], summary: 'Registered units the case\'s unit may choose as its superior organization (names only; not itself, not merged)',
      params: caseParams, querystring: z.object({ q: z.string().trim().min(2).max(50) }),
      response: { 200: candidatesResponse, ...errors },
    },
  }, async (request) => ({ data: await superiorCandidates(app.db, requireActor(request.actor), request.params.id, request.query.q) }));

  routes.put('/api/v1/cases/:id/superior-organization', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'], summary: 'Choose a registered unit as the superior organization, or null to go back to a mailed address',
      params: caseParams, body: z.object({ organizationId: z.uuid().nullable() }), response: { 200: caseResponse, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request.actor);
    await inTransaction(app.db, (trx) => chooseSuperiorUnit(trx, actor, request.params.id, request.body.organizationId, app.clock()));
    return { data: await getCase(app.db, actor, request.params.id, app.clock()) };
  });

  routes.get('/api/v1/me/superior-reviews', {
    config: { access: 'signed-in' },
    schema: { tags: ['cases'], summary: 'Cases that name one of the caller\'s units as their superior organization', response: { 200: reviewItemsResponse, ...errors } },
  }, async (request) => ({ data: await listMySuperiorReviews(app.db, requireActor(request.actor)) }));

  routes.get('/api/v1/superior-reviews/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'], summary: 'The case as a member of its superior unit reads it', params: caseParams,
      response: { 200: memberReviewResponse, ...errors },
    },
  }, async (request) => ({ data: await superiorMemberView(app.db, requireActor(request.actor), request.params.id) }));

  routes.post('/api/v1/superior-reviews/:id', {
    config: { access: 'signed-in', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['cases'], summary: 'Recommend or return the case as a member of its superior unit, on the text read', params: caseParams,
      body: z.object(decisionBody), response: { 200: statusResponse, ...errors },
    },
  }, async (request) => {
    await inTransaction(app.db, (trx) => decideAsSuperiorMember(trx, requireActor(request.actor), request.params.id, request.body, app.clock()));
    return { status: request.body.decision === 'recommend' ? 'recommended' : 'declined' };
  });
}
