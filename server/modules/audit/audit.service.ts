import type { Kysely } from 'kysely';
import type { AuditAction } from '../../../core/audit/describe.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { GENESIS_HASH, canonicalJson, hashAuditRecord, type AuditRecord } from './audit-hash.ts';
import {
  appendAuditRow,
  countAuditRows,
  ensureAuditHead,
  findAuditHeadAndLastSeq,
  listAuditRows,
  listAuditRowsPage,
  lockAuditHead,
  type AuditFilter,
  type AuditRow,
} from './audit.repository.ts';

export type AuditEntry = AuditRecord;

/**
 * An entry as its author gives it; the log assigns `seq` and `at`. Only an action with a sentence
 * in core/audit/describe can be written, so the audit page never shows a bare code.
 */
export type AuditInput = Omit<AuditRecord, 'seq' | 'at' | 'action'> & { action: AuditAction };

export type AuditProblem = 'edited' | 'broken-link' | 'missing' | 'truncated';

export type AuditVerdict = { ok: true; count: number; headSeq: number } | { ok: false; seq: number; problem: AuditProblem };

/**
 * Records `input` as the next entry of the hash chain, in the caller's transaction: the entry
 * exists if and only if the change it describes commits. Concurrent appends are serialized on
 * the chain's head, so seqs have no gaps or duplicates and every entry links to the one before.
 */
export async function appendAudit(trx: Kysely<Database>, input: AuditInput, now: Date): Promise<AuditEntry> {
  // Outside a transaction the entry could commit without its change, or the head move alone.
  if (!trx.isTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  // The head row exists after the first append ever; creating it is needed only before that.
  let head = await lockAuditHead(trx);
  if (!head) {
    await ensureAuditHead(trx, GENESIS_HASH);
    head = await lockAuditHead(trx);
    if (!head) throw new Error('the audit head could not be created');
  }
  const entry: AuditEntry = {
    seq: head.seq + 1,
    at: now.toISOString(),
    actorId: input.actorId,
    actorLabel: input.actorLabel,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    change: JSON.parse(canonicalJson(input.change)) as Record<string, unknown>,
  };
  const hash = hashAuditRecord(head.hash, entry);
  await appendAuditRow(trx, {
    seq: entry.seq,
    at: entry.at,
    actor_id: entry.actorId,
    actor_label: entry.actorLabel,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    change: canonicalJson(entry.change),
    prev_hash: head.hash,
    hash,
  }, { seq: entry.seq, hash });
  return entry;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    change: JSON.parse(row.change) as Record<string, unknown>,
  };
}

/** True when the row's stored change is canonical JSON and its hash is what its content gives. */
function rowIsIntact(row: AuditRow): boolean {
  let entry: AuditEntry;
  try {
    entry = toEntry(row);
  } catch {
    return false;
  }
  return canonicalJson(entry.change) === row.change && hashAuditRecord(row.prev_hash, entry) === row.hash;
}

/**
 * Proves the log is the one that was appended: every seq from 1 to the head is present, each
 * entry's hash matches its content and links to the entry before, and the head names the last
 * entry. Reports the first problem in seq order. Reads the rows a page at a time, so memory stays
 * flat however long the log is; entries appended while it runs are left for the next run.
 */
export async function verifyAuditChain(db: Kysely<Database>, options: { pageSize?: number } = {}): Promise<AuditVerdict> {
  const pageSize = options.pageSize ?? 1000;
  const { head = { seq: 0, hash: GENESIS_HASH }, lastSeq } = await findAuditHeadAndLastSeq(db);
  let prev = { seq: 0, hash: GENESIS_HASH };
  for (;;) {
    const page = await listAuditRowsPage(db, prev.seq, head.seq, pageSize);
    for (const row of page) {
      if (row.seq !== prev.seq + 1) return { ok: false, seq: prev.seq + 1, problem: 'missing' };
      if (row.prev_hash !== prev.hash) return { ok: false, seq: row.seq, problem: 'broken-link' };
      if (!rowIsIntact(row)) return { ok: false, seq: row.seq, problem: 'edited' };
      prev = { seq: row.seq, hash: row.hash };
    }
    if (page.length < pageSize) break;
  }
  // Entries gone from the end, a head that names a different last entry, or entries the head
  // does not vouch for (present when the head was read, so not appends made since).
  if (prev.seq < head.seq) return { ok: false, seq: prev.seq + 1, problem: 'truncated' };
  if (prev.hash !== head.hash) return { ok: false, seq: head.seq, problem: 'truncated' };
  if (lastSeq !== null && lastSeq > head.seq) return { ok: false, seq: head.seq + 1, problem: 'truncated' };
  return { ok: true, count: prev.seq, headSeq: head.seq };
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
