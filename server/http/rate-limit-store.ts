import type { Kysely } from 'kysely';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/schema.ts';
import { countRequest, rowKey, type Counted } from '../db/rate-limit-counters.ts';
import type { Clock } from '../ids.ts';

// @fastify/rate-limit's store, kept in the database: every instance counts into the same row, so
// ten instances do not give a client ten times the limit, and a restart forgives no one. One
// statement per limited request (countRequest), under a hash of the route and the client's key.

interface RouteInfo {
  method?: string | string[];
  url?: string;
}

/** The store class @fastify/rate-limit builds: one per limited route, keyed by route and client. */
export function databaseRateLimitStore(db: Kysely<Database>, clock: Clock): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    route = '';

    incr(key: string, callback: (error: Error | null, result?: Counted) => void, timeWindow: number): void {
      countRequest(db, rowKey(this.route, key), timeWindow, clock().getTime()).then(
        (counted) => callback(null, counted),
        (error: Error) => callback(error),
      );
    }

    child(options: object): FastifyRateLimitStore {
      const route = (options as { routeInfo?: RouteInfo }).routeInfo;
      const store = new DatabaseStore();
      // Fastify's automatic HEAD route is a route of its own: it counts with its GET.
      const methods = [route?.method ?? ''].flat().map((m) => (m === 'HEAD' ? 'GET' : m));
      store.route = `${[...new Set(methods)].join(',')} ${route?.url ?? ''}`;
      return store;
    }
  }
  return DatabaseStore;
}
