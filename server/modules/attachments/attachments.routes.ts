import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { inTransaction } from '../../db/transaction.ts';
import { requireActor } from '../../http/authenticate.ts';
import { parseByteRange } from '../../http/byte-range.ts';
import { attachmentDisposition } from '../../http/content-disposition.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { AppError } from '../../errors.ts';
import { isReencodedImage } from '../uploads/image-reencode.ts';
import { attachmentsResponse } from '../../../core/api/attachments.ts';
import { findAttachmentFile, listAttachments, removeAttachment, type StoredFile } from './attachments.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const idParams = z.object({ id: z.uuid() });

// Only pictures we re-encoded and video (for <video>) are shown in the browser; every other
// file, PDF included, is a download, since its bytes are the user's own. All of them are served
// under a sandboxing CSP with nosniff, so even a file opened directly runs nothing.
const VIDEO_TYPES = new Set(['video/mp4', 'video/webm', 'video/quicktime']);
const TYPED_DOWNLOADS = new Set([
  'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword',
]);
const STORED_FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'";

export async function sendStoredFile(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, file: StoredFile) {
  const etag = `"${file.sha256}"`;
  const shown = !file.downloadOnly && (isReencodedImage(file.mediaType) || VIDEO_TYPES.has(file.mediaType));
  const inline = shown && (request.query as { download?: string }).download === undefined;
  const type = shown || (!file.downloadOnly && TYPED_DOWNLOADS.has(file.mediaType)) ? file.mediaType : 'application/octet-stream';
  const disposition = attachmentDisposition(file.fileName, `attachment-${file.sha256.slice(0, 12)}`);
  const notModified = request.headers['if-none-match'] === etag;
  const ifRange = request.headers['if-range'];
  const range = ifRange === undefined || ifRange === etag ? parseByteRange(request.headers.range, file.size) : { kind: 'whole' as const };
  // One request to the storage: the bytes, or for an answer without them whether they are there.
  const bodiless = notModified || range.kind === 'unsatisfiable';
  const bytes = bodiless ? undefined : await app.storage.read(file, range.kind === 'partial' ? range : undefined);
  if (bodiless ? !(await app.storage.has(file)) : !bytes) {
    request.log.error({ sha256: file.sha256 }, 'a stored file is missing from the blob store');
    throw new AppError('not_found');
  }
  reply
    .header('accept-ranges', 'bytes')
    .header('etag', etag)
    .header('cache-control', 'private, max-age=86400')
    .header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition)
    .header('content-security-policy', STORED_FILE_CSP)
    .header('x-content-type-options', 'nosniff')
    .type(type);
  if (notModified) return reply.code(304).send(null);
  if (range.kind === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${file.size}`).send(null);
  if (range.kind === 'partial') {
    return reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
      .header('content-length', String(range.end - range.start + 1))
      .send(bytes);
  }
  return reply.header('content-length', String(file.size)).send(bytes);
}

export async function attachmentsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/v1/cases/:id/attachments', {
    config: { access: 'signed-in' },
    schema: { tags: ['attachments'], summary: "The case's attachments (its working copy), oldest first", params: idParams, response: { 200: attachmentsResponse, ...errors } },
  }, async (request) => ({ data: await listAttachments(app.db, requireActor(request.actor), request.params.id) }));

  routes.delete('/api/v1/attachments/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['attachments'], summary: 'Remove an attachment from the draft', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await inTransaction(app.db, (trx) => removeAttachment(trx, requireActor(request.actor), request.params.id, app.clock()));
    return reply.code(204).send(null);
  });

  const summaries = {
    file: "The attachment's bytes; range requests for video",
    thumbnail: "The attachment's thumbnail (WebP)",
    original: "The bytes as the unit sent them (a picture's original, before re-encoding), whose SHA-256 the receipt states; a download, for the unit only",
  };
  for (const which of ['file', 'thumbnail', 'original'] as const) {
    routes.get(`/api/v1/attachments/:id/${which}`, {
      config: { access: 'signed-in' },
      schema: {
        tags: ['attachments'],
        summary: summaries[which],
        params: idParams, querystring: z.object({ download: text().max(8).optional() }),
      },
    }, async (request, reply) => {
      const file = await findAttachmentFile(app.db, requireActor(request.actor), request.params.id, which);
      return sendStoredFile(app, request, reply, file);
    });
  }
}
