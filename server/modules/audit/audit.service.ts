import type { Kysely } from 'kysely';
import type { AuditAction } from '../../../core/audit/describe.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { GENESIS_HASH, canonicalJson, hashAuditRecord, type AuditRecord } from './audit-hash.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  countAuditRows,
  ensureAuditHead,
  findAuditHead,
  findAuditHeadAndLastSeq,
  findSealedHashes,
  findUnsealed,
  insertAuditRow,
  listAuditRows,
  listAuditRowsPage,
  listPublishedHeads,
  listUnsealedRows,
  moveAuditHead,
  takeSealingTurn,
  writeLinks,
  type AuditFilter,
  type AuditRow,
  type SealedLink,
} from './audit.repository.ts';

/** An entry as stored: `id` is the order of appending, `seq` its place in the chain once sealed (else null). */
export type AuditEntry = Omit<AuditRecord, 'seq'> & { id: number; seq: number | null };

/**
 * An entry as its author gives it; the log assigns `seq` and `at`. Only an action with a sentence
 * in core/audit/describe can be written, so the audit page never shows a bare code.
 */
export type AuditInput = Omit<AuditRecord, 'seq' | 'at' | 'action'> & { action: AuditAction };

/** `rewritten`: a head published outside the database names a different entry than the log holds. */
export type AuditProblem = 'edited' | 'broken-link' | 'missing' | 'truncated' | 'rewritten';

export interface AuditSealState {
  /** Entries appended but not linked yet, and when the oldest of them was appended. */
  unsealed: number;
  oldestUnsealedAt: string | null;
}

export type AuditVerdict =
  | ({ ok: true; count: number; headSeq: number } & AuditSealState)
  | ({ ok: false; seq: number; problem: AuditProblem } & AuditSealState);

/**
 * Records `input` in the caller's transaction: the entry exists if and only if the change it
 * describes commits. It takes no shared lock: the database gives its id, and the sealer links it
 * into the chain shortly after (sealAudit; decision 0026).
 */
export async function appendAudit(trx: Kysely<Database>, input: AuditInput, now: Date): Promise<AuditEntry> {
  // Outside a transaction the entry could commit without its change.
  if (!trx.isTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const change = JSON.parse(canonicalJson(input.change)) as Record<string, unknown>;
  const at = now.toISOString();
  const id = await insertAuditRow(trx, {
    at,
    actor_id: input.actorId,
    actor_label: input.actorLabel,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    change: canonicalJson(change),
  });
  return { id, seq: null, at, actorId: input.actorId, actorLabel: input.actorLabel, action: input.action, subjectType: input.subjectType, subjectId: input.subjectId, change };
}

export const SEAL_BATCH = 1000;

/**
 * Links the entries appended since the last seal, in the order of their ids, each to the one
 * before: its place is the head's seq + 1, its hash covers its content and the previous hash.
 * One sealer at a time across every instance; a call that finds another sealing returns 0 (the
 * other does the work). Returns how many entries it linked, at most `batch`.
 */
export async function sealAudit(db: Kysely<Database>, batch = SEAL_BATCH): Promise<number> {
  // Most calls find nothing to do: a read, not a write transaction, says so.
  if ((await listUnsealedRows(db, 1)).length === 0) return 0;
  return inTransaction(db, async (trx) => {
    let head = await findAuditHead(trx);
    if (!head) {
      await ensureAuditHead(trx, GENESIS_HASH);
      head = { seq: 0, hash: GENESIS_HASH };
    }
    if (!(await takeSealingTurn(trx))) return 0;
    head = (await findAuditHead(trx)) ?? head;
    const rows = await listUnsealedRows(trx, batch);
    const links: SealedLink[] = [];
    let prev = head;
    for (const row of rows) {
      const seq = prev.seq + 1;
      const hash = hashAuditRecord(prev.hash, toRecord(row, seq));
      links.push({ id: Number(row.id), seq, prevHash: prev.hash, hash });
      prev = { seq, hash };
    }
    await writeLinks(trx, links);
    if (links.length > 0) await moveAuditHead(trx, prev);
    return links.length;
  });
}

/** Seals until nothing is left to link; returns how many entries it linked. */
export async function sealAllAudit(db: Kysely<Database>): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await sealAudit(db);
    total += sealed;
    if (sealed < SEAL_BATCH) return total;
  }
}

function toRecord(row: AuditRow, seq: number): AuditRecord {
  return {
    seq,
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    change: JSON.parse(row.change) as Record<string, unknown>,
  };
}

function toEntry(row: AuditRow): AuditEntry {
  return { ...toRecord(row, 0), id: Number(row.id), seq: row.seq === null ? null : Number(row.seq) };
}

/** True when the row's stored change is canonical JSON and its hash is what its content gives. */
function rowIsIntact(row: AuditRow & { seq: number; prev_hash: string }): boolean {
  let record: AuditRecord;
  try {
    record = toRecord(row, row.seq);
  } catch {
    return false;
  }
  return canonicalJson(record.change) === row.change && hashAuditRecord(row.prev_hash, record) === row.hash;
}

export interface KnownHead {
  seq: number;
  hash: string;
}

/**
 * Proves the sealed log is the one that was appended: every seq from 1 to the head is present,
 * each entry's hash matches its content and links to the entry before, the head names the last
 * entry, and every head published outside the database (and any `known` head the caller kept)
 * names the entry the log holds at that place. Reports the first problem in seq order, and how
 * many entries wait for the sealer (they are not vouched for until sealed). Reads the rows a page
 * at a time, so memory stays flat however long the log is.
 */
export async function verifyAuditChain(db: Kysely<Database>, options: { pageSize?: number; known?: KnownHead[] } = {}): Promise<AuditVerdict> {
  const pageSize = options.pageSize ?? 1000;
  const [{ head = { seq: 0, hash: GENESIS_HASH }, lastSeq }, pending, published] = await Promise.all([
    findAuditHeadAndLastSeq(db),
    findUnsealed(db),
    listPublishedHeads(db, 10_000),
  ]);
  const state: AuditSealState = { unsealed: pending.count, oldestUnsealedAt: pending.oldestAt };
  const fail = (seq: number, problem: AuditProblem): AuditVerdict => ({ ok: false, seq, problem, ...state });
  let prev = { seq: 0, hash: GENESIS_HASH };
  for (;;) {
    const page = await listAuditRowsPage(db, prev.seq, head.seq, pageSize);
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== prev.seq + 1) return fail(prev.seq + 1, 'missing');
      if (row.prev_hash !== prev.hash) return fail(seq, 'broken-link');
      if (!rowIsIntact({ ...row, seq, prev_hash: row.prev_hash })) return fail(seq, 'edited');
      prev = { seq, hash: row.hash ?? '' };
    }
    if (page.length < pageSize) break;
  }
  // Entries gone from the end, a head that names a different last entry, or sealed entries the
  // head does not vouch for (present when the head was read, so not seals made since).
  if (prev.seq < head.seq) return fail(prev.seq + 1, 'truncated');
  if (prev.hash !== head.hash) return fail(head.seq, 'truncated');
  if (lastSeq !== null && lastSeq > head.seq) return fail(head.seq + 1, 'truncated');
  // A log rewritten whole, head included, still has to match what was published before.
  const outside = [...published.map((p) => ({ seq: Number(p.seq), hash: p.hash })), ...(options.known ?? [])].filter((k) => k.seq > 0);
  const held = await findSealedHashes(db, outside.map((k) => k.seq));
  const differs = outside.filter((k) => held.get(k.seq) !== k.hash).sort((a, b) => a.seq - b.seq)[0];
  if (differs) return fail(differs.seq, 'rewritten');
  return { ok: true, count: prev.seq, headSeq: head.seq, ...state };
}

export interface AuditQuery extends AuditFilter {
  limit: number;
  offset: number;
}

export const AUDIT_PAGE_MAX = 200;

/**
 * One page of the entries matching every given filter, newest first, with the total that match;
 * AppError invalid_request when the page is out of bounds. Who may read it is the caller's check.
 */
export async function listAuditEntries(db: Kysely<Database>, query: AuditQuery): Promise<{ total: number; items: AuditEntry[] }> {
  const { limit, offset, ...filter } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) {
    throw new AppError('invalid_request', { detail: `limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}` });
  }
  if (!Number.isInteger(offset) || offset < 0) throw new AppError('invalid_request', { detail: 'offset must be a whole number ≥ 0' });
  const [total, rows] = await Promise.all([countAuditRows(db, filter), listAuditRows(db, filter, limit, offset)]);
  return { total, items: rows.map(toEntry) };
}
