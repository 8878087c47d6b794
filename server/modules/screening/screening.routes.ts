import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionsResponse, progressResponse, queueResponse, screeningHistoryResponse } from '../../../core/api/screening.ts';
import { SCREENING_DECISIONS, SCREENING_STATES } from '../../../core/screening/screening-decision.ts';
import { MAX_PAGE_SIZE, SCREENING_FLAGS, SCREENING_SORTS } from '../../../core/screening/screening-query.ts';
import { text } from '../../../core/text/clean-text.ts';
import { inTransaction } from '../../db/transaction.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { campaignProgress } from './progress.service.ts';
import { decideScreening, reverseScreening, screeningHistory, screeningQueue } from './screening.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const slugParams = z.object({ slug: z.string().max(64) });
const caseParams = z.object({ id: z.uuid() });
/** A bulk decision covers at most this many cases: a few pages of the queue. */
const MAX_BATCH = 1000;

const queueQuery = z.object({
  category: z.string().max(64).optional(),
  province: z.string().max(6).optional(),
  state: z.enum(SCREENING_STATES).optional(),
  // `flags=similar,same_file`
  flags: z.string().max(200).optional().transform((v) => (v ? v.split(',').filter(Boolean) : [])).pipe(z.array(z.enum(SCREENING_FLAGS))),
  q: text().max(100).optional(),
  sort: z.enum(SCREENING_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});

const decisionBody = z.object({
  decision: z.enum(SCREENING_DECISIONS),
  reason: text().trim().max(2000).nullable().default(null),
  dueAt: z.iso.datetime().nullable().default(null),
  cases: z.array(z.object({ caseId: z.uuid(), submissionId: z.uuid(), state: z.enum(SCREENING_STATES) })).min(1).max(MAX_BATCH),
});

export async function screeningRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const readable = app.storage.has;

  routes.get('/api/v1/campaigns/:slug/screening', {
    config: { access: 'organizer' },
    schema: {
      tags: ['screening'], summary: 'One page of the screening queue with the counts of each filter; organizers of the campaign',
      params: slugParams, querystring: queueQuery, response: { 200: queueResponse, ...errors },
    },
  }, async (request) => screeningQueue(app.db, requireActor(request.actor), request.params.slug, request.query, readable, app.clock()));

  routes.post('/api/v1/campaigns/:slug/screening/decisions', {
    config: { access: 'organizer' },
    schema: {
      tags: ['screening'], summary: 'Pass, reject or return each case of a selection, as seen; all or none (409 when any changed)',
      params: slugParams, body: decisionBody, response: { 200: decisionsResponse, ...errors },
    },
  }, async (request) => ({
    data: await inTransaction(app.db, (trx) => decideScreening(trx, requireActor(request.actor), request.params.slug, request.body, app.clock(), app.baseUrl)),
  }));

  routes.get('/api/v1/cases/:id/screening', {
    config: { access: 'organizer' },
    schema: { tags: ['screening'], summary: "Every screening decision on the case; organizers of the case's campaign", params: caseParams, response: { 200: screeningHistoryResponse, ...errors } },
  }, async (request) => ({ data: await screeningHistory(app.db, requireActor(request.actor), request.params.id) }));

  routes.post('/api/v1/cases/:id/screening/reversal', {
    config: { access: 'organizer' },
    schema: {
      tags: ['screening'], summary: 'Withdraw the pass or rejection of the current submitted version, with a reason',
      params: caseParams, body: z.object({ submissionId: z.uuid(), reason: text().trim().min(2).max(2000) }), response: { 200: decisionsResponse, ...errors },
    },
  }, async (request) => {
    await inTransaction(app.db, (trx) => reverseScreening(trx, requireActor(request.actor), request.params.id, request.body, app.clock(), app.baseUrl));
    return { data: { decided: 1 } };
  });

  routes.get('/api/v1/campaigns/:slug/progress', {
    config: { access: 'organizer' },
    schema: { tags: ['screening'], summary: 'Screening and review progress by category and by reviewer; organizers of the campaign', params: slugParams, response: { 200: progressResponse, ...errors } },
  }, async (request) => ({ data: await campaignProgress(app.db, requireActor(request.actor), request.params.slug, readable, app.clock()) }));
}
