import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

// Rate-limit windows, one row per limited route and client, shared by every instance. A request
// is counted by one upsert that opens a fresh window when the old one is over; the hourly
// cleanup job deletes windows that are over.

export interface Counted {
  current: number;
  ttl: number;
}

/**
 * The row's key: a hash of the route and the client's key, so the table holds no addresses or
 * e-mail addresses, only what tells one counter from another.
 */
export const rowKey = (route: string, key: string) => createHash('sha256').update(`${route}|${key}`).digest('base64url');

/** Counts one request under `key` in a window of `windowMs`; the count so far and the time left. */
export async function countRequest(db: Kysely<Database>, key: string, windowMs: number, now: number): Promise<Counted> {
  const expiresAt = now + windowMs;
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ key, count: 1, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limit_counters.expires_at <= ${now} then 1 else rate_limit_counters.count + 1 end`,
        expires_at: sql<number>`case when rate_limit_counters.expires_at <= ${now} then ${expiresAt} else rate_limit_counters.expires_at end`,
      }),
    )
    .returning(['count', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.count), ttl: Math.max(0, Number(row.expires_at) - now) };
}

/** Deletes the windows that are over; returns how many. */
export async function pruneRateLimits(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limit_counters').where('expires_at', '<=', now.getTime()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

