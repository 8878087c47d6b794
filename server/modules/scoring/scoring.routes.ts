import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { statusResponse } from '../../../core/api/envelope.ts';
import { assignedCaseResponse, myAssignmentsResponse, reviewInputSchema, reviewResponse } from '../../../core/api/reviews.ts';
import { text } from '../../../core/text/clean-text.ts';
import { inTransaction } from '../../db/transaction.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { sendStoredFile } from '../attachments/attachments.routes.ts';
import { findAssignedFile } from './assigned-files.service.ts';
import { handBackForConflict } from './hand-back.service.ts';
import { listMyAssignments, readAssignedCase, saveReview } from './scoring.service.ts';

// Signed-in at the gate: the services let a caller reach only their own released assignments.
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
const idParams = z.object({ id: z.uuid() });
const reviewBody = reviewInputSchema.extend({ comment: text().max(20_000) });

export async function scoringRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/v1/reviews/assignments', {
    config: { access: 'signed-in' },
    schema: { tags: ['reviews'], summary: "The caller's released review assignments across campaigns, with progress and due dates", response: { 200: myAssignmentsResponse, ...errors } },
  }, async (request) => ({ data: await listMyAssignments(app.db, requireActor(request.actor), request.locale) }));

  routes.get('/api/v1/reviews/assignments/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['reviews'], summary: "An assigned case at its assigned version (the unit hidden in blind review), with the caller's own review",
      params: idParams, response: { 200: assignedCaseResponse, ...errors },
    },
  }, async (request) => ({ data: await readAssignedCase(app.db, requireActor(request.actor), request.params.id, request.locale) }));

  routes.put('/api/v1/reviews/assignments/:id/review', {
    config: { access: 'signed-in' },
    schema: { tags: ['reviews'], summary: "Save the caller's draft review over the version they started from", params: idParams, body: reviewBody, response: { 200: reviewResponse, ...errors } },
  }, async (request) => ({
    data: await inTransaction(app.db, (trx) => saveReview(trx, requireActor(request.actor), request.params.id, request.body, false, request.locale, app.clock())),
  }));

  routes.post('/api/v1/reviews/assignments/:id/review/submit', {
    config: { access: 'signed-in' },
    schema: { tags: ['reviews'], summary: "Submit the caller's complete review; no change after that", params: idParams, body: reviewBody, response: { 200: reviewResponse, ...errors } },
  }, async (request) => ({
    data: await inTransaction(app.db, (trx) => saveReview(trx, requireActor(request.actor), request.params.id, request.body, true, request.locale, app.clock())),
  }));

  routes.post('/api/v1/reviews/assignments/:id/conflict', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['reviews'], summary: 'Declare a conflict of interest with the assigned case and hand it back for reassignment',
      params: idParams, body: z.object({ reason: text().trim().min(2).max(500) }), response: { 200: statusResponse, ...errors },
    },
  }, async (request) => {
    await inTransaction(app.db, (trx) => handBackForConflict(trx, requireActor(request.actor), request.params.id, request.body.reason, app.clock(), app.baseUrl));
    return { status: 'handed_back' };
  });

  for (const which of ['file', 'thumbnail'] as const) {
    routes.get(`/api/v1/reviews/assignments/:id/attachments/:attachmentId/${which}`, {
      config: { access: 'signed-in' },
      schema: {
        tags: ['reviews'], summary: which === 'file' ? 'A file of the assigned version; never the declaration form in blind review' : "A picture's thumbnail of the assigned version",
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }), querystring: z.object({ download: text().max(8).optional() }),
      },
    }, async (request, reply) => {
      const file = await findAssignedFile(app.db, requireActor(request.actor), request.params.id, request.params.attachmentId, which);
      return sendStoredFile(app, request, reply, file);
    });
  }
}
