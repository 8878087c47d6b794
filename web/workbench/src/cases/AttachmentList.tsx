import { DeleteOutlined, DownloadOutlined, FileOutlined, FilePdfOutlined, FileWordOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Image, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatBytes } from '../../../../core/text/format-bytes.ts';
import { useI18n } from '../i18n.tsx';
import type { Attachment } from './attachments-api.ts';

function FileIcon({ mediaType }: { mediaType: string }) {
  if (mediaType === 'application/pdf') return <FilePdfOutlined className="wb-attachment-icon" />;
  if (mediaType.includes('word')) return <FileWordOutlined className="wb-attachment-icon" />;
  if (mediaType.startsWith('video/')) return <PlayCircleOutlined className="wb-attachment-icon" />;
  return <FileOutlined className="wb-attachment-icon" />;
}

/** The files of one kind: thumbnail or icon, name, size, and what can be done with each. */
export function AttachmentList({ items, editable, onRemove }: { items: Attachment[]; editable: boolean; onRemove: (a: Attachment) => Promise<void> }) {
  const { t } = useI18n();
  const [playing, setPlaying] = useState<Attachment | null>(null);
  if (items.length === 0) return <Typography.Text type="secondary">{t('wb.files.empty')}</Typography.Text>;
  return (
    <ul className="wb-attachment-list">
      {items.map((a) => (
        <li key={a.id} className="wb-attachment">
          {a.thumbnailUrl
            ? <Image width={64} height={64} className="wb-attachment-thumb" src={a.thumbnailUrl} preview={{ src: a.fileUrl }} alt={a.fileName} />
            : <FileIcon mediaType={a.mediaType} />}
          <div className="wb-attachment-text">
            <Typography.Text ellipsis={{ tooltip: a.fileName }}>{a.fileName}</Typography.Text>
            <Typography.Text type="secondary">{formatBytes(a.size)}{a.width && a.height ? ` · ${a.width}×${a.height}` : ''}</Typography.Text>
          </div>
          <Space size={4}>
            {a.mediaType.startsWith('video/') && (
              <Button size="small" icon={<PlayCircleOutlined />} onClick={() => setPlaying(a)}>{t('wb.files.preview')}</Button>
            )}
            <Button size="small" icon={<DownloadOutlined />} href={`${a.fileUrl}?download=1`} aria-label={t('wb.files.download')} />
            {editable && (
              <Popconfirm title={t('wb.files.removeConfirm', { name: a.fileName })} onConfirm={() => onRemove(a)}>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('wb.files.remove')} />
              </Popconfirm>
            )}
          </Space>
        </li>
      ))}
      <Modal open={playing !== null} title={playing?.fileName} footer={null} onCancel={() => setPlaying(null)} destroyOnHidden width={800}>
        {/* The server answers range requests, so the player seeks without downloading the whole file. */}
        {playing && <video className="wb-attachment-video" src={playing.fileUrl} controls preload="metadata" />}
      </Modal>
    </ul>
  );
}
