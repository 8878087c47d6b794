import { useCallback, useEffect, useRef, useState } from 'react';
import * as tus from 'tus-js-client';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { csrfToken, tusErrorMessage } from './attachments-api.ts';
import { fingerprintOf, forgetIfRefused, isNetworkTrouble, resumeOrStart } from './tus-resume.ts';

// One resumable upload with tus-js-client. Its URL is remembered in localStorage under a
// fingerprint of the case, the kind and the file, so after a reload choosing the same file
// again continues where it stopped; a dropped connection is retried from the server's offset.

export type UploadPhase = 'idle' | 'uploading' | 'retrying' | 'paused' | 'done' | 'failed';

export interface UploadStatus {
  phase: UploadPhase;
  fileName: string;
  sent: number;
  total: number;
  /** Where a resumed upload started, as a share of the file (0–100), else null. */
  resumedAt: number | null;
  error: string | null;
}

// Network trouble is retried for about ten minutes; a refusal (4xx other than 409/423) is final.
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000, 60_000, 120_000, 120_000, 180_000];

const IDLE: UploadStatus = { phase: 'idle', fileName: '', sent: 0, total: 0, resumedAt: null, error: null };

export function useTusUpload(options: { caseId: string; kind: string; locale: Locale; onDone: () => void }) {
  const { caseId, kind, locale, onDone } = options;
  const [status, setStatus] = useState<UploadStatus>(IDLE);
  const current = useRef<tus.Upload | null>(null);

  // Coming back online restarts a paused-by-network upload at once instead of waiting for its next retry.
  useEffect(() => {
    const online = () => {
      // abort() first: it clears the retry timer tus-js-client still holds, so one loop resumes, not two.
      const upload = current.current;
      if (upload && status.phase === 'retrying') void upload.abort().then(() => upload.start());
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [status.phase]);

  useEffect(() => () => void current.current?.abort(), []);

  const start = useCallback(async (file: File) => {
    const token = await csrfToken();
    const upload = new tus.Upload(file, {
      endpoint: '/api/v1/uploads',
      metadata: { caseId, kind, filename: file.name },
      headers: { 'x-csrf-token': token, 'accept-language': locale },
      fingerprint: async () => fingerprintOf(caseId, kind, file),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      retryDelays: RETRY_DELAYS,
      onShouldRetry: (error) => {
        const retry = isNetworkTrouble(error, [409, 423]);
        if (retry) setStatus((s) => ({ ...s, phase: 'retrying' }));
        return retry;
      },
      onProgress: (sent, total) => setStatus((s) => ({ ...s, phase: 'uploading', sent, total })),
      onSuccess: () => {
        current.current = null;
        setStatus((s) => ({ ...s, phase: 'done', sent: s.total }));
        onDone();
      },
      onError: (error) => {
        current.current = null;
        forgetIfRefused(upload, error);
        setStatus((s) => ({ ...s, phase: 'failed', error: tusErrorMessage(error as Error & { originalResponse?: { getBody(): string } | null }) }));
      },
    });
    current.current = upload;
    setStatus({ phase: 'uploading', fileName: file.name, sent: 0, total: file.size, resumedAt: null, error: null });
    // A continuation shows as one; the real offset comes with the first progress event.
    if (await resumeOrStart(upload)) setStatus((s) => (current.current === upload ? { ...s, resumedAt: s.resumedAt ?? 0 } : s));
  }, [caseId, kind, locale, onDone]);

  const pause = useCallback(() => {
    void current.current?.abort();
    setStatus((s) => ({ ...s, phase: 'paused' }));
  }, []);

  const resume = useCallback(() => {
    current.current?.start();
    setStatus((s) => ({ ...s, phase: 'uploading' }));
  }, []);

  const cancel = useCallback(() => {
    const upload = current.current;
    current.current = null;
    setStatus(IDLE);
    // Terminating removes the bytes on the server and the remembered URL here.
    void upload?.abort(true).catch(() => undefined);
  }, []);

  const reset = useCallback(() => setStatus(IDLE), []);

  /** Shows a refusal found before uploading (too big, wrong type) as the server would word it. */
  const refuse = useCallback((fileName: string, error: string) => setStatus({ ...IDLE, phase: 'failed', fileName, error }), []);

  return { status, start, pause, resume, cancel, reset, refuse };
}
