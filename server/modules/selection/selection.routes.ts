import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { selectionResponse } from '../../../core/api/selection.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { acceptSuggestion, changeDecision, computeSuggestion, readSelection } from './selection.service.ts';

// Organizers at the gate; the service answers only the campaign's own organizers (and the
// platform's), anyone else as if the campaign did not exist.
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const slugParams = z.object({ slug: z.string().max(64) });
const BASE = '/api/v1/campaigns/:slug/selection';

export async function selectionRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(BASE, {
    config: { access: 'organizer' },
    schema: {
      tags: ['selection'], summary: 'The suggested selection, the decisions per case, the quotas with their counts and what the selection breaks; organizers of the campaign',
      params: slugParams, response: { 200: selectionResponse, ...errors },
    },
  }, async (request) => ({ data: await readSelection(app.db, requireActor(request.actor), request.params.slug) }));

  routes.post(`${BASE}/suggestion`, {
    config: { access: 'organizer' },
    schema: {
      tags: ['selection'], summary: 'Computes the suggestion afresh from the ranking, keeping every changed decision; organizers of the campaign while selecting',
      params: slugParams, response: { 200: selectionResponse, ...errors, 503: errorResponseSchema },
    },
  }, async (request) => ({ data: await computeSuggestion(app.db, requireActor(request.actor), request.params.slug, app.storage.has, app.clock()) }));

  routes.post(`${BASE}/accept`, {
    config: { access: 'organizer' },
    schema: {
      tags: ['selection'], summary: 'Makes the suggestion the selection, except cases changed by hand; organizers of the campaign while selecting',
      params: slugParams, response: { 200: selectionResponse, ...errors },
    },
  }, async (request) => ({ data: await acceptSuggestion(app.db, requireActor(request.actor), request.params.slug, app.clock()) }));

  routes.put(`${BASE}/cases/:caseId`, {
    config: { access: 'organizer' },
    schema: {
      tags: ['selection'], summary: 'Puts one case at a tier, or out of the selection, with a reason; refused when it would break a quota',
      params: slugParams.extend({ caseId: z.string().max(64) }),
      body: z.object({ tier: z.enum(['best', 'excellent', 'none']), reason: text().max(2000).nullish() }),
      response: { 200: selectionResponse, ...errors },
    },
  }, async (request) => ({
    data: await changeDecision(app.db, requireActor(request.actor), request.params.slug, request.params.caseId, request.body, app.clock()),
  }));
}
