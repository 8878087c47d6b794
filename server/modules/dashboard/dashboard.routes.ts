import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dashboardResponse } from '../../../core/api/dashboard.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { campaignDashboard } from './dashboard.service.ts';

// Organizers at the gate; the service answers only the campaign's own organizers (and the
// platform's), anyone else as if the campaign did not exist.
const errors = { 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/v1/campaigns/:slug/dashboard', {
    config: { access: 'organizer' },
    schema: {
      tags: ['dashboard'], summary: 'Counts for the organizers’ dashboard: submissions per day, cases by category, province and screening outcome, review progress, score distribution',
      params: z.object({ slug: z.string().max(64) }), response: { 200: dashboardResponse, ...errors },
    },
  }, async (request) => ({
    data: await campaignDashboard(app.db, requireActor(request.actor), request.params.slug, app.storage.has, app.clock()),
  }));
}
