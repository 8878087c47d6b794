import { PostgresIntrospector, type Kysely } from 'kysely';

/**
 * Whether reads in a transaction must lock the rows they rely on (`FOR UPDATE`, `FOR SHARE`):
 * on PostgreSQL, transactions run side by side, and a check made by one (a count, a unit still
 * live) can be overtaken by another's commit before it writes. SQLite needs no row locks and
 * has none: its one connection runs one transaction at a time (decision 0012), so what a
 * transaction read stays true until it ends.
 */
export function locksRows<DB>(db: Kysely<DB>): boolean {
  return db.introspection instanceof PostgresIntrospector;
}
