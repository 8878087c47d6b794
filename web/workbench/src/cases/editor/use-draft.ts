import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { caseKeys, casesApi, type CaseDetail, type DraftInput } from '../cases-api.ts';
import { fieldsOf, fingerprint, type DraftFields } from './draft-fields.ts';
import { DraftSaver, type SaveStatus } from './draft-saver.ts';
import { clearBackup, readBackup, writeBackup, type DraftBackup } from './local-backup.ts';

// The editor's working copy in React: the fields as typed, the save status, a conflict to
// resolve, a local copy to offer back. Saving itself is DraftSaver's.

/** A save that outlives the page: keepalive fetch, with a CSRF token fetched beforehand. */
function keepaliveSender(caseId: string, token: { current: string | null }, locale: string) {
  return (input: DraftInput) => {
    if (!token.current) return;
    void fetch(`/api/v1/cases/${encodeURIComponent(caseId)}/draft`, {
      method: 'PUT',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': locale, 'x-csrf-token': token.current },
      body: JSON.stringify(input),
    }).catch(() => undefined);
  };
}

export interface Draft {
  fields: DraftFields;
  /** Replace some fields (a keystroke, a pasted document). */
  update: (patch: (fields: DraftFields) => DraftFields) => void;
  status: SaveStatus;
  /** The latest copy the server answered with (version, recommendation, status…). */
  detail: CaseDetail;
  /** Bumped whenever the fields are replaced from outside the editors, which then start over. */
  revision: number;
  conflict: CaseDetail | null;
  keepMine: () => void;
  takeTheirs: () => void;
  /** Unsaved changes this browser kept from an earlier visit, differing from the server's copy. */
  offer: DraftBackup | null;
  restore: () => void;
  discard: () => void;
  flush: () => Promise<CaseDetail>;
  /** Take the server's latest copy for what the editor does not own (after a submit, a request). */
  refresh: () => Promise<void>;
  sync: (latest: CaseDetail) => void;
  /** Replace fields from outside the editors (a Word import) and save. */
  replace: (fields: DraftFields) => void;
}

export function useDraft(initial: CaseDetail): Draft {
  const caseId = initial.id;
  const client = useQueryClient();
  const { locale } = useI18n();
  const [fields, setFields] = useState(() => fieldsOf(initial));
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const [detail, setDetail] = useState(initial);
  const [conflict, setConflict] = useState<CaseDetail | null>(null);
  const [revision, setRevision] = useState(0);
  const [offer, setOffer] = useState<DraftBackup | null>(() => {
    const backup = readBackup(caseId);
    return backup && fingerprint(backup.fields) !== fingerprint(fieldsOf(initial)) ? backup : null;
  });
  const token = useRef<string | null>(null);
  const saverRef = useRef<DraftSaver | null>(null);
  const onSaved = useCallback((saved: CaseDetail) => {
    setDetail(saved);
    client.setQueryData(caseKeys.detail(caseId), saved);
  }, [client, caseId]);
  saverRef.current ??= new DraftSaver(caseId, initial, {
    save: (input) => casesApi.saveDraft(caseId, input),
    onStatus: setStatus,
    onSaved,
    onConflict: setConflict,
    backup: { write: writeBackup, clear: () => clearBackup(caseId) },
    sendOnLeave: keepaliveSender(caseId, token, locale),
    isOnline: () => navigator.onLine,
  });
  const saver = saverRef.current;

  useEffect(() => {
    // A token for the keepalive save on leaving (the same cookie secret, so api.ts's stays valid).
    fetch('/api/v1/auth/csrf', { credentials: 'same-origin' })
      .then((r) => r.json() as Promise<{ token: string }>)
      .then((j) => { token.current = j.token; })
      .catch(() => undefined);
    const onOnline = () => saver.online();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.saveNow();
    };
    const onPageHide = () => saver.leave();
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the page inside the app: save what is left (the saver outlives the component).
      void saver.saveNow();
    };
  }, [saver]);

  const update = useCallback((patch: (f: DraftFields) => DraftFields) => {
    const next = patch(saver.current);
    saver.change(next);
    setFields(next);
  }, [saver]);

  const replace = useCallback((next: DraftFields) => {
    saver.change(next);
    setFields(next);
    setRevision((r) => r + 1);
    void saver.saveNow();
  }, [saver]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    setConflict(null);
    void saver.keepMine(conflict);
  }, [saver, conflict]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    setConflict(null);
    setFields(saver.takeTheirs(conflict));
    setDetail(conflict);
    client.setQueryData(caseKeys.detail(caseId), conflict);
    setRevision((r) => r + 1);
  }, [saver, conflict, client, caseId]);

  const restore = useCallback(() => {
    if (!offer) return;
    setOffer(null);
    replace(offer.fields);
  }, [offer, replace]);

  const discard = useCallback(() => {
    setOffer(null);
    if (!saver.isDirty()) clearBackup(caseId);
  }, [saver, caseId]);

  /** A newer copy from elsewhere on the page (a submit, a withdrawal): its status, not its text. */
  const sync = useCallback((latest: CaseDetail) => {
    saver.adopt(latest);
    setDetail((d) => (latest === d ? d : { ...latest, content: d.content }));
  }, [saver]);

  const refresh = useCallback(async () => {
    const latest = await casesApi.getCase(caseId);
    client.setQueryData(caseKeys.detail(caseId), latest);
    sync(latest);
  }, [client, caseId, sync]);

  return {
    fields, update, status, detail, revision, conflict, keepMine, takeTheirs, offer, restore, discard,
    flush: () => saver.flush(), refresh, sync, replace,
  };
}
