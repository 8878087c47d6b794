import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { orgTypeSchema } from '../../../core/org/org-name.ts';
import { requireActor } from '../../http/authenticate.ts';
import { inTransaction } from '../../db/transaction.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { statusResponse } from '../../../core/api/envelope.ts';
import { reviewerJoinedResponse, reviewerProfileResponse, reviewersResponse } from '../../../core/api/people.ts';
import { isValidDivisionCode } from '../divisions/divisions.service.ts';
import { acceptReviewerInvitation, getReviewerProfile, inviteReviewer, listReviewers, saveReviewerProfile } from './reviewers.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const profile = z.object({
  expertise: z.array(orgTypeSchema).max(6),
  organization: text().trim().max(100),
  divisionCode: text().refine(isValidDivisionCode, 'not a GB/T 2260 code').nullable(),
  capacity: z.number().int().min(0).max(500),
});

export async function reviewersRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post('/api/v1/campaigns/:slug/reviewer-invitations', {
    config: { access: 'organizer', rateLimit: { max: 200, timeWindow: '1 hour' } },
    schema: { tags: ['reviewers'], summary: 'Invite an expert by e-mail to review this campaign', params: z.object({ slug: z.string().max(64) }), body: z.object({ email: z.email() }), response: { 202: statusResponse, ...errors } },
  }, async (request, reply) => {
    await inTransaction(app.db, (trx) => inviteReviewer(trx, requireActor(request.actor), request.params.slug, request.body.email, app.clock(), app.baseUrl));
    return reply.code(202).send({ status: 'invited' });
  });

  routes.get('/api/v1/campaigns/:slug/reviewers', {
    config: { access: 'organizer' },
    schema: {
      tags: ['reviewers'], summary: "The campaign's reviewers and their profiles", params: z.object({ slug: z.string().max(64) }),
      response: { 200: reviewersResponse, ...errors },
    },
  }, async (request) => ({ data: await listReviewers(app.db, requireActor(request.actor), request.params.slug) }));

  routes.post('/api/v1/reviewer-invitations/accept', {
    config: { access: 'signed-in' },
    schema: { tags: ['reviewers'], summary: 'Become a reviewer with an invitation token', body: z.object({ token: z.string().max(100) }), response: { 200: reviewerJoinedResponse, ...errors } },
  }, async (request) => inTransaction(app.db, (trx) => acceptReviewerInvitation(trx, requireActor(request.actor), request.body.token, app.clock())));

  routes.get('/api/v1/me/reviewer-profile', {
    config: { access: 'signed-in' },
    schema: { tags: ['reviewers'], summary: "The caller's reviewer profile", response: { 200: reviewerProfileResponse, ...errors } },
  }, async (request) => ({ data: await getReviewerProfile(app.db, requireActor(request.actor)) }));

  routes.put('/api/v1/me/reviewer-profile', {
    config: { access: 'signed-in' },
    schema: { tags: ['reviewers'], summary: "Save the caller's reviewer profile", body: profile, response: { 200: reviewerProfileResponse, ...errors } },
  }, async (request) => ({ data: await inTransaction(app.db, (trx) => saveReviewerProfile(trx, requireActor(request.actor), request.body, app.clock())) }));
}
