import type { Kysely, Transaction } from 'kysely';
import { GroupCommit } from './group-commit.ts';
import type { Database } from './schema.ts';

const roots = new WeakMap<Kysely<Database>, Kysely<Database>>();
const groups = new WeakMap<Kysely<Database>, GroupCommit<Database>>();

/** From now on, units of work on `db` that arrive together share a commit (SQLite; see GroupCommit). */
export function commitInGroups(db: Kysely<Database>, options: { unitTimeLimitMs?: number } = {}): void {
  groups.set(db, new GroupCommit(db, options));
}

/**
 * Runs `work` as one unit: all of it commits, or none of it. Opened at the edge (route, job).
 * It resolves only once its changes are committed.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const unit = (trx: Transaction<Database>) => {
    roots.set(trx, rootOf(db));
    return work(trx);
  };
  const group = groups.get(db);
  return group ? group.run(unit) : db.transaction().execute(unit);
}

/**
 * The database a transaction opened by inTransaction belongs to (or `db` itself): the key for
 * per-database caches, which a transaction should share with its database.
 */
export function rootOf(db: Kysely<Database>): Kysely<Database> {
  return roots.get(db) ?? db;
}
