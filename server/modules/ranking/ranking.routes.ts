import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { flagScoresResponse, rankingResponse } from '../../../core/api/ranking.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { campaignRanking, flagScores } from './ranking.service.ts';

// Organizers at the gate; the service answers only the campaign's own organizers (and the
// platform's), anyone else as if the campaign did not exist.
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const slugParams = z.object({ slug: z.string().max(64) });

export async function rankingRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const readable = app.storage.has;

  routes.get('/api/v1/campaigns/:slug/ranking', {
    config: { access: 'organizer' },
    schema: {
      tags: ['ranking'], summary: 'Raw and normalized scores of the cases in review, ranked overall and per category, with flags; organizers of the campaign',
      params: slugParams, querystring: z.object({ category: z.string().max(64).optional() }), response: { 200: rankingResponse, ...errors },
    },
  }, async (request) => ({
    data: await campaignRanking(app.db, requireActor(request.actor), request.params.slug, request.query.category, readable, app.clock()),
  }));

  routes.get('/api/v1/campaigns/:slug/ranking/flags/:flagId', {
    config: { access: 'organizer' },
    schema: {
      tags: ['ranking'], summary: 'One ranking flag with the scores behind it and the reviewers who gave them; organizers of the campaign',
      params: slugParams.extend({ flagId: z.string().max(100) }), response: { 200: flagScoresResponse, ...errors },
    },
  }, async (request) => ({
    data: await flagScores(app.db, requireActor(request.actor), request.params.slug, request.params.flagId, readable, app.clock()),
  }));
}
