import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { requireActor } from '../../http/authenticate.ts';
import { inTransaction } from '../../db/transaction.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { organizationInputSchema } from './organization-input.ts';
import { statusResponse } from '../../../core/api/envelope.ts';
import { membersResponse, organizationPageResponse, organizationResponse } from '../../../core/api/organizations.ts';
import { presentOrganization } from './organizations.present.ts';
import {
  acceptUnitInvitation,
  getUnit,
  inviteOperator,
  listUnitMembers,
  listUnits,
  refuseSameName,
  registerUnit,
  requestToJoinUnit,
  updateUnit,
} from './organizations.service.ts';
import { mergeUnits } from './unit-merge.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const idParams = z.object({ id: z.uuid() });
const one = organizationResponse;

export async function organizationsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post('/api/v1/organizations', {
    config: { access: 'signed-in' },
    schema: { tags: ['organizations'], summary: 'Register a submitting unit, with the caller as its owner', body: organizationInputSchema, response: { 201: one, ...errors } },
  }, async (request, reply) => {
    const unit = await inTransaction(app.db, (trx) => registerUnit(trx, requireActor(request.actor), request.body, app.clock()))
      .catch((error: unknown) => refuseSameName(app.db, error, request.body));
    return reply.code(201).send({ data: presentOrganization(unit) });
  });

  routes.get('/api/v1/organizations', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['organizations'],
      summary: 'Units the caller may see (their own; all for organizers), searchable',
      querystring: z.object({
        q: text().max(100).optional(),
        type: text().max(20).optional(),
        level: text().max(20).optional(),
        division: z.string().regex(/^\d{2,6}$/).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: organizationPageResponse, ...errors },
    },
  }, async (request) => {
    const { q, type, level, division, limit, offset } = request.query;
    const divisionPrefix = division?.replace(/(00)+$/, '');
    const { total, items } = await listUnits(app.db, requireActor(request.actor), { query: q, type, level, divisionPrefix }, { limit, offset });
    return { data: items.map(presentOrganization), total };
  });

  routes.get('/api/v1/organizations/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['organizations'], summary: "One unit; another unit's answers like a missing one", params: idParams, response: { 200: one, ...errors } },
  }, async (request) => ({ data: presentOrganization(await getUnit(app.db, requireActor(request.actor), request.params.id)) }));

  routes.put('/api/v1/organizations/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['organizations'], summary: "Change a unit's profile", params: idParams, body: organizationInputSchema, response: { 200: one, ...errors } },
  }, async (request) => {
    const unit = await inTransaction(app.db, (trx) => updateUnit(trx, requireActor(request.actor), request.params.id, request.body, app.clock()))
      .catch((error: unknown) => refuseSameName(app.db, error, request.body));
    return { data: presentOrganization(unit) };
  });

  routes.get('/api/v1/organizations/:id/members', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['organizations'],
      summary: "The unit's operators",
      params: idParams,
      response: { 200: membersResponse, ...errors },
    },
  }, async (request) => {
    const members = await listUnitMembers(app.db, requireActor(request.actor), request.params.id);
    return { data: members.map((m) => ({ userId: m.user_id, email: m.email, displayName: m.display_name, role: m.role, since: m.created_at })) };
  });

  routes.post('/api/v1/organizations/:id/invitations', {
    config: { access: 'signed-in', rateLimit: { max: 30, timeWindow: '1 hour' } },
    schema: { tags: ['organizations'], summary: 'Invite a colleague by e-mail to act for the unit', params: idParams, body: z.object({ email: z.email() }), response: { 202: statusResponse, ...errors } },
  }, async (request, reply) => {
    await inTransaction(app.db, (trx) => inviteOperator(trx, requireActor(request.actor), request.params.id, request.body.email, app.clock(), app.baseUrl));
    return reply.code(202).send({ status: 'invited' });
  });

  routes.post('/api/v1/organizations/:id/join-requests', {
    config: { access: 'signed-in', rateLimit: { max: 10, timeWindow: '1 hour' } },
    schema: { tags: ['organizations'], summary: "Ask an existing unit's owners to invite the caller", params: idParams, response: { 202: statusResponse, ...errors } },
  }, async (request, reply) => {
    await inTransaction(app.db, (trx) => requestToJoinUnit(trx, requireActor(request.actor), request.params.id, app.clock(), app.baseUrl));
    return reply.code(202).send({ status: 'requested' });
  });

  routes.post('/api/v1/organization-invitations/accept', {
    config: { access: 'signed-in' },
    schema: { tags: ['organizations'], summary: 'Join a unit with an invitation token', body: z.object({ token: z.string().max(100) }), response: { 200: one, ...errors } },
  }, async (request) => {
    const unit = await inTransaction(app.db, (trx) => acceptUnitInvitation(trx, requireActor(request.actor), request.body.token, app.clock()));
    return { data: presentOrganization(unit) };
  });

  routes.post('/api/v1/organizations/:id/merge', {
    config: { access: 'organizer' },
    schema: { tags: ['organizations'], summary: 'Fold this duplicate unit into another', params: idParams, body: z.object({ into: z.uuid() }), response: { 200: one, ...errors } },
  }, async (request) => {
    const unit = await inTransaction(app.db, (trx) => mergeUnits(trx, requireActor(request.actor), request.params.id, request.body.into, app.clock()));
    return { data: presentOrganization(unit) };
  });
}
