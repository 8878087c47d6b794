import type { FastifyInstance, FastifyReply } from 'fastify';
import { isOrganizer, type Actor } from '../modules/auth/actor.ts';
import { resolveSession, SESSION_DAYS } from '../modules/auth/auth.service.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'zhengji_session';

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.baseUrl.startsWith('https:'),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Resolves the session cookie to an actor on every request that carries one, then enforces
 * the route's declared access before its handler runs.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  // A callback hook: on public routes (every public page) it costs no promise at all.
  app.addHook('preHandler', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    // Public pages do not need to know who is reading; skipping the lookup keeps them fast.
    if (access === 'public' || access === undefined) return done();
    const token = request.cookies?.[SESSION_COOKIE];
    (token ? resolveSession(app.db, token, app.clock()) : Promise.resolve(null)).then((actor) => {
      request.actor = actor;
      if (!actor) return done(new AppError('unauthenticated'));
      if (access === 'organizer' && !isOrganizer(actor)) return done(new AppError('forbidden'));
      if (access === 'platform-organizer' && !actor.platformOrganizer) return done(new AppError('forbidden'));
      done();
    }, done);
  });
}

/** The signed-in actor of a route whose access guarantees one. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}
