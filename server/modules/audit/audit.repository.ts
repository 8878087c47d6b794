import { PostgresIntrospector, sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AuditLogTable, AuditPublishedHeadsTable, Database } from '../../db/schema.ts';

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
/** The advisory lock key only the sealer takes ("audit" in ASCII). */
const SEALER_LOCK = 0x61756469;

/** Creates the head row (seq 0, the genesis hash) unless it exists; never changes an existing one. */
export async function ensureAuditHead(trx: Kysely<Database>, genesisHash: string): Promise<void> {
  await trx
    .insertInto('audit_head')
    .values({ id: HEAD_ID, seq: 0, hash: genesisHash })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * Takes the sealer's turn: true when this transaction may link entries, holding the turn until it
 * ends. Writers never take it. PostgreSQL: a transaction-level advisory lock, tried without
 * waiting (another instance sealing now does the same work), then the head row, locked. SQLite:
 * a (no-op) write takes the database's single write lock before anything is read.
 */
export async function takeSealingTurn(trx: Kysely<Database>): Promise<boolean> {
  if (trx.introspection instanceof PostgresIntrospector) {
    const { rows } = await sql<{ taken: boolean }>`select pg_try_advisory_xact_lock(${SEALER_LOCK}) as taken`.execute(trx);
    return rows[0]?.taken === true;
  }
  await trx.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', HEAD_ID).execute();
  return true;
}

export async function findAuditHead(db: Kysely<Database>): Promise<AuditHead | undefined> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', HEAD_ID).executeTakeFirst();
}

/** Appends an entry without a place in the chain; the database gives its id. */
export async function insertAuditRow(trx: Kysely<Database>, row: Insertable<AuditLogTable>): Promise<number> {
  const { id } = await trx.insertInto('audit_log').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Up to `limit` entries not linked yet, in the order they were appended. */
export async function listUnsealedRows(trx: Kysely<Database>, limit: number): Promise<AuditRow[]> {
  return trx.selectFrom('audit_log').selectAll().where('seq', 'is', null).orderBy('id').limit(limit).execute();
}

export interface SealedLink {
  id: number;
  seq: number;
  prevHash: string;
  hash: string;
}

/** Gives each entry its place and hashes in one statement (VALUES columns are column1… on both engines). */
export async function writeLinks(trx: Kysely<Database>, links: SealedLink[]): Promise<void> {
  if (links.length === 0) return;
  const values = sql.join(links.map((l) => sql`(cast(${l.id} as bigint), cast(${l.seq} as integer), cast(${l.prevHash} as text), cast(${l.hash} as text))`));
  await sql`update audit_log set seq = v.column2, prev_hash = v.column3, hash = v.column4
    from (values ${values}) as v where audit_log.id = v.column1`.execute(trx);
}

export async function moveAuditHead(trx: Kysely<Database>, head: AuditHead): Promise<void> {
  await trx.updateTable('audit_head').set(head).where('id', '=', HEAD_ID).execute();
}

/** How many entries wait for the sealer, and when the oldest was appended. */
export async function findUnsealed(db: Kysely<Database>): Promise<{ count: number; oldestAt: string | null }> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldestAt: row.oldest ?? null };
}

export async function listPublishedHeads(db: Kysely<Database>, limit: number) {
  return db.selectFrom('audit_published_heads').selectAll().orderBy('day', 'desc').limit(limit).execute();
}

/** Records the head of `day`; false when that day's head was published already. */
export async function insertPublishedHead(db: Kysely<Database>, row: Insertable<AuditPublishedHeadsTable>): Promise<boolean> {
  const result = await db.insertInto('audit_published_heads').values(row).onConflict((oc) => oc.column('day').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The sealed entries at these places, for checking published heads against the log. */
export async function findSealedHashes(db: Kysely<Database>, seqs: number[]): Promise<Map<number, string | null>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', 'in', seqs).execute();
  return new Map(rows.map((r) => [Number(r.seq), r.hash]));
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
    .where('seq', 'is not', null)
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

/** Matching rows, newest first (by the order of appending: entries not sealed yet are listed too). */
export async function listAuditRows(db: Kysely<Database>, filter: AuditFilter, limit: number, offset: number): Promise<AuditRow[]> {
  return filtered(db, filter).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
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

/** Where the platform organizers (organizer grants for no one campaign) receive mail, and in which language. */
export async function listPlatformOrganizerAddresses(db: Kysely<Database>) {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.email', 'u.locale'])
    .where('g.role', '=', 'organizer')
    .where('g.campaign_id', 'is', null)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email')
    .execute();
}
