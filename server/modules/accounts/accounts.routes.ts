import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { LOCALES } from '../../../core/i18n/locale.ts';
import { inTransaction } from '../../db/transaction.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { statusResponse } from '../../../core/api/envelope.ts';
import { organizersResponse } from '../../../core/api/people.ts';
import { becomeLearner, changePassword, listOrganizers, preparePasswordChange, updateAccountSettings } from './account-settings.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };
const done = statusResponse;

export async function accountsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.put('/api/v1/me', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['auth'], summary: "Change the caller's name and the language of their mail",
      body: z.object({ displayName: text().trim().min(1).max(50), locale: z.enum(LOCALES) }),
      response: { 200: done, ...errors },
    },
  }, async (request) => {
    await inTransaction(app.db, (trx) => updateAccountSettings(trx, requireActor(request.actor), request.body, app.clock()));
    return { status: 'saved' };
  });

  routes.post('/api/v1/me/password', {
    config: { access: 'signed-in', rateLimit: { max: 10, timeWindow: '15 minutes' } },
    schema: {
      tags: ['auth'], summary: 'Change the password (the current one is required); other sessions end',
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
      response: { 200: done, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request.actor);
    const change = await preparePasswordChange(app.db, actor, request.body);
    await inTransaction(app.db, (trx) => changePassword(trx, actor, change, app.clock()));
    return { status: 'password_changed' };
  });

  routes.post('/api/v1/me/learner', {
    config: { access: 'signed-in' },
    schema: { tags: ['auth'], summary: 'Join the online college as a learner (a site-wide role)', response: { 200: done, ...errors } },
  }, async (request) => {
    await inTransaction(app.db, (trx) => becomeLearner(trx, requireActor(request.actor), app.clock()));
    return { status: 'learner' };
  });

  routes.get('/api/v1/organizers', {
    config: { access: 'platform-organizer' },
    schema: {
      tags: ['people'], summary: 'Organizers of the platform (campaign null) and of each campaign',
      response: { 200: organizersResponse, ...errors },
    },
  }, async () => ({ data: await listOrganizers(app.db) }));
}
