import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { auditPageResponse, auditVerificationResponse } from '../../../core/api/people.ts';
import { requireActor } from '../../http/authenticate.ts';
import { auditNamesFor } from './audit-names.ts';
import { AUDIT_PAGE_MAX, listAuditEntries, sealAllAudit, verifyAuditChain } from './audit.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };

// The audit log spans every campaign and every account: only platform organizers read it.
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/v1/audit', {
    config: { access: 'platform-organizer' },
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first, filterable (platform organizers)',
      querystring: z.object({
        subjectType: text().max(40).optional(),
        subjectId: text().max(254).optional(),
        actorId: text().max(64).optional(),
        action: text().max(60).optional(),
        limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: auditPageResponse, ...errors },
    },
  }, async (request) => {
    const { total, items } = await listAuditEntries(app.db, request.query);
    return { data: items, total, names: await auditNamesFor(app.db, requireActor(request.actor), items, request.locale) };
  });

  routes.get('/api/v1/audit/verification', {
    config: { access: 'platform-organizer' },
    schema: {
      tags: ['audit'],
      summary: 'Seal what waits, then recompute the hash chain: intact, or where it was edited, cut or rewritten (platform organizers)',
      response: { 200: auditVerificationResponse, ...errors },
    },
  }, async () => {
    await sealAllAudit(app.db);
    return verifyAuditChain(app.db);
  });
}
