import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { TEXT_FAULT_PARAM, type TextFault } from '../../core/text/clean-text.ts';
import { formatBytes } from '../../core/text/format-bytes.ts';
import { AppError, errorBody } from '../errors.ts';
import { renderErrorPage } from '../pages/error-page.tsx';

/** JSON for the API and operations endpoints, HTML pages for everything a person opens. */
function wantsJson(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return path.startsWith('/api/') || path === '/healthz';
}

function send(request: FastifyRequest, reply: FastifyReply, error: AppError, details?: unknown) {
  reply.code(error.status);
  if (error.status === 429 && reply.getHeader('retry-after') === undefined && typeof error.params.minutes === 'number') {
    reply.header('retry-after', error.params.minutes * 60);
  }
  if (wantsJson(request)) {
    return reply.type('application/json; charset=utf-8').send(errorBody(error, request.locale, request.id, details));
  }
  return reply.type('text/html; charset=utf-8').send(renderErrorPage(request, error));
}

function fieldOf(issue: { instancePath: string; params?: unknown }): string {
  return issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || (issue.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || '';
}

/** Whole minutes until a limited client may try again, from the limiter's Retry-After (seconds). */
function minutesToWait(reply: FastifyReply): number {
  const seconds = Number(reply.getHeader('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

function toAppError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): { appError: AppError; details?: unknown } {
  if (error instanceof AppError) return { appError: error, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const textFaults = error.validation.flatMap((issue) => {
      const fault = (issue.params as { params?: Record<string, unknown> } | undefined)?.params?.[TEXT_FAULT_PARAM] as TextFault | undefined;
      return fault ? [{ field: fieldOf(issue), ...fault }] : [];
    });
    // A refused character is named on its own, in the caller's language: it is invisible.
    const [first] = textFaults;
    if (first) return { appError: new AppError('text_invalid', { field: first.field, character: first.character, position: first.position }), details: textFaults };
    const details = error.validation.map((issue) => ({
      field: fieldOf(issue),
      message: issue.message ?? 'invalid',
    }));
    const detail = details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; ');
    return { appError: new AppError('invalid_request', { detail }), details };
  }
  if (error.code?.startsWith('FST_CSRF_')) return { appError: new AppError('csrf_invalid') };
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { appError: new AppError('body_too_large', { max: formatBytes(request.routeOptions.bodyLimit) }) };
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { appError: new AppError('unsupported_media_type', { type: request.headers['content-type'] ?? '' }) };
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return { appError: new AppError('rate_limited', { minutes: minutesToWait(reply) }) };
  if (status === 404) return { appError: new AppError('not_found') };
  if (status >= 400 && status < 500) return { appError: new AppError('invalid_request', { detail: error.message }) };
  return { appError: new AppError('internal', { requestId: '' }) };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { appError, details } = toAppError(error, request, reply);
    if (appError.status >= 500) {
      request.log.error({ err: error }, 'request failed');
      const withId = new AppError(appError.code, { requestId: request.id });
      return send(request, reply, withId);
    }
    request.log.info({ code: appError.code, reason: error.message }, 'request refused');
    return send(request, reply, appError, details);
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, new AppError('not_found')));
}
