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
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    // Public pages do not need to know who is reading; skipping the lookup keeps them fast.
    if (access === 'public' || access === undefined) return;
    const token = request.cookies?.[SESSION_COOKIE];
    request.actor = token ? await resolveSession(app.db, token, app.clock()) : null;
    if (!request.actor) throw new AppError('unauthenticated');
    if (access === 'organizer' && !isOrganizer(request.actor)) throw new AppError('forbidden');
    if (access === 'platform-organizer' && !request.actor.platformOrganizer) throw new AppError('forbidden');
  });
}

/** The signed-in actor of a route whose access guarantees one. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}
