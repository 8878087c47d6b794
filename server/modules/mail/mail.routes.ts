import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { mailPageResponse } from '../../../core/api/people.ts';
import { listOutgoingMail } from '../../mail/mail.service.ts';

export async function mailRoutes(app: FastifyInstance): Promise<void> {
  // Mail holds one-time links for every account: platform organizers only.
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/outgoing-mail', {
    config: { access: 'platform-organizer' },
    schema: {
      tags: ['mail'],
      summary: 'Every mail the platform sent or kept (no SMTP configured), newest first (platform organizers)',
      querystring: z.object({
        search: text().max(100).optional(),
        status: z.enum(['queued', 'sending', 'sent', 'kept', 'failed']).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: mailPageResponse, 401: errorResponseSchema, 403: errorResponseSchema },
    },
  }, async (request) => {
    const { total, items } = await listOutgoingMail(app.db, request.query);
    return { data: items, total };
  });
}
