import type { Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { checkFileName } from '../../../core/files/file-name.ts';
import { formatBytes } from '../../../core/text/format-bytes.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { newId, type Clock } from '../../ids.ts';
import { countCaseAttachments } from '../attachments/attachments.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { loadCaseForUnit, requireEditableCase } from '../cases/case-access.ts';
import { lockCase } from '../cases/cases.repository.ts';
import { fileTooLarge, tooManyFiles, tooManyPieces } from './file-errors.ts';
import { requireEvidenceUpload } from '../notice/objection-evidence.ts';
import { finishEvidenceUpload } from './finish-evidence.ts';
import { finishUpload } from './finish-upload.ts';
import type { FileStorage, UploadPiece, UploadSink } from '../../storage/file-storage.ts';
import { removeUploadBytes, runningHashes, UploadTooLongError, UploadWriter } from './upload-file.ts';
import { isUploadLocked, lockUpload, THIS_INSTANCE, WRITER_LEASE_MS, WRITER_RENEW_MS } from './upload-locks.ts';
import {
  claimUploadWriter, countUnfinishedUploads, countUploadPieces, deleteUpload, findUpload, insertUpload, recordUploadPiece, releaseUploadWriter, renewUploadWriter, saveUploadOffset, type UploadRow,
} from './uploads.repository.ts';

/** An unfinished upload is kept this long after it was started. */
export const UPLOAD_DAYS = 7;
/** How often the saved offset catches up with the bytes on disk while a request streams. */
const PROGRESS_SAVE_MS = 1000;
/**
 * The most pieces an upload is kept in (S3: each PATCH makes one, and one per 64 MiB of a long
 * body; local storage makes none). Finishing reads them one GET each, so a client sending 1-byte
 * PATCHes must not make millions. 10,000 leaves room for a 300 MB file in 5 MB chunks (60), a
 * 1 GB video in 1 MB chunks (1,024), or thousands of dropped connections; decision 0027.
 */
export const MAX_UPLOAD_PIECES = 10_000;

export interface UploadRequest {
  caseId: string;
  kind: string;
  fileName: string;
  length: number;
}

/**
 * Who sends an upload's bytes: a signed-in account, for a case of its unit, or whoever holds an
 * objection's upload token, for that objection's evidence (decision 0036).
 */
export type UploadCaller = Actor | { objectionToken: string };

const isEvidenceCaller = (caller: UploadCaller): caller is { objectionToken: string } => 'objectionToken' in caller;

export interface UploadState {
  offset: number;
  length: number;
  attachmentId: string | null;
}

const UNFINISHED_SLACK = 2;

/**
 * Starts a resumable upload for an editable case of the actor's unit, refusing before a byte is
 * sent what could never be kept: a bad file name, an unknown kind, a file over the kind's size
 * limit, a kind already at its count.
 */
export async function createUpload(db: Kysely<Database>, actor: Actor, input: UploadRequest, now: Date, storage: FileStorage): Promise<{ id: string }> {
  const name = checkFileName(input.fileName);
  if (!name.ok) throw new AppError('file_name_invalid', {}, { problem: name.problem });
  const { campaign } = await requireEditableCase(db, actor, input.caseId, now);
  const kind = campaign.definition.attachments.find((k) => k.key === input.kind);
  if (!kind) throw new AppError('invalid_request', { detail: `kind: no attachment kind "${input.kind}"` });
  if (input.length > kind.maxBytes) throw fileTooLarge(name.name, kind);
  const id = newId();
  await storage.uploads.create(id);
  const stamp = now.toISOString();
  await inTransaction(db, async (trx) => {
    await lockCase(trx, input.caseId);
    const finished = await countCaseAttachments(trx, input.caseId, kind.key);
    // Unfinished uploads hold disk space until they expire; a few beyond the kind's count cover
    // retries, more would let one account fill the disk with abandoned gigabytes.
    if (finished >= kind.maxCount || finished + (await countUnfinishedUploads(trx, input.caseId, kind.key, stamp)) >= kind.maxCount + UNFINISHED_SLACK) {
      throw tooManyFiles(kind);
    }
    await insertUpload(trx, {
      id, case_id: input.caseId, kind: kind.key, file_name: name.name, length: input.length, offset: 0,
      created_by: actor.userId, created_at: stamp, updated_at: stamp,
      expires_at: new Date(now.getTime() + UPLOAD_DAYS * 86_400_000).toISOString(), attachment_id: null,
    });
  }).catch(async (error: unknown) => {
    await removeUploadBytes(storage, id).catch(() => undefined);
    throw error;
  });
  return { id };
}

/**
 * The upload if it is live and the caller may send it: an account acting for its case, or the
 * holder of its objection's token while the notice runs; not_found otherwise.
 */
async function loadUpload(db: Kysely<Database>, caller: UploadCaller, id: string, now: Date): Promise<UploadRow> {
  const upload = await findUpload(db, id);
  if (!upload || (upload.expires_at <= now.toISOString() && !upload.attachment_id)) throw new AppError('not_found');
  await requireUploadOwner(db, caller, upload, now, false);
  return upload;
}

/** The caller may send this upload (and, with `editable`, its case still takes files). */
async function requireUploadOwner(db: Kysely<Database>, caller: UploadCaller, upload: UploadRow, now: Date, editable: boolean): Promise<void> {
  if (upload.objection_id !== null) {
    if (!isEvidenceCaller(caller)) throw new AppError('not_found');
    await requireEvidenceUpload(db, upload.objection_id, caller.objectionToken, now);
    return;
  }
  if (isEvidenceCaller(caller) || upload.case_id === null) throw new AppError('not_found');
  if (editable) await requireEditableCase(db, caller, upload.case_id, now);
  else await loadCaseForUnit(db, caller, upload.case_id);
}

/**
 * What was durably received: the saved offset, unless a local file is shorter (a crash before
 * the OS wrote it). The last byte counts only once the attachment exists: an upload whose bytes all
 * arrived but whose attachment a crash prevented asks for its last byte again, and that PATCH
 * finishes it (a client told the offset equals the length would stop with no attachment).
 */
async function confirmedOffset(upload: UploadRow, storage: FileStorage): Promise<number> {
  if (upload.attachment_id) return upload.length;
  const received = await storage.uploads.received(upload.id, upload.offset);
  if (received === undefined) throw new AppError('not_found');
  return lastByteHeld(upload, received);
}

/** Never the whole length before the attachment exists (see confirmedOffset). */
const lastByteHeld = (upload: UploadRow, offset: number) => Math.max(0, Math.min(offset, upload.length - 1));

/** How far an upload has come, for a client about to resume it. */
export async function getUploadState(db: Kysely<Database>, caller: UploadCaller, id: string, now: Date, storage: FileStorage): Promise<UploadState> {
  const upload = await loadUpload(db, caller, id, now);
  // While a request is still writing, a local file is ahead of the saved offset; report what is
  // on disk. The last byte still counts only once the attachment exists (see confirmedOffset).
  const offset = isUploadLocked(id) && !upload.attachment_id
    ? lastByteHeld(upload, await storage.uploads.arriving(id, upload.offset))
    : await confirmedOffset(upload, storage);
  return { offset, length: upload.length, attachmentId: upload.attachment_id };
}

const isDisconnect = (error: unknown) =>
  ['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'ECONNABORTED', 'ERR_STREAM_DESTROYED'].includes((error as NodeJS.ErrnoException)?.code ?? '') ||
  (error as Error)?.message === 'aborted';

/**
 * Appends one PATCH body at `offset` (which must be where the upload stands). Bytes count as
 * received once the storage holds them (a local file: once written; S3: once the piece is put
 * when the body ends); a connection dropped midway keeps everything that arrived.
 * When the last byte lands the file is checked and stored as an attachment (see finishUpload).
 */
export async function receiveUploadBytes(
  db: Kysely<Database>, caller: UploadCaller, id: string, offset: number, body: Readable, clock: Clock, storage: FileStorage,
): Promise<UploadState> {
  const upload = await loadUpload(db, caller, id, clock());
  if (upload.attachment_id) {
    if (offset !== upload.length) throw new AppError('upload_offset_mismatch', {}, { offset: upload.length });
    return { offset: upload.length, length: upload.length, attachmentId: upload.attachment_id };
  }
  await requireUploadOwner(db, caller, upload, clock(), true);
  const release = await lockUpload(id, () => body.destroy(new Error('aborted')));
  let claimed = false;
  let renewal: NodeJS.Timeout | undefined;
  const leaseUntil = () => new Date(clock().getTime() + WRITER_LEASE_MS).toISOString();
  try {
    // Another instance may still be writing this upload for a connection the client gave up on.
    if (!(await claimUploadWriter(db, id, THIS_INSTANCE, clock().toISOString(), leaseUntil()))) throw new AppError('upload_busy');
    claimed = true;
    // Held for as long as this request works on the upload, finishing included; when another
    // instance has taken it meanwhile (this one stalled past the lease), this request stops.
    renewal = setInterval(() => {
      renewUploadWriter(db, id, THIS_INSTANCE, leaseUntil()).then(
        (held) => held || body.destroy(new Error('aborted')),
        () => undefined,
      );
    }, WRITER_RENEW_MS);
    const current = await confirmedOffset((await findUpload(db, id)) ?? upload, storage);
    if (offset !== current) throw new AppError('upload_offset_mismatch', {}, { offset: current });
    // The last byte asked for again after finishing failed is always taken: an upload whose
    // bytes all arrived is never left unable to finish.
    if (current < upload.length - 1 && (await countUploadPieces(db, id)) >= MAX_UPLOAD_PIECES) throw tooManyPieces(upload.file_name, MAX_UPLOAD_PIECES);
    const sink = await storage.uploads.open(id, current);
    const received = await keepBody(db, storage, upload, current, body, sink, clock, leaseUntil).finally(() => sink.close().catch(() => undefined));
    if (received.position < upload.length) return { offset: received.position, length: upload.length, attachmentId: null };
    const whole = { ...upload, offset: upload.length };
    const attachmentId = isEvidenceCaller(caller)
      ? await finishEvidenceUpload(db, whole, received.hash, clock, storage)
      : await finishUpload(db, caller, whole, received.hash, clock, storage);
    return { offset: upload.length, length: upload.length, attachmentId };
  } finally {
    clearInterval(renewal);
    if (claimed) await releaseUploadWriter(db, id, THIS_INSTANCE).catch(() => undefined);
    release();
  }
}

/**
 * Writes one PATCH body into `sink`, from where the upload stands, and keeps what arrived: how
 * far the upload has come once that is saved, and the running hash of its bytes if known.
 */
async function keepBody(
  db: Kysely<Database>, storage: FileStorage, upload: UploadRow, offset: number, body: Readable, sink: UploadSink, clock: Clock, leaseUntil: () => string,
): Promise<{ position: number; hash: Hash | undefined }> {
  const { id, length } = upload;
  let saving: Promise<void> = Promise.resolve();
  let savedAt = Date.now();
  const save = (position: number) => {
    saving = saving.then(() => saveUploadOffset(db, id, THIS_INSTANCE, position, clock().toISOString())).then(() => undefined, () => undefined);
  };
  const writer = new UploadWriter(sink, offset, length, runningHashes.take(id, offset), async (position) => {
    // With S3, a long body is kept a piece at a time, so a crash loses at most one piece.
    if (!sink.durableOnWrite) {
      if (position - sink.start < sink.pieceBytes || position >= length) return;
      const piece = await sink.keep(position);
      if (!(await keepOffset(db, storage, id, position, piece, clock().toISOString()))) throw new AppError('upload_busy');
      await sink.restart(position);
      return;
    }
    if (Date.now() - savedAt < PROGRESS_SAVE_MS) return;
    savedAt = Date.now();
    save(position);
  });
  let failure: unknown;
  await pipeline(body, writer).catch((error: unknown) => {
    failure = error;
  });
  await writer.settled();
  await saving;
  // Bytes count once kept and saved, by the instance holding the lease: one that lost it while
  // it stalled saves nothing, and a piece it put is never recorded, so never read.
  if (!sink.durableOnWrite && !(await renewUploadWriter(db, id, THIS_INSTANCE, leaseUntil()))) throw new AppError('upload_busy');
  const piece = await sink.keep(writer.position);
  if (!(await keepOffset(db, storage, id, writer.position, piece, clock().toISOString()))) throw new AppError('upload_busy');
  const hash = writer.runningHash;
  if (failure instanceof UploadTooLongError) {
    // An oversized body, as tus servers answer it: 413 with what this upload still accepts.
    throw new AppError('body_too_large', { max: formatBytes(length - offset) });
  }
  if (failure && !isDisconnect(failure)) throw failure;
  if (writer.position < length && hash) runningHashes.keep(id, hash, writer.position);
  return { position: writer.position, hash };
}

/**
 * Saves the offset the bytes reached and records the piece holding them (S3), only while this
 * instance holds the upload's lease; whether it did. A piece it replaced, or could not record,
 * is removed.
 */
async function keepOffset(db: Kysely<Database>, storage: FileStorage, id: string, offset: number, piece: UploadPiece | undefined, now: string): Promise<boolean> {
  if (!piece) return saveUploadOffset(db, id, THIS_INSTANCE, offset, now);
  const kept = await inTransaction(db, async (trx) => {
    if (!(await saveUploadOffset(trx, id, THIS_INSTANCE, offset, now))) return { saved: false, unused: piece.key };
    return { saved: true, unused: await recordUploadPiece(trx, id, piece) };
  });
  if (kept.unused) await storage.uploads.discard(kept.unused).catch(() => undefined);
  return kept.saved;
}

/** Cancels an unfinished upload (tus termination) and removes its bytes. */
export async function terminateUpload(db: Kysely<Database>, caller: UploadCaller, id: string, now: Date, storage: FileStorage): Promise<void> {
  const upload = await loadUpload(db, caller, id, now);
  if (upload.attachment_id) throw new AppError('not_found');
  const release = await lockUpload(id, () => undefined);
  try {
    // Not while another instance is still writing it: the client is told to try again.
    if (!(await claimUploadWriter(db, id, THIS_INSTANCE, now.toISOString(), new Date(now.getTime() + WRITER_LEASE_MS).toISOString()))) throw new AppError('upload_busy');
    await inTransaction(db, (trx) => deleteUpload(trx, id));
    await removeUploadBytes(storage, id);
  } finally {
    release();
  }
}
