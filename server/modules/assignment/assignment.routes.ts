import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignmentPreviewResponse, assignmentRunResponse, latestRunResponse, releaseResponse } from '../../../core/api/assignment.ts';
import { dataOf, statusResponse } from '../../../core/api/envelope.ts';
import { text } from '../../../core/text/clean-text.ts';
import { inTransaction } from '../../db/transaction.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { addAssignment, releaseAssignments, removeAssignment } from './assignment-edits.service.ts';
import { AssignmentRuns, latestRunFor } from './assignment-runs.service.ts';
import { previewAssignments } from './assignment-view.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const params = z.object({ slug: z.string().max(64) });
const tags = ['assignment'];

// A campaign's reviewer assignment, for the campaign's organizers only (the service checks the
// campaign; the gate lets only organizers in).
export async function assignmentRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const runs = new AssignmentRuns(app.db, app.clock, (error) => app.log.error(error, 'assignment run failed'));
  app.addHook('onClose', () => runs.settle());

  routes.post('/api/v1/campaigns/:slug/assignment-runs', {
    config: { access: 'organizer', rateLimit: { max: 30, timeWindow: '10 minutes' } },
    schema: { tags, summary: 'Start solving the assignment in the background; one run at a time per campaign', params, response: { 202: assignmentRunResponse, ...errors } },
  }, async (request, reply) => {
    reply.code(202);
    return { data: await runs.start(requireActor(request.actor), request.params.slug) };
  });

  routes.get('/api/v1/campaigns/:slug/assignment-runs/latest', {
    config: { access: 'organizer' },
    schema: { tags, summary: 'The latest run: its progress while it solves, its figures and shortfall once done', params, response: { 200: latestRunResponse, ...errors } },
  }, async (request) => ({ data: await latestRunFor(app.db, requireActor(request.actor), request.params.slug) }));

  routes.get('/api/v1/campaigns/:slug/assignments', {
    config: { access: 'organizer' },
    schema: {
      tags, summary: 'The assignment: reviewers with load and capacity, a page of passed cases with reviewers and options', params,
      querystring: z.object({
        category: z.string().max(64).optional(),
        reviewer: z.string().max(64).optional(),
        state: z.enum(['proposed', 'released', 'short']).optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: assignmentPreviewResponse, ...errors },
    },
  }, async (request) => {
    const { category, reviewer, state, page, pageSize } = request.query;
    const { total, ...data } = await previewAssignments(app.db, requireActor(request.actor), request.params.slug, { category, reviewerId: reviewer, state, page, pageSize });
    return { data, total };
  });

  routes.post('/api/v1/campaigns/:slug/assignments', {
    config: { access: 'organizer' },
    schema: {
      tags, summary: 'Propose a reviewer for a case by hand', params,
      body: z.object({ caseId: z.string().max(64), reviewerId: z.string().max(64) }), response: { 201: dataOf(z.object({ id: z.string() })), ...errors },
    },
  }, async (request, reply) => {
    const data = await inTransaction(app.db, (trx) => addAssignment(trx, requireActor(request.actor), request.params.slug, request.body, app.clock(), request.locale));
    reply.code(201);
    return { data };
  });

  routes.delete('/api/v1/campaigns/:slug/assignments/:id', {
    config: { access: 'organizer' },
    schema: { tags, summary: 'Remove a proposed (not yet released) assignment', params: params.extend({ id: z.string().max(64) }), response: { 200: statusResponse, ...errors } },
  }, async (request) => {
    await inTransaction(app.db, (trx) => removeAssignment(trx, requireActor(request.actor), request.params.slug, request.params.id, app.clock()));
    return { status: 'removed' };
  });

  routes.post('/api/v1/campaigns/:slug/assignments/release', {
    config: { access: 'organizer' },
    schema: {
      tags, summary: 'Release every proposed assignment to its reviewer (review phase); refused with the shortfall per category unless overridden with a reason', params,
      body: z.object({ override: z.boolean().default(false), reason: text().trim().max(500).nullable().default(null) }), response: { 200: releaseResponse, ...errors },
    },
  }, async (request) => ({
    data: await inTransaction(app.db, (trx) => releaseAssignments(trx, requireActor(request.actor), request.params.slug, request.body, app.clock(), request.locale, app.baseUrl)),
  }));
}
