import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { LOCALES } from '../../../core/i18n/locale.ts';
import { AppError } from '../../errors.ts';
import { clearSessionCookie, requireActor, SESSION_COOKIE, setSessionCookie } from '../../http/authenticate.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import { currentAccountResponse, meResponse, verifyEmailResponse } from '../../../core/api/auth.ts';
import { statusResponse } from '../../../core/api/envelope.ts';
import { presentMe } from './auth.present.ts';
import { checkSignIn, prepareReset, prepareSignUp, requestPasswordReset, resendVerification, resetPassword, resolveSession, signIn, signOut, signUp, verifyEmail, type RequestMeta } from './auth.service.ts';

const accepted = statusResponse;
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 429: errorResponseSchema };
const email = z.email('not an e-mail address').max(254);
const password = z.string().min(1, 'required').max(200);
// Checked again (safeNext) where it is used; a longer or odd one is simply not carried.
const next = z.string().max(500).optional();

// Sign-up and sign-in are limited per client address too; the per-account lockout lives in
// the database (auth.service) so it holds across instances.
const perAddress = (max: number, timeWindow: string) => ({ rateLimit: { max, timeWindow } });

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const meta = (request: FastifyRequest): RequestMeta => ({
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    baseUrl: app.baseUrl,
  });

  routes.get('/api/v1/auth/csrf', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'A token to send as X-CSRF-Token with every state-changing request', response: { 200: z.object({ token: z.string() }) } },
  }, async (_request, reply) => ({ token: reply.generateCsrf() }));

  routes.post('/api/v1/auth/sign-up', {
    config: { access: 'public', ...perAddress(10, '1 hour') },
    schema: {
      tags: ['auth'],
      summary: 'Create an account; a verification link is mailed. The answer is the same whether or not the address had an account.',
      body: z.object({ email, password, displayName: text().trim().min(1).max(50), locale: z.enum(LOCALES).optional(), next }),
      response: { 202: accepted, ...errors },
    },
  }, async (request, reply) => {
    const { body } = request;
    const { passwordHash } = await prepareSignUp(body);
    try {
      await inTransaction(app.db, (trx) => signUp(trx, { email: body.email, displayName: body.displayName, passwordHash, locale: body.locale ?? request.locale, next: body.next }, app.clock(), meta(request)));
    } catch (error) {
      // A sign-up racing another for the same address (PostgreSQL) meets its row only at the
      // insert; its transaction wrote nothing, and it answers as for an address already taken.
      if (!isUniqueViolation(error, 'email')) throw error;
    }
    return reply.code(202).send({ status: 'check_your_email' });
  });

  routes.post('/api/v1/auth/verify-email', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Verify an e-mail address with the mailed token', body: z.object({ token: z.string().max(100) }), response: { 200: verifyEmailResponse, ...errors } },
  }, async (request) => {
    return { status: await inTransaction(app.db, (trx) => verifyEmail(trx, request.body.token, app.clock())) };
  });

  routes.post('/api/v1/auth/verify-email/resend', {
    config: { access: 'public', ...perAddress(10, '1 hour') },
    schema: {
      tags: ['auth'],
      summary: 'Mail the verification link again (a few an hour per address); the same answer whether or not the address has an account',
      body: z.object({ email, next }),
      response: { 202: accepted, ...errors },
    },
  }, async (request, reply) => {
    await inTransaction(app.db, (trx) => resendVerification(trx, request.body, app.clock(), meta(request)));
    return reply.code(202).send({ status: 'check_your_email' });
  });

  routes.post('/api/v1/auth/sign-in', {
    config: { access: 'public', ...perAddress(30, '1 minute') },
    schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: z.object({ email, password }), response: { 200: meResponse, ...errors } },
  }, async (request, reply) => {
    const check = await checkSignIn(app.db, request.body, app.clock());
    const outcome = await inTransaction(app.db, (trx) => signIn(trx, check, app.clock(), meta(request), request.cookies[SESSION_COOKIE]));
    // The failed attempt is committed above before it is reported, so it counts.
    if (!outcome.ok) throw new AppError(outcome.code);
    setSessionCookie(app, reply, outcome.token);
    const actor = await resolveSession(app.db, outcome.token, app.clock());
    return { data: presentMe(requireActor(actor)) };
  });

  routes.post('/api/v1/auth/sign-out', {
    config: { access: 'signed-in' },
    schema: { tags: ['auth'], summary: 'End this session on every instance', response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await inTransaction(app.db, (trx) => signOut(trx, requireActor(request.actor), app.clock()));
    clearSessionCookie(reply);
    return reply.code(204).send(null);
  });

  routes.post('/api/v1/auth/password-reset', {
    config: { access: 'public', ...perAddress(10, '1 hour') },
    schema: { tags: ['auth'], summary: 'Mail a one-time reset link; the same answer whether or not the address has an account', body: z.object({ email }), response: { 202: accepted, ...errors } },
  }, async (request, reply) => {
    await inTransaction(app.db, (trx) => requestPasswordReset(trx, request.body.email, app.clock(), meta(request)));
    return reply.code(202).send({ status: 'check_your_email' });
  });

  routes.post('/api/v1/auth/password-reset/confirm', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Set a new password with the mailed token; signs out every session', body: z.object({ token: z.string().max(100), password }), response: { 200: accepted, ...errors } },
  }, async (request) => {
    const { passwordHash } = await prepareReset(app.db, request.body.token, request.body.password, app.clock());
    await inTransaction(app.db, (trx) => resetPassword(trx, request.body.token, passwordHash, app.clock()));
    return { status: 'password_changed' };
  });

  // Every workbench page asks this first, signed in or not: signed out is { data: null }, not a
  // 401 the browser would log as an error on the sign-in page. A stale cookie is dropped.
  routes.get('/api/v1/me', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'The signed-in account, its roles and units; data is null when signed out', response: { 200: currentAccountResponse } },
  }, async (request, reply) => {
    const token = request.cookies?.[SESSION_COOKIE];
    const actor = token ? await resolveSession(app.db, token, app.clock()) : null;
    if (token && !actor) clearSessionCookie(reply);
    return { data: actor ? presentMe(actor) : null };
  });
}
