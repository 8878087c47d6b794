import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { caseContentInputSchema } from '../../../core/case/case-content.ts';
import { inTransaction } from '../../db/transaction.ts';
import { requireActor } from '../../http/authenticate.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { caseResponse, caseSummariesResponse, extensionResponse, extensionsResponse, historyResponse, preflightResponse, receiptResponse, receiptsResponse } from '../../../core/api/cases.ts';
import { caseHistory, caseSubmissions, createCase, getCase, listCampaignCases, listMyCases, saveDraft } from './cases.service.ts';
import { extendDeadline, listExtensions, returnCase } from './organizer.service.ts';
import { receiptFileName, renderReceiptPdf } from '../../documents/receipt-pdf.ts';
import { receiptVerifyUrl } from '../receipts/receipt-check.service.ts';
import { attachmentDisposition } from '../../http/content-disposition.ts';
import { casePreflight, receiptDocument, receiptForRequest, storedWhenFinished, submitCase, withdrawCase, type AttachmentCheck } from './submission.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
const caseParams = z.object({ id: z.uuid() });
const slugParams = z.object({ slug: z.string().max(64) });

const draftBody = z.object({
  version: z.number().int().positive(),
  content: caseContentInputSchema,
  declaration: z.record(text().max(64), text().max(2000)),
  superiorName: text().trim().max(100),
  superiorEmail: z.union([z.email(), z.literal('')]).nullable(),
});

export async function casesRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const readable: AttachmentCheck = app.storage.has;

  routes.get('/api/v1/me/cases', {
    config: { access: 'signed-in' },
    schema: { tags: ['cases'], summary: "The cases of the caller's units", response: { 200: caseSummariesResponse, ...errors } },
  }, async (request) => ({ data: await listMyCases(app.db, requireActor(request.actor)) }));

  routes.post('/api/v1/campaigns/:slug/cases', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'], summary: 'Start a draft case for one of the caller\'s units', params: slugParams,
      body: z.object({ organizationId: z.uuid(), title: text().trim().max(100) }), response: { 201: caseResponse, ...errors },
    },
  }, async (request, reply) => {
    const data = await inTransaction(app.db, (trx) => createCase(trx, requireActor(request.actor), request.params.slug, request.body, app.clock()));
    return reply.code(201).send({ data });
  });

  routes.get('/api/v1/cases/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['cases'], summary: 'A case, for its unit and the campaign\'s organizers', params: caseParams, response: { 200: caseResponse, ...errors } },
  }, async (request) => ({ data: await getCase(app.db, requireActor(request.actor), request.params.id, app.clock()) }));

  routes.put('/api/v1/cases/:id/draft', {
    config: { access: 'signed-in' },
    bodyLimit: 4 * 1024 * 1024,
    schema: {
      tags: ['cases'], summary: 'Save the working copy; 409 version_conflict carries the current one', params: caseParams, body: draftBody,
      response: { 200: caseResponse, ...errors },
    },
  }, async (request) => {
    const data = await inTransaction(app.db, (trx) => saveDraft(trx, requireActor(request.actor), request.params.id, request.body, app.clock()));
    return { data };
  });

  routes.get('/api/v1/cases/:id/preflight', {
    config: { access: 'signed-in' },
    schema: { tags: ['cases'], summary: 'Everything that stands between the draft and a submission', params: caseParams, response: { 200: preflightResponse, ...errors } },
  }, async (request) => ({ data: { problems: await casePreflight(app.db, requireActor(request.actor), request.params.id, readable) } }));

  routes.post('/api/v1/cases/:id/submit', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'], summary: 'Submit the working copy; the same requestKey returns the same receipt', params: caseParams,
      body: z.object({ requestKey: z.string().min(8).max(64) }), response: { 200: receiptResponse, 201: receiptResponse, ...errors },
    },
  }, async (request, reply) => {
    const actor = requireActor(request.actor);
    try {
      const receipt = await inTransaction(app.db, (trx) => submitCase(trx, actor, request.params.id, request.body.requestKey, app.clock(), { readable: storedWhenFinished, baseUrl: app.baseUrl }));
      return reply.code(201).send({ data: receipt });
    } catch (error) {
      // The key made a submission already (a retry, a double click, a lost race): its receipt is
      // the answer, whatever refused this request (the case is submitted, the deadline passed).
      const earlier = await receiptForRequest(app.db, actor, request.params.id, request.body.requestKey).catch(() => undefined);
      if (earlier) return reply.code(200).send({ data: earlier });
      throw error;
    }
  });

  routes.post('/api/v1/cases/:id/withdraw', {
    config: { access: 'signed-in' },
    schema: { tags: ['cases'], summary: 'Withdraw the submitted case (until the deadline)', params: caseParams, response: { 200: caseResponse, ...errors } },
  }, async (request) => {
    const actor = requireActor(request.actor);
    await inTransaction(app.db, (trx) => withdrawCase(trx, actor, request.params.id, app.clock()));
    return { data: await getCase(app.db, actor, request.params.id, app.clock()) };
  });

  routes.get('/api/v1/cases/:id/history', {
    config: { access: 'signed-in' },
    schema: { tags: ['cases'], summary: 'Every change of state, with time and actor', params: caseParams, response: { 200: historyResponse, ...errors } },
  }, async (request) => ({ data: await caseHistory(app.db, requireActor(request.actor), request.params.id) }));

  routes.get('/api/v1/cases/:id/submissions', {
    config: { access: 'signed-in' },
    schema: { tags: ['cases'], summary: 'The receipt of every submission', params: caseParams, response: { 200: receiptsResponse, ...errors } },
  }, async (request) => ({ data: await caseSubmissions(app.db, requireActor(request.actor), request.params.id) }));

  routes.get('/api/v1/cases/:id/submissions/:seq/receipt.pdf', {
    config: { access: 'signed-in' },
    schema: { tags: ['cases'], summary: 'The receipt of one submission as PDF', params: caseParams.extend({ seq: z.coerce.number().int().positive() }), response: { 200: z.any().describe('application/pdf'), ...errors } },
  }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const receipt = await receiptDocument(app.db, actor, request.params.id, request.params.seq, request.locale);
    const pdf = await renderReceiptPdf({ ...receipt, verifyUrl: receiptVerifyUrl(app.baseUrl, receipt.number, request.locale) }, request.locale);
    return reply
      .type('application/pdf')
      .header('content-disposition', attachmentDisposition(receiptFileName(receipt.number, request.locale), `receipt-${receipt.number}.pdf`))
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  routes.post('/api/v1/cases/:id/return', {
    config: { access: 'organizer' },
    schema: {
      tags: ['cases'], summary: 'Return a submitted case for correction, with a message and a date', params: caseParams,
      body: z.object({ message: text().trim().min(1).max(2000), dueAt: z.iso.datetime() }), response: { 200: caseResponse, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request.actor);
    await inTransaction(app.db, (trx) => returnCase(trx, actor, request.params.id, request.body, app.clock(), app.baseUrl));
    return { data: await getCase(app.db, actor, request.params.id, app.clock()) };
  });

  routes.get('/api/v1/campaigns/:slug/cases', {
    config: { access: 'organizer' },
    schema: {
      tags: ['cases'], summary: 'Every case of the campaign', params: slugParams,
      querystring: z.object({ status: z.enum(['draft', 'submitted', 'withdrawn', 'returned']).optional() }),
      response: { 200: caseSummariesResponse, ...errors },
    },
  }, async (request) => ({ data: await listCampaignCases(app.db, requireActor(request.actor), request.params.slug, request.query.status) }));

  routes.get('/api/v1/campaigns/:slug/deadline-extensions', {
    config: { access: 'organizer' },
    schema: { tags: ['cases'], summary: 'Deadline extensions of the campaign', params: slugParams, response: { 200: extensionsResponse, ...errors } },
  }, async (request) => ({ data: await listExtensions(app.db, requireActor(request.actor), request.params.slug) }));

  routes.post('/api/v1/campaigns/:slug/deadline-extensions', {
    config: { access: 'organizer' },
    schema: {
      tags: ['cases'], summary: 'Extend the deadline for one unit or for all', params: slugParams,
      body: z.object({ organizationId: z.uuid().nullable(), closesAt: z.iso.datetime(), reason: text().trim().min(1).max(500) }),
      response: { 201: extensionResponse, ...errors },
    },
  }, async (request, reply) => {
    const data = await inTransaction(app.db, (trx) => extendDeadline(trx, requireActor(request.actor), request.params.slug, request.body, app.clock()));
    return reply.code(201).send({ data });
  });
}
