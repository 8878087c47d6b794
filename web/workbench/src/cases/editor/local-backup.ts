import type { DraftFields } from './draft-fields.ts';

// A copy of unsaved changes in this browser, so a dropped connection, a crashed tab or a closed
// laptop loses nothing. One entry per case, keyed by the case and the version it was based on.

const PREFIX = 'zhengji:case-draft:';

export interface DraftBackup {
  caseId: string;
  /** The server version the changes were made on. */
  baseVersion: number;
  /** When the last change was typed (this device's clock, ISO). */
  changedAt: string;
  fields: DraftFields;
}

function keysOf(caseId: string): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(`${PREFIX}${caseId}:`)) keys.push(key);
    }
  } catch {
    // Storage disabled (some private modes): there is simply no backup.
  }
  return keys;
}

export function writeBackup(backup: DraftBackup): void {
  const key = `${PREFIX}${backup.caseId}:${backup.baseVersion}`;
  try {
    for (const old of keysOf(backup.caseId)) if (old !== key) localStorage.removeItem(old);
    localStorage.setItem(key, JSON.stringify(backup));
  } catch {
    // Quota or disabled storage: the server copy and the autosave still stand.
  }
}

/** The newest backup of the case, if any. */
export function readBackup(caseId: string): DraftBackup | null {
  let best: DraftBackup | null = null;
  for (const key of keysOf(caseId)) {
    try {
      const entry = JSON.parse(localStorage.getItem(key) ?? 'null') as DraftBackup | null;
      if (entry?.fields?.content && (!best || entry.changedAt > best.changedAt)) best = entry;
    } catch {
      localStorage.removeItem(key);
    }
  }
  return best;
}

export function clearBackup(caseId: string): void {
  try {
    for (const key of keysOf(caseId)) localStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}
