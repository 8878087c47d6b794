import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorBody } from '../../errors.ts';
import { requireActor, SESSION_COOKIE } from '../../http/authenticate.ts';
import { resolveSession } from '../auth/auth.service.ts';
import { createEvidenceUpload } from './evidence-uploads.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { parseMetadata, parseSize, TUS_CONTENT_TYPE, TUS_EXTENSIONS, TUS_MAX_SIZE, TUS_VERSION } from './tus-protocol.ts';
import { createUpload, getUploadState, receiveUploadBytes, terminateUpload, type UploadCaller } from './uploads.service.ts';

// tus 1.0.0 over Fastify: the request body of a PATCH is never parsed, it is streamed from the
// socket to the upload's file. Every answer carries Tus-Resumable, errors included.

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema, 415: errorResponseSchema, 422: errorResponseSchema };
const idParams = z.object({ id: z.uuid() });
export const ATTACHMENT_ID_HEADER = 'zhengji-attachment-id';
/** An objection's upload token (decision 0036), on every request of its evidence uploads. */
export const UPLOAD_TOKEN_HEADER = 'zhengji-upload-token';

/** A request in another protocol version is answered 412 with the version we speak. */
function refuseVersion(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.headers['tus-resumable'] === TUS_VERSION) return false;
  const error = new AppError('invalid_request', { detail: `Tus-Resumable: ${TUS_VERSION} is required` });
  void reply.code(412).header('tus-version', TUS_VERSION).type('application/json; charset=utf-8').send(errorBody(error, request.locale, request.id));
  return true;
}

export async function uploadsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  // The routes are public at the gate because a visitor sends an objection's evidence with its
  // token and no account; without a token, the session decides as the signed-in gate would.
  const callerOf = async (request: FastifyRequest): Promise<UploadCaller> => {
    const token = request.headers[UPLOAD_TOKEN_HEADER];
    if (typeof token === 'string' && token !== '') return { objectionToken: token };
    const session = request.cookies?.[SESSION_COOKIE];
    request.actor = session ? await resolveSession(app.db, session, app.clock()) : null;
    return requireActor(request.actor);
  };

  // Leave PATCH bodies in the socket: the handler streams them to disk.
  app.addContentTypeParser(TUS_CONTENT_TYPE, (_request, _payload, done) => done(null));
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('tus-resumable', TUS_VERSION);
    // A refused PATCH leaves its body unread; close the connection rather than read gigabytes.
    if (request.method === 'PATCH' && reply.statusCode >= 400 && !request.raw.readableEnded) reply.header('connection', 'close');
    done(null, payload);
  });

  routes.options('/api/v1/uploads', {
    config: { access: 'public' },
    schema: { tags: ['uploads'], summary: 'What this tus server supports', response: { 204: z.null() } },
  }, async (_request, reply) => reply
    .code(204)
    .header('tus-version', TUS_VERSION)
    .header('tus-extension', TUS_EXTENSIONS)
    .header('tus-max-size', String(TUS_MAX_SIZE))
    .send(null));

  routes.post('/api/v1/uploads', {
    config: { access: 'public', rateLimit: { max: 600, timeWindow: '1 hour' } },
    schema: {
      tags: ['uploads'],
      summary: "Start a resumable upload (tus creation): a unit's account, metadata caseId, kind, filename; or an objection's evidence, metadata objectionId, filename, with the Zhengji-Upload-Token header",
      response: { 201: z.null(), ...errors },
    },
  }, async (request, reply) => {
    if (refuseVersion(request, reply)) return reply;
    const caller = await callerOf(request);
    if (request.headers['upload-defer-length'] !== undefined) throw new AppError('invalid_request', { detail: 'Upload-Length is required' });
    const length = parseSize(request.headers['upload-length']);
    if (length === undefined) throw new AppError('invalid_request', { detail: 'Upload-Length must be a whole number of bytes' });
    const metadata = parseMetadata(request.headers['upload-metadata']);
    if (!metadata) throw new AppError('invalid_request', { detail: 'Upload-Metadata is malformed' });
    if ('objectionToken' in caller) {
      const { id } = await createEvidenceUpload(app.db, {
        objectionId: metadata.objectionId ?? '', token: caller.objectionToken, fileName: metadata.filename ?? metadata.name ?? '', length,
      }, app.clock(), app.storage);
      return reply.code(201).header('location', `/api/v1/uploads/${id}`).header('upload-offset', '0').send(null);
    }
    const caseId = metadata.caseId ?? '';
    if (!z.uuid().safeParse(caseId).success) throw new AppError('invalid_request', { detail: 'Upload-Metadata needs caseId' });
    if (!metadata.kind) throw new AppError('invalid_request', { detail: 'Upload-Metadata needs kind' });
    const { id } = await createUpload(app.db, caller, {
      caseId, kind: metadata.kind, fileName: metadata.filename ?? metadata.name ?? '', length,
    }, app.clock(), app.storage);
    return reply.code(201).header('location', `/api/v1/uploads/${id}`).header('upload-offset', '0').send(null);
  });

  routes.head('/api/v1/uploads/:id', {
    config: { access: 'public' },
    schema: { tags: ['uploads'], summary: 'How far an upload has come; who started it', params: idParams },
  }, async (request, reply) => {
    if (refuseVersion(request, reply)) return reply;
    const state = await getUploadState(app.db, await callerOf(request), request.params.id, app.clock(), app.storage);
    if (state.attachmentId) reply.header(ATTACHMENT_ID_HEADER, state.attachmentId);
    return reply.code(200).header('cache-control', 'no-store').header('upload-offset', String(state.offset)).header('upload-length', String(state.length)).send(null);
  });

  routes.patch('/api/v1/uploads/:id', {
    config: { access: 'public' },
    schema: { tags: ['uploads'], summary: 'Send bytes from Upload-Offset (tus core); the last byte turns the upload into an attachment (or an objection file); who started it', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    if (refuseVersion(request, reply)) return reply;
    // tus 1.0.0: any other body type SHOULD be answered 415, like every route's.
    if (request.headers['content-type'] !== TUS_CONTENT_TYPE) throw new AppError('unsupported_media_type', { type: request.headers['content-type'] ?? '' });
    const offset = parseSize(request.headers['upload-offset']);
    if (offset === undefined) throw new AppError('invalid_request', { detail: 'Upload-Offset must be a whole number of bytes' });
    const state = await receiveUploadBytes(app.db, await callerOf(request), request.params.id, offset, request.raw, app.clock, app.storage);
    if (state.attachmentId) reply.header(ATTACHMENT_ID_HEADER, state.attachmentId);
    return reply.code(204).header('upload-offset', String(state.offset)).send(null);
  });

  routes.delete('/api/v1/uploads/:id', {
    config: { access: 'public' },
    schema: { tags: ['uploads'], summary: 'Cancel an unfinished upload (tus termination); who started it', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    if (refuseVersion(request, reply)) return reply;
    await terminateUpload(app.db, await callerOf(request), request.params.id, app.clock(), app.storage);
    return reply.code(204).send(null);
  });
}
