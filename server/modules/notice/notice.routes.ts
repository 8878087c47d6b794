import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { objectionReceipt, organizerNoticeResponse, publicNoticeResponse } from '../../../core/api/notice.ts';
import { MAX_NOTICE_DAYS, OBJECTION_RATE } from '../../../core/notice/notice-rules.ts';
import { text } from '../../../core/text/clean-text.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { finalizeResults, publishNotice, readNotice, readPublicNotice } from './notice.service.ts';
import { fileObjection, resolveObjection } from './objections.service.ts';
import { findObjectionFileForOrganizer } from './objection-evidence.ts';
import { clientNetwork } from '../../shared/client-network.ts';
import { sendStoredFile } from '../attachments/attachments.routes.ts';

// The public notice (公示): organizers publish, resolve objections and finalize; anyone reads the
// notice and objects while it runs. The organizers' routes answer only the campaign's own
// organizers (the platform's too), anyone else as if the campaign did not exist.
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const slugParams = z.object({ slug: z.string().max(64) });
const BASE = '/api/v1/campaigns/:slug/notice';
const PUBLIC_BASE = '/api/v1/public/campaigns/:slug/notice';
// Lengths are checked by the rules in the reader's language; these only bound what is read.
const loose = (max: number) => text().max(max);

export async function noticeRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(BASE, {
    config: { access: 'organizer' },
    schema: { tags: ['notice'], summary: 'The notice with its objections and authors, the draft and whether finalizing may happen; organizers of the campaign', params: slugParams, response: { 200: organizerNoticeResponse, ...errors } },
  }, async (request) => ({ data: await readNotice(app.db, requireActor(request.actor), request.params.slug, app.clock()) }));

  routes.post(BASE, {
    config: { access: 'organizer' },
    schema: {
      tags: ['notice'], summary: 'Publishes the accepted selection for public notice; organizers of the campaign in its notice phase',
      params: slugParams, body: z.object({ body: loose(20_000), days: z.number().int().min(1).max(MAX_NOTICE_DAYS).optional() }),
      response: { 200: organizerNoticeResponse, ...errors },
    },
  }, async (request) => ({ data: await publishNotice(app.db, requireActor(request.actor), request.params.slug, request.body, app.clock()) }));

  routes.post(`${BASE}/objections/:id/outcome`, {
    config: { access: 'organizer' },
    schema: {
      tags: ['notice'], summary: 'Records the outcome of an open objection: upheld (the case changes tier or leaves the list) or dismissed, with a reason',
      params: slugParams.extend({ id: z.string().max(64) }),
      body: z.discriminatedUnion('status', [
        z.object({ status: z.literal('upheld'), tier: z.enum(['best', 'excellent', 'none']), reason: loose(5000) }),
        z.object({ status: z.literal('dismissed'), reason: loose(5000) }),
      ]),
      response: { 200: organizerNoticeResponse, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request.actor);
    await resolveObjection(app.db, actor, request.params.slug, request.params.id, request.body, app.clock(), app.baseUrl);
    return { data: await readNotice(app.db, actor, request.params.slug, app.clock()) };
  });

  routes.get(`${BASE}/objections/:id/files/:fileId`, {
    config: { access: 'organizer' },
    schema: {
      tags: ['notice'], summary: "An objection's evidence file, as a download; organizers of the campaign",
      params: slugParams.extend({ id: z.string().max(64), fileId: z.string().max(64) }), response: errors,
    },
  }, async (request, reply) => {
    const file = await findObjectionFileForOrganizer(app.db, requireActor(request.actor), request.params.slug, request.params.id, request.params.fileId);
    // Never shown in the browser: a visitor's file is opened by the organizer's own programs, knowingly.
    return sendStoredFile(app, request, reply, { ...file, downloadOnly: true });
  });

  routes.post(`${BASE}/finalize`, {
    config: { access: 'organizer' },
    schema: {
      tags: ['notice'], summary: 'Makes the selection final once the notice has ended and every objection is resolved; units are told by mail',
      params: slugParams, response: { 200: organizerNoticeResponse, ...errors },
    },
  }, async (request) => ({ data: await finalizeResults(app.db, requireActor(request.actor), request.params.slug, app.clock(), app.baseUrl, request.locale) }));

  routes.get(PUBLIC_BASE, {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags: ['notice'], summary: 'The published notice and its list; anyone', params: slugParams, response: { 200: publicNoticeResponse, ...errors } },
  }, async (request) => ({ data: await readPublicNotice(app.db, request.params.slug, request.locale, app.clock()) }));

  routes.post(`${PUBLIC_BASE}/objections`, {
    // A flood guard on every request; the service counts accepted filings per author and per
    // network (OBJECTION_RATE), so a form refused for a typo does not use up a person's objections.
    config: { access: 'public', rateLimit: { max: OBJECTION_RATE.requestsPerNetwork, timeWindow: '1 hour', keyGenerator: (request) => clientNetwork(request.ip) } },
    schema: {
      tags: ['notice'], summary: 'Files an objection to a case on the notice while it runs; anyone; answers with its reference',
      params: slugParams,
      body: z.object({
        n: z.number().int().min(1), name: loose(500), organization: loose(500), phone: loose(100).nullish(), email: loose(500).nullish(), body: loose(20_000),
      }),
      response: { 201: objectionReceipt, ...errors, 429: errorResponseSchema },
    },
  }, async (request, reply) => {
    const { body } = request;
    const receipt = await fileObjection(app.db, request.params.slug, { ...body, phone: body.phone ?? null, email: body.email ?? null }, clientNetwork(request.ip), request.locale, app.clock(), app.baseUrl);
    return reply.code(201).send({ data: receipt });
  });
}
