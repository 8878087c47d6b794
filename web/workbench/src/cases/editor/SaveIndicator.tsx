import { CheckCircleOutlined, CloudSyncOutlined, EditOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../../i18n.tsx';
import type { SaveStatus } from './draft-saver.ts';
import { dateFormat } from './format.ts';

/** HH:mm for today, with the date for an earlier day. */
export function clockTime(at: Date | string, locale: string, now = new Date()): string {
  const when = new Date(at);
  const today = when.toDateString() === now.toDateString();
  return dateFormat(locale, {
    ...(today ? {} : { month: '2-digit', day: '2-digit' }), hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(when);
}

/** 保存中… / 已保存 HH:mm / 有未保存的修改 / 保存失败，将自动重试, announced politely. */
export function SaveIndicator({ status, savedAt, onRetry }: { status: SaveStatus; savedAt: string; onRetry: () => void }) {
  const { t, locale } = useI18n();
  let icon = <CheckCircleOutlined />;
  let text: string;
  let tone = 'ok';
  switch (status.kind) {
    case 'saving':
      icon = <CloudSyncOutlined />;
      text = t('wb.editor.save.saving');
      break;
    case 'dirty':
      icon = <EditOutlined />;
      text = t('wb.editor.save.dirty');
      tone = 'pending';
      break;
    case 'conflict':
      icon = <WarningOutlined />;
      text = t('wb.editor.save.conflict');
      tone = 'error';
      break;
    case 'failed':
      icon = <ExclamationCircleOutlined />;
      text = status.offline ? t('wb.editor.save.offline') : status.retrying ? t('wb.editor.save.retrying') : t('wb.editor.save.failed', { message: status.message });
      tone = 'error';
      break;
    default:
      text = t('wb.editor.save.saved', { time: clockTime(status.at ?? savedAt, locale) });
  }
  return (
    <span className={`ce-save ce-save-${tone}`} data-save={status.kind}>
      <span role="status" aria-live="polite" className="ce-save-status"><span aria-hidden="true">{icon}</span><span className="ce-save-text">{text}</span></span>
      {status.kind === 'failed' && !status.offline && (
        <Button size="small" type="link" onClick={onRetry}>{t('wb.editor.save.retryNow')}</Button>
      )}
    </span>
  );
}
