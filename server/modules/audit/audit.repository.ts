import { PostgresIntrospector, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../../db/schema.ts';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditHead {
  seq: number;
  hash: string;
}

export interface AuditFilter {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
}

const HEAD_ID = 1;

/** Creates the head row (seq 0, the genesis hash) unless it exists; never changes an existing one. */
export async function ensureAuditHead(trx: Kysely<Database>, genesisHash: string): Promise<void> {
  await trx
    .insertInto('audit_head')
    .values({ id: HEAD_ID, seq: 0, hash: genesisHash })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * Reads the head and holds it until the transaction ends, so appends happen one at a time;
 * undefined (and nothing held) when there is no head row yet.
 * PostgreSQL locks the row; SQLite has no row locks, so a (no-op) write takes the database's
 * single write lock before the head is read, which also avoids upgrading a read snapshot
 * that another writer has already moved past.
 */
export async function lockAuditHead(trx: Kysely<Database>): Promise<AuditHead | undefined> {
  if (trx.introspection instanceof PostgresIntrospector) {
    return trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', HEAD_ID).forUpdate().executeTakeFirst();
  }
  return trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', HEAD_ID)
    .returning(['seq', 'hash'])
    .executeTakeFirst();
}

export async function insertAuditRow(trx: Kysely<Database>, row: Insertable<AuditLogTable>): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
}

export async function moveAuditHead(trx: Kysely<Database>, head: AuditHead): Promise<void> {
  await trx.updateTable('audit_head').set(head).where('id', '=', HEAD_ID).execute();
}

/**
 * Inserts the entry and moves the head to it. On PostgreSQL in one statement (the head's update
 * as a data-modifying WITH, which always runs once and to completion): the head stays locked
 * until commit, so one round trip fewer while holding it is more appends per second.
 */
export async function appendAuditRow(trx: Kysely<Database>, row: Insertable<AuditLogTable>, head: AuditHead): Promise<void> {
  if (trx.introspection instanceof PostgresIntrospector) {
    await trx
      .with('moved_head', (db) => db.updateTable('audit_head').set(head).where('id', '=', HEAD_ID))
      .insertInto('audit_log')
      .values(row)
      .execute();
    return;
  }
  await insertAuditRow(trx, row);
  await moveAuditHead(trx, head);
}

/**
 * The head and the highest seq in the log, read in one statement so both come from one
 * snapshot; undefined head when nothing was ever appended.
 */
export async function findAuditHeadAndLastSeq(db: Kysely<Database>): Promise<{ head: AuditHead | undefined; lastSeq: number | null }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('audit_head').select('seq').where('id', '=', HEAD_ID).as('head_seq'),
      eb.selectFrom('audit_head').select('hash').where('id', '=', HEAD_ID).as('head_hash'),
      eb.selectFrom('audit_log').select((e) => e.fn.max('seq').as('m')).as('last_seq'),
    ])
    .executeTakeFirstOrThrow();
  const head = row.head_seq === null || row.head_hash === null ? undefined : { seq: Number(row.head_seq), hash: row.head_hash };
  return { head, lastSeq: row.last_seq === null ? null : Number(row.last_seq) };
}

/** Up to `limit` rows with afterSeq < seq <= uptoSeq, in seq order (one keyset page). */
export async function listAuditRowsPage(db: Kysely<Database>, afterSeq: number, uptoSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', uptoSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

function filtered(db: Kysely<Database>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  return query;
}

export async function countAuditRows(db: Kysely<Database>, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Matching rows, newest first. */
export async function listAuditRows(db: Kysely<Database>, filter: AuditFilter, limit: number, offset: number): Promise<AuditRow[]> {
  return filtered(db, filter).selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute();
}

/** Titles and owners of the cases with these ids, for naming them in the log. */
export async function findCaseTitles(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('cases').select(['id', 'title', 'organization_id', 'campaign_id']).where('id', 'in', ids).execute();
}

/** Names of the units with these ids, merged ones included: the log speaks of them as they were. */
export async function findUnitNames(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
}

export async function findUserNames(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'display_name', 'email']).where('id', 'in', ids).execute();
}
