import { ApiError } from '../../api.ts';
import type { CaseDetail, DraftInput, VersionConflictDetails } from '../cases-api.ts';
import { draftInput, fieldsOf, fingerprint, type DraftFields } from './draft-fields.ts';
import type { DraftBackup } from './local-backup.ts';

// The autosave engine, apart from React so its rules can be read (and tested) in one place:
// - a save starts a few seconds after the last change, or at once on flush();
// - never two saves in flight: changes made during a save are saved right after it;
// - every save names the version it was based on; a 409 stops saving and asks the person
//   (unless the other save changed nothing of the text, e.g. a submission from another tab);
// - a failed save (offline, server down) is retried with backoff, and at once when the
//   browser comes back online; meanwhile the changes sit in the local backup.

export type SaveStatus =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'failed'; offline: boolean; retrying: boolean; message: string }
  | { kind: 'conflict' };

export interface SaverDeps {
  save: (input: DraftInput) => Promise<CaseDetail>;
  onStatus: (status: SaveStatus) => void;
  onSaved: (detail: CaseDetail) => void;
  onConflict: (current: CaseDetail) => void;
  backup: { write: (backup: DraftBackup) => void; clear: () => void };
  /** A save that must outlive the page (fetch with keepalive). */
  sendOnLeave?: (input: DraftInput) => void;
  isOnline?: () => boolean;
  now?: () => Date;
  delayMs?: number;
}

export const AUTOSAVE_DELAY_MS = 2500;
const RETRY_MS = [2000, 5000, 10_000, 30_000, 60_000];

export function isVersionConflict(error: unknown): error is ApiError & { details: VersionConflictDetails } {
  return error instanceof ApiError && error.code === 'version_conflict' && Boolean((error.details as VersionConflictDetails | undefined)?.current);
}

/** Worth trying again later: no answer at all, the server failing, a rate limit. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 429 || error.status === 408;
}

export class DraftSaver {
  private fields: DraftFields;
  private savedPrint: string;
  private version: number;
  private detail: CaseDetail;
  private conflicted = false;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private lastError: unknown = null;
  private status: SaveStatus;

  constructor(private readonly caseId: string, initial: CaseDetail, private readonly deps: SaverDeps) {
    this.detail = initial;
    this.version = initial.version;
    this.fields = fieldsOf(initial);
    this.savedPrint = fingerprint(this.fields);
    this.status = { kind: 'saved', at: null };
  }

  get current(): DraftFields {
    return this.fields;
  }

  get latestDetail(): CaseDetail {
    return this.detail;
  }

  get baseVersion(): number {
    return this.version;
  }

  isDirty(): boolean {
    return fingerprint(this.fields) !== this.savedPrint;
  }

  /** The person changed something: keep it locally at once, save it soon. */
  change(fields: DraftFields): void {
    this.fields = fields;
    if (!this.isDirty()) {
      this.deps.backup.clear();
      if (this.status.kind === 'dirty') this.setStatus({ kind: 'saved', at: null });
      return;
    }
    this.writeBackup();
    if (this.conflicted) return;
    const retrying = this.status.kind === 'failed' && this.status.retrying;
    if (this.status.kind !== 'saving' && !retrying) this.setStatus({ kind: 'dirty' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), this.deps.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Saves now (after the save in flight, if any); resolves when nothing is left to save or saving stopped. */
  saveNow(): Promise<void> {
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.loop ??= this.drain().finally(() => {
      this.loop = null;
    });
    return this.loop;
  }

  /** Everything saved, for a submit: the saved detail, or the reason it could not be saved. */
  async flush(): Promise<CaseDetail> {
    await this.saveNow();
    // A change typed while the last save was answered is picked up by one more round.
    if (this.isDirty() && !this.conflicted && this.lastError === null) await this.saveNow();
    if (this.conflicted) throw new ApiError(409, 'version_conflict', '', { current: this.detail }, undefined);
    if (this.isDirty()) throw this.lastError ?? new Error('unsaved');
    return this.detail;
  }

  /** The page is going away: send what is unsaved with a request that survives it. */
  leave(): void {
    if (this.conflicted || !this.isDirty()) return;
    this.writeBackup();
    this.deps.sendOnLeave?.(draftInput(this.version, this.fields, this.detail.superiorEmail));
  }

  /** The browser is back online: try the failed save now rather than at the next retry. */
  online(): void {
    if (this.status.kind === 'failed' && this.isDirty()) void this.saveNow();
  }

  /** "Keep mine": save my fields on top of the version that beat me. */
  keepMine(current: CaseDetail): Promise<void> {
    this.conflicted = false;
    this.version = current.version;
    this.detail = current;
    this.savedPrint = fingerprint(fieldsOf(current));
    this.writeBackup();
    return this.saveNow();
  }

  /** "Take theirs": drop my unsaved fields for the server's copy. */
  takeTheirs(current: CaseDetail): DraftFields {
    this.conflicted = false;
    this.version = current.version;
    this.detail = current;
    this.fields = fieldsOf(current);
    this.savedPrint = fingerprint(this.fields);
    this.deps.backup.clear();
    this.setStatus({ kind: 'saved', at: null });
    return this.fields;
  }

  /** A move that changed the version but not the text (a submission): carry on from it. */
  adopt(detail: CaseDetail): void {
    if (detail.version > this.version && fingerprint(fieldsOf(detail)) === this.savedPrint) {
      this.version = detail.version;
      this.detail = detail;
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
  }

  private async drain(): Promise<void> {
    while (!this.stopped && !this.conflicted && this.isDirty()) {
      const fields = this.fields;
      const print = fingerprint(fields);
      this.setStatus({ kind: 'saving' });
      try {
        const saved = await this.deps.save(draftInput(this.version, fields, this.detail.superiorEmail));
        this.version = saved.version;
        this.detail = saved;
        this.savedPrint = print;
        this.attempt = 0;
        this.lastError = null;
        if (this.isDirty()) this.writeBackup();
        else this.deps.backup.clear();
        this.deps.onSaved(saved);
      } catch (error) {
        this.lastError = error;
        if (isVersionConflict(error)) {
          const current = error.details.current;
          const theirs = fingerprint(fieldsOf(current));
          // The other save changed nothing of the text (a submission, or this page's own save sent
          // with keepalive while it was hidden): carry on from its version.
          if (current.version > this.version && (theirs === this.savedPrint || theirs === print)) {
            this.version = current.version;
            this.detail = current;
            if (theirs === print) {
              this.savedPrint = print;
              this.deps.onSaved(current);
            }
            continue;
          }
          this.conflicted = true;
          this.detail = current;
          this.setStatus({ kind: 'conflict' });
          this.deps.onConflict(current);
          return;
        }
        const offline = this.deps.isOnline ? !this.deps.isOnline() : false;
        const retrying = offline || isTransient(error);
        this.setStatus({ kind: 'failed', offline, retrying, message: error instanceof Error ? error.message : String(error) });
        if (retrying && !offline) {
          const wait = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)]!;
          this.attempt += 1;
          this.retryTimer = setTimeout(() => void this.saveNow(), wait);
        }
        return;
      }
    }
    if (!this.stopped && !this.conflicted && !this.isDirty()) this.setStatus({ kind: 'saved', at: this.now() });
  }

  private writeBackup(): void {
    this.deps.backup.write({ caseId: this.caseId, baseVersion: this.version, changedAt: this.now().toISOString(), fields: this.fields });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.deps.onStatus(status);
  }
}
