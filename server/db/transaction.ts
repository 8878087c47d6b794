import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

const roots = new WeakMap<Kysely<Database>, Kysely<Database>>();

/** Runs `work` in one transaction: all of it commits, or none of it. Opened at the edge (route, job). */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => {
    roots.set(trx, rootOf(db));
    return work(trx);
  });
}

/**
 * The database a transaction opened by inTransaction belongs to (or `db` itself): the key for
 * per-database caches, which a transaction should share with its database.
 */
export function rootOf(db: Kysely<Database>): Kysely<Database> {
  return roots.get(db) ?? db;
}
