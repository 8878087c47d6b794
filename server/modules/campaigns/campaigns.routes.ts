import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { campaignResponse, campaignsResponse } from '../../../core/api/campaigns.ts';
import { presentCampaignDetail, presentCampaignSummary } from './campaigns.present.ts';
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
}
