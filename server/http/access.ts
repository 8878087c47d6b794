import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Who may call a route. Every route states one; the app refuses to start with a route that
 * does not, so no endpoint is reachable by accident. This is the gate at the door; which
 * records a caller then sees is decided by the service's policy (a unit's operators see their
 * unit, organizers see all), and a record one may not see answers exactly like one that does
 * not exist.
 *   public     anyone, signed in or not
 *   signed-in  any signed-in account
 *   organizer           an organizer of some campaign, or of the platform
 *   platform-organizer  an organizer of the platform (audit log, outgoing mail)
 */
export const ACCESS = ['public', 'signed-in', 'organizer', 'platform-organizer'] as const;
export type Access = (typeof ACCESS)[number];

export class MissingAccessError extends Error {
  override name = 'MissingAccessError';
}

function assertAccessDeclared(route: RouteOptions): void {
  const access = route.config?.access;
  if (!access || !(ACCESS as readonly string[]).includes(access)) {
    const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
    throw new MissingAccessError(`route ${methods} ${route.url} declares no access policy (config.access)`);
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

/** Refuses routes without a policy and records every route with its policy, for tests and audits. */
export function enforceAccessDeclarations(app: FastifyInstance): void {
  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    // HEAD routes are generated from their GET twin and share its config.
    if (route.method === 'HEAD') return;
    assertAccessDeclared(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) table.push({ method, url: route.url, access: route.config!.access! });
  });
}
