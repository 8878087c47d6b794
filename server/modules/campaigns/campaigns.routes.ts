import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { campaignPhaseResponse, campaignResponse, campaignsResponse } from '../../../core/api/campaigns.ts';
import { CAMPAIGN_PHASES } from '../../../core/campaign/campaign-phase.ts';
import { requireActor } from '../../http/authenticate.ts';
import { inTransaction } from '../../db/transaction.ts';
import { moveCampaignPhase } from './campaign-phase.service.ts';
import { presentCampaignDetail, presentCampaignSummary, presentPhase } from './campaigns.present.ts';
import { getCampaign, listCampaigns } from './campaigns.service.ts';

const langQuery = z.object({ lang: text().optional().describe('zh-CN or en: the language of error messages') });

export async function campaignsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/v1/campaigns', {
    config: { access: 'public' },
    schema: {
      tags: ['campaigns'],
      summary: 'List campaigns, newest first',
      querystring: langQuery,
      response: { 200: campaignsResponse, 400: errorResponseSchema },
    },
  }, async () => {
    const now = app.clock();
    return { data: (await listCampaigns(app.db)).map((c) => presentCampaignSummary(c, now, app.baseUrl)) };
  });

  routes.get('/api/v1/campaigns/:slug', {
    config: { access: 'public' },
    schema: {
      tags: ['campaigns'],
      summary: 'One campaign: its whole call, in Chinese and English, with its window state',
      params: z.object({ slug: z.string().max(64) }),
      querystring: langQuery,
      response: { 200: campaignResponse, 400: errorResponseSchema, 404: errorResponseSchema },
    },
  }, async (request) => {
    const stored = await getCampaign(app.db, request.params.slug);
    return { data: presentCampaignDetail(stored, app.clock(), app.baseUrl) };
  });

  routes.post('/api/v1/campaigns/:slug/phase', {
    config: { access: 'organizer' },
    schema: {
      tags: ['campaigns'],
      summary: "Move the campaign to its next phase, or back to the one before with a reason (the campaign's organizers only)",
      params: z.object({ slug: z.string().max(64) }),
      body: z.object({
        to: z.enum(CAMPAIGN_PHASES).describe('the next phase, or the one before'),
        reason: text().trim().max(500).nullable().optional().describe('required when moving back'),
      }),
      response: { 200: campaignPhaseResponse, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema },
    },
  }, async (request) => {
    const actor = requireActor(request.actor);
    const input = { to: request.body.to, reason: request.body.reason ?? null };
    const moved = await inTransaction(app.db, (trx) => moveCampaignPhase(trx, actor, request.params.slug, input, app.clock()));
    return { data: presentPhase(moved) };
  });
}
