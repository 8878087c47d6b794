import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Tag, Typography } from 'antd';
import { useRef } from 'react';
import type { Campaign } from '../../../../core/campaign/campaign.schema.ts';
import { typeLabelKey } from '../../../../core/files/type-labels.ts';
import { formatBytes } from '../../../../core/text/format-bytes.ts';
import { useI18n } from '../i18n.tsx';
import type { Attachment } from './attachments-api.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { precheckFile } from './precheck-file.ts';
import type { UnfinishedUpload } from './unfinished-uploads.ts';
import { useTusUpload } from './use-tus-upload.ts';

export type AttachmentKind = Campaign['attachments'][number];

interface Props {
  caseId: string;
  kind: AttachmentKind;
  items: Attachment[];
  unfinished: UnfinishedUpload[];
  editable: boolean;
  onChanged: () => void;
  onRemove: (a: Attachment) => Promise<void>;
  onDiscard: (u: UnfinishedUpload) => Promise<void>;
}

/** One kind of attachment: its rules, its files, and an upload with a progress bar that resumes. */
export function AttachmentKindCard({ caseId, kind, items, unfinished, editable, onChanged, onRemove, onDiscard }: Props) {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const upload = useTusUpload({ caseId, kind: kind.key, locale, onDone: onChanged });
  const { status } = upload;
  const busy = status.phase === 'uploading' || status.phase === 'retrying' || status.phase === 'paused';
  const full = items.length >= kind.maxCount;
  const types = kind.accept.map((type) => {
    const key = typeLabelKey(type);
    return key ? t(key) : type;
  }).join(t('punct.list'));
  const percent = status.total > 0 ? Math.floor((status.sent / status.total) * 100) : 0;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const problem = await precheckFile(file, kind, t, locale);
    if (problem) upload.refuse(file.name, problem);
    else void upload.start(file);
  };

  return (
    <Card
      size="small"
      className="wb-card wb-attachment-kind"
      title={<Space wrap>{kind.name[locale]}<Tag color={kind.required ? 'red' : 'default'}>{t(kind.required ? 'wb.files.required' : 'wb.files.optional')}</Tag></Space>}
      extra={<Typography.Text type="secondary">{t('wb.files.count', { count: items.length, max: kind.maxCount })}</Typography.Text>}
    >
      <Typography.Paragraph type="secondary" className="wb-attachment-rules">
        {kind.description[locale]}
        {editable && <><br />{t('wb.files.rules', { types, max: formatBytes(kind.maxBytes), count: kind.maxCount })}</>}
      </Typography.Paragraph>
      <AttachmentList items={items} editable={editable} onRemove={onRemove} />
      {/* While this card uploads, the upload it remembers is the one running, not one to offer back. */}
      {editable && !busy && unfinished.map((u) => (
        <Alert key={u.urlStorageKey} type="info" showIcon className="wb-attachment-notice"
          title={t('wb.files.unfinished', { name: u.fileName, percent: u.percent })}
          action={<Button size="small" onClick={() => onDiscard(u)}>{t('wb.files.forget')}</Button>} />
      ))}
      {busy && (
        <div className="wb-attachment-progress" aria-live="polite">
          <Typography.Text>{t('wb.files.uploading', { name: status.fileName })}</Typography.Text>
          <Progress percent={percent} status={status.phase === 'retrying' ? 'exception' : 'active'} />
          {status.phase === 'retrying' && <Typography.Text type="warning">{t('wb.files.retrying')}</Typography.Text>}
          <Space>
            {status.phase === 'paused'
              ? <Button size="small" onClick={upload.resume}>{t('wb.files.resume')}</Button>
              : <Button size="small" onClick={upload.pause}>{t('wb.files.pause')}</Button>}
            <Button size="small" onClick={upload.cancel}>{t('wb.files.cancel')}</Button>
          </Space>
        </div>
      )}
      {status.phase === 'failed' && status.error && (
        <Alert type="error" showIcon closable className="wb-attachment-notice" title={t('wb.files.failed', { name: status.fileName, reason: status.error })} onClose={upload.reset} />
      )}
      {status.phase === 'done' && (
        <Alert type="success" showIcon closable className="wb-attachment-notice" title={t('wb.files.done', { name: status.fileName })} onClose={upload.reset} />
      )}
      {editable && (
        <>
          <input ref={input} type="file" hidden accept={kind.accept.join(',')}
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }} />
          <Button icon={<UploadOutlined />} disabled={busy || full} onClick={() => input.current?.click()}>
            {full ? t('wb.files.full') : t('wb.files.upload')}
          </Button>
        </>
      )}
    </Card>
  );
}
