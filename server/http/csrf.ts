import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Every state-changing request carries a token from GET /api/v1/auth/csrf in the
 * X-CSRF-Token header, checked against a secret in its own cookie (double submit). With
 * SameSite=Lax session cookies this closes cross-site form posts, login CSRF included.
 */
export async function registerCsrf(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCsrf, {
    cookieKey: 'zhengji_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: app.baseUrl.startsWith('https:') },
    getToken: (request) => request.headers[CSRF_HEADER] as string | undefined,
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
}
