import { Alert, Button, Progress, Typography } from 'antd';
import * as tus from 'tus-js-client';
import { EVIDENCE_LIMITS } from '../../../../core/api/notice.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { formatBytes } from '../../../../core/text/format-bytes.ts';
import { csrfToken, tusErrorMessage } from '../cases/attachments-api.ts';
import { fingerprintOf, forgetIfRefused, isNetworkTrouble, resumeOrStart } from '../cases/tus-resume.ts';
import { useI18n } from '../i18n.tsx';

// Evidence files of an objection (decision 0036): chosen with the form and checked against the
// limits the server holds, then sent one after another with tus-js-client once the objection is
// filed, with its upload token; a file that fails leaves the objection filed and is named.
// Each upload's URL is remembered under the objection and the file: a visitor whose page was
// reloaded mid-upload files the same objection again (the server answers with the same one and a
// fresh token) and the same file continues where it stopped.

export interface EvidenceStatus {
  name: string;
  sent: number;
  total: number;
  phase: 'waiting' | 'uploading' | 'done' | 'failed';
  error: string | null;
}

type T = ReturnType<typeof useI18n>['t'];

/** Why these files cannot be attached, in the reader's language, or null. */
export function evidenceProblem(files: File[], t: T): string | null {
  if (files.length > EVIDENCE_LIMITS.maxCount) return t('notice.evidence.tooMany', { count: EVIDENCE_LIMITS.maxCount });
  for (const file of files) {
    const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
    if (!(EVIDENCE_LIMITS.extensions as readonly string[]).includes(extension)) return t('notice.evidence.wrongType', { name: file.name });
    if (file.size > EVIDENCE_LIMITS.maxBytes) return t('notice.evidence.tooLarge', { name: file.name, max: formatBytes(EVIDENCE_LIMITS.maxBytes) });
  }
  return null;
}

/** The optional file picker of the objection form. */
export function EvidencePicker({ files, onChange, disabled }: { files: File[]; onChange: (files: File[]) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const problem = evidenceProblem(files, t);
  return (
    <div className="wb-notice-evidence">
      <label className="wb-notice-label" htmlFor="wb-objection-files">{t('notice.evidence.label')}</label>
      <Typography.Paragraph type="secondary" className="wb-notice-hint">
        {t('notice.evidence.rules', { count: EVIDENCE_LIMITS.maxCount, max: formatBytes(EVIDENCE_LIMITS.maxBytes) })}
      </Typography.Paragraph>
      <input id="wb-objection-files" type="file" multiple disabled={disabled} accept={EVIDENCE_LIMITS.extensions.map((e) => `.${e}`).join(',')}
        onChange={(e) => { onChange([...files, ...(e.target.files ?? [])]); e.target.value = ''; }} />
      {files.length > 0 && (
        <ul className="wb-notice-files">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`}>
              {file.name}（{formatBytes(file.size)}）
              <Button type="link" size="small" disabled={disabled} aria-label={t('notice.evidence.remove', { name: file.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}>×</Button>
            </li>
          ))}
        </ul>
      )}
      {problem && <Alert className="wb-alert" type="error" showIcon title={problem} role="alert" />}
    </div>
  );
}

/** Sends one file for the objection; resolves with an error message, or null once it is kept. */
function sendFile(file: File, evidence: { objectionId: string; token: string }, locale: Locale, csrf: string, onProgress: (sent: number) => void): Promise<string | null> {
  return new Promise((resolve) => {
    const upload: tus.Upload = new tus.Upload(file, {
      endpoint: '/api/v1/uploads',
      metadata: { objectionId: evidence.objectionId, filename: file.name },
      headers: { 'x-csrf-token': csrf, 'accept-language': locale, 'zhengji-upload-token': evidence.token },
      fingerprint: async () => fingerprintOf(`objection-${evidence.objectionId}`, 'evidence', file),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      // About two minutes of network trouble; then the visitor may send the failed files again.
      retryDelays: [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000],
      onShouldRetry: (error) => isNetworkTrouble(error, [409, 423]),
      onProgress: (sent) => onProgress(sent),
      onSuccess: () => resolve(null),
      onError: (error) => {
        forgetIfRefused(upload, error);
        resolve(tusErrorMessage(error as Error & { originalResponse?: { getBody(): string } | null }));
      },
    });
    void resumeOrStart(upload);
  });
}

/** Sends the files one after another, reporting each one's progress. */
export async function sendEvidence(files: File[], evidence: { objectionId: string; token: string }, locale: Locale, report: (statuses: EvidenceStatus[]) => void): Promise<void> {
  const statuses: EvidenceStatus[] = files.map((f) => ({ name: f.name, sent: 0, total: f.size, phase: 'waiting', error: null }));
  const update = (i: number, change: Partial<EvidenceStatus>) => {
    statuses[i] = { ...statuses[i]!, ...change };
    report([...statuses]);
  };
  report([...statuses]);
  const csrf = await csrfToken();
  for (const [i, file] of files.entries()) {
    update(i, { phase: 'uploading' });
    const error = await sendFile(file, evidence, locale, csrf, (sent) => update(i, { sent }));
    update(i, error ? { phase: 'failed', error } : { phase: 'done', sent: file.size });
  }
}

/** Each file's progress after filing, and which failed. */
export function EvidenceProgress({ statuses }: { statuses: EvidenceStatus[] }) {
  const { t } = useI18n();
  const failed = statuses.filter((s) => s.phase === 'failed');
  const finished = statuses.every((s) => s.phase === 'done' || s.phase === 'failed');
  return (
    <div className="wb-notice-evidence-progress" aria-live="polite">
      {!finished && <Typography.Paragraph>{t('notice.evidence.uploading')}</Typography.Paragraph>}
      <ul className="wb-notice-files">
        {statuses.map((s, i) => (
          <li key={`${s.name}-${i}`}>
            <span>{s.name}</span>
            {s.phase === 'failed' ? <Typography.Text type="danger"> {t('notice.evidence.failed', { reason: s.error ?? '' })}</Typography.Text>
              : s.phase === 'done' ? <Typography.Text type="success"> {t('notice.evidence.done')}</Typography.Text>
                : <Progress percent={s.total ? Math.floor((s.sent / s.total) * 100) : 0} size="small" status="active" />}
          </li>
        ))}
      </ul>
      {finished && failed.length > 0 && <Alert className="wb-alert" type="warning" showIcon role="alert" title={t('notice.evidence.someFailed', { names: failed.map((s) => `“${s.name}”`).join('、') })} />}
      {finished && failed.length === 0 && <Typography.Paragraph type="success">{t('notice.evidence.allDone')}</Typography.Paragraph>}
    </div>
  );
}
