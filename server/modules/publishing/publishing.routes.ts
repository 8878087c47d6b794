import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicationQueueResponse, publicationResponse } from '../../../core/api/publishing.ts';
import { QUEUE_FILTERS, QUEUE_PAGE_SIZE_MAX } from '../../../core/publishing/publication-queue.ts';
import { text } from '../../../core/text/clean-text.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { listPublications } from './publication-queue.service.ts';
import { createPublicCopy, editPublicCopy, publishCase, readPublicCopy, recreatePublicCopy, unpublishCase } from './publishing.service.ts';

// A case's public copy (网上展示) and the campaign's publishing queue: organizers of the case's
// campaign only (the platform's too); anyone else past the gate is answered as if the case (or the
// campaign) did not exist.
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
const params = z.object({ id: z.string().max(64) });
const BASE = '/api/v1/cases/:id/public-copy';
const config = { access: 'organizer' as const };
const versionBody = z.object({ version: z.number().int().min(1) });
// Lengths are checked by the campaign's 字 limits in the service; these only bound what is read.
const html = text().max(200_000);

export async function publishingRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(BASE, {
    config,
    schema: { tags: ['publishing'], summary: "The case's public copy (null before one is made) and whether it may be published now", params, response: { 200: publicationResponse, ...errors } },
  }, async (request) => ({ data: await readPublicCopy(app.db, requireActor(request.actor), request.params.id) }));

  routes.post(BASE, {
    config,
    schema: { tags: ['publishing'], summary: "Makes the public copy from the case's current submitted version, not yet published", params, response: { 201: publicationResponse, ...errors } },
  }, async (request, reply) => reply.code(201).send({ data: await createPublicCopy(app.db, requireActor(request.actor), request.params.id, app.clock()) }));

  routes.put(BASE, {
    config,
    schema: {
      tags: ['publishing'], summary: 'Saves an edit of the public copy over the version read; never changes the submitted case',
      params,
      body: versionBody.extend({
        title: text().max(1000), unitName: text().max(1000), summary: html,
        sections: z.record(z.string().max(64), html), photoIds: z.array(z.string().max(64)).max(100),
      }),
      response: { 200: publicationResponse, ...errors },
    },
  }, async (request) => ({ data: await editPublicCopy(app.db, requireActor(request.actor), request.params.id, request.body, app.clock()) }));

  routes.post(`${BASE}/publish`, {
    config,
    schema: { tags: ['publishing'], summary: 'Shows the public copy on its case page and in search, if the case may be shown now', params, body: versionBody, response: { 200: publicationResponse, ...errors } },
  }, async (request) => ({ data: await publishCase(app.db, requireActor(request.actor), request.params.id, request.body.version, app.clock()) }));

  routes.post(`${BASE}/recreate`, {
    config,
    schema: {
      tags: ['publishing'], summary: "Makes the copy again from the case's current submitted version, keeping its public id; a published copy is taken down until published again",
      params, body: versionBody, response: { 200: publicationResponse, ...errors },
    },
  }, async (request) => ({ data: await recreatePublicCopy(app.db, requireActor(request.actor), request.params.id, request.body.version, app.clock()) }));

  routes.get('/api/v1/campaigns/:slug/publications', {
    config,
    schema: {
      tags: ['publishing'], summary: "The campaign's cases that may be shown now or have a public copy, with their copy's state, paged, and the counts per state; organizers of the campaign",
      params: z.object({ slug: z.string().max(64) }),
      querystring: z.object({
        state: z.enum(QUEUE_FILTERS).optional(), category: z.string().max(64).optional(),
        page: z.coerce.number().int().min(1).max(100_000).optional(), pageSize: z.coerce.number().int().min(1).max(QUEUE_PAGE_SIZE_MAX).optional(),
      }),
      response: { 200: publicationQueueResponse, ...errors },
    },
  }, async (request) => ({
    data: await listPublications(app.db, requireActor(request.actor), request.params.slug, request.query, app.storage.has, app.clock()),
  }));

  routes.post(`${BASE}/unpublish`, {
    config,
    schema: { tags: ['publishing'], summary: 'Takes the public copy down; its link then says the case is no longer shown', params, body: versionBody, response: { 200: publicationResponse, ...errors } },
  }, async (request) => ({ data: await unpublishCase(app.db, requireActor(request.actor), request.params.id, request.body.version, app.clock()) }));
}
