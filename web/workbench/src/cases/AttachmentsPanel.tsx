import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Skeleton, Space, Typography } from 'antd';
import { useCallback } from 'react';
import './attachments.css';
import type { Campaign } from '../../../../core/campaign/campaign.schema.ts';
import { useI18n } from '../i18n.tsx';
import { attachmentsApi, attachmentsKey, csrfToken, type Attachment } from './attachments-api.ts';
import { AttachmentKindCard } from './AttachmentKindCard.tsx';
import { discardUnfinishedUpload, findUnfinishedUploads, type UnfinishedUpload } from './unfinished-uploads.ts';

export interface AttachmentsPanelProps {
  caseId: string;
  /** The case's campaign; its attachment kinds and their rules. */
  campaign: Pick<Campaign, 'attachments'>;
  editable: boolean;
}

/**
 * A case's attachments, one block per kind of the campaign with its rules (types, size, count,
 * required), the files uploaded so far and a resumable upload. For the case editor.
 */
export function AttachmentsPanel({ caseId, campaign, editable }: AttachmentsPanelProps) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: attachmentsKey(caseId),
    queryFn: () => attachmentsApi.list(caseId),
  });
  const unfinished = useQuery({
    queryKey: ['case', caseId, 'unfinished-uploads'],
    queryFn: () => findUnfinishedUploads(caseId),
    enabled: editable,
  });
  const refresh = useCallback(() => {
    void client.invalidateQueries({ queryKey: attachmentsKey(caseId) });
    void client.invalidateQueries({ queryKey: ['case', caseId, 'unfinished-uploads'] });
    // The case's counts and preflight depend on its attachments.
    void client.invalidateQueries({ queryKey: ['case', caseId] });
  }, [client, caseId]);

  const remove = async (a: Attachment) => {
    try {
      await attachmentsApi.remove(a.id);
      message.success(t('wb.files.removed'));
    } catch (error) {
      message.error((error as Error).message);
    }
    refresh();
  };
  const discard = async (u: UnfinishedUpload) => {
    await discardUnfinishedUpload(u, await csrfToken());
    refresh();
  };

  if (!list.data) return <Skeleton active />;
  return (
    <section className="wb-attachments" aria-label={t('wb.files.title')}>
      <Typography.Title level={4}>{t('wb.files.title')}</Typography.Title>
      {!editable && <Alert type="info" showIcon title={t('wb.files.readOnly')} className="wb-attachment-notice" />}
      <Space orientation="vertical" size="middle" className="wb-attachments-kinds">
        {campaign.attachments.map((kind) => (
          <AttachmentKindCard
            key={kind.key}
            caseId={caseId}
            kind={kind}
            items={list.data.filter((a) => a.kind === kind.key)}
            unfinished={(unfinished.data ?? []).filter((u) => u.kind === kind.key)}
            editable={editable}
            onChanged={refresh}
            onRemove={remove}
            onDiscard={discard}
          />
        ))}
      </Space>
    </section>
  );
}
