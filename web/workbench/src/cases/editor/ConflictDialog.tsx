import { Button, Modal, Typography } from 'antd';
import type { Campaign } from '../../../../../core/campaign/campaign.schema.ts';
import { htmlToText } from '../../../../../core/case/html-text.ts';
import type { Translator } from '../../../../../core/i18n/messages.ts';
import { useI18n } from '../../i18n.tsx';
import type { DraftFields } from './draft-fields.ts';

// Two copies of a case side by side, field by field, only where they differ: the server's
// (saved by another tab or operator) and this page's. The person chooses; nothing is merged
// or overwritten behind their back.

interface FieldDiff {
  key: string;
  label: string;
  theirs: string;
  mine: string;
}

export function diffFields(campaign: Campaign, theirs: DraftFields, mine: DraftFields, locale: 'zh-CN' | 'en', t: Translator): FieldDiff[] {
  const category = (key: string | null) => campaign.categories.find((c) => c.key === key)?.name[locale] ?? '';
  const rows: FieldDiff[] = [
    { key: 'title', label: t('wb.editor.field.title'), theirs: theirs.content.title, mine: mine.content.title },
    { key: 'category', label: t('wb.editor.field.category'), theirs: category(theirs.content.category), mine: category(mine.content.category) },
    { key: 'keywords', label: t('wb.editor.field.keywords'), theirs: theirs.content.keywords.join('；'), mine: mine.content.keywords.join('；') },
    { key: 'summary', label: t('wb.editor.field.summary'), theirs: htmlToText(theirs.content.summary), mine: htmlToText(mine.content.summary) },
    ...campaign.caseStyle.elements.map((e) => ({
      key: `section:${e.key}`, label: e.name[locale],
      theirs: htmlToText(theirs.content.sections[e.key] ?? ''), mine: htmlToText(mine.content.sections[e.key] ?? ''),
    })),
    ...campaign.declarationForm.fields.map((f) => ({
      key: `declaration:${f.key}`, label: f.label[locale], theirs: theirs.declaration[f.key] ?? '', mine: mine.declaration[f.key] ?? '',
    })),
    { key: 'superiorName', label: t('wb.editor.field.superiorName'), theirs: theirs.superiorName, mine: mine.superiorName },
    { key: 'superiorEmail', label: t('wb.editor.field.superiorEmail'), theirs: theirs.superiorEmail, mine: mine.superiorEmail },
  ];
  return rows.filter((r) => r.theirs.trim() !== r.mine.trim());
}

interface ConflictDialogProps {
  open: boolean;
  campaign: Campaign;
  theirs: DraftFields;
  mine: DraftFields;
  /** 'conflict': another save got in first; 'restore': this browser kept unsaved changes. */
  mode: 'conflict' | 'restore';
  theirsWhen: string;
  mineWhen: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onClose?: () => void;
}

export function ConflictDialog({ open, campaign, theirs, mine, mode, theirsWhen, mineWhen, onKeepMine, onTakeTheirs, onClose }: ConflictDialogProps) {
  const { t, locale } = useI18n();
  const diffs = diffFields(campaign, theirs, mine, locale, t);
  return (
    <Modal
      open={open}
      width={960}
      title={t(mode === 'conflict' ? 'wb.editor.conflict.title' : 'wb.editor.restore.compareTitle')}
      closable={mode === 'restore'}
      mask={{ closable: false }}
      keyboard={mode === 'restore'}
      onCancel={onClose}
      footer={[
        <Button key="theirs" onClick={onTakeTheirs}>{t(mode === 'conflict' ? 'wb.editor.conflict.takeTheirs' : 'wb.editor.restore.discard')}</Button>,
        <Button key="mine" type="primary" onClick={onKeepMine}>{t(mode === 'conflict' ? 'wb.editor.conflict.keepMine' : 'wb.editor.restore.restore')}</Button>,
      ]}
      className="ce-conflict"
    >
      <Typography.Paragraph>{t(mode === 'conflict' ? 'wb.editor.conflict.intro' : 'wb.editor.restore.intro')}</Typography.Paragraph>
      {diffs.length === 0 && <Typography.Paragraph type="secondary">{t('wb.editor.conflict.noTextDiff')}</Typography.Paragraph>}
      <div className="ce-diff" role="list">
        {diffs.map((d) => (
          <section key={d.key} className="ce-diff-row" role="listitem" aria-label={d.label}>
            <h4 className="ce-diff-label">{d.label}</h4>
            <div className="ce-diff-cols">
              <div className="ce-diff-col ce-diff-theirs">
                <div className="ce-diff-head">{t(mode === 'conflict' ? 'wb.editor.conflict.theirs' : 'wb.editor.restore.server', { time: theirsWhen })}</div>
                <div className="ce-diff-text">{d.theirs || <span className="ce-diff-empty">{t('wb.editor.conflict.empty')}</span>}</div>
              </div>
              <div className="ce-diff-col ce-diff-mine">
                <div className="ce-diff-head">{t(mode === 'conflict' ? 'wb.editor.conflict.mine' : 'wb.editor.restore.local', { time: mineWhen })}</div>
                <div className="ce-diff-text">{d.mine || <span className="ce-diff-empty">{t('wb.editor.conflict.empty')}</span>}</div>
              </div>
            </div>
          </section>
        ))}
      </div>
    </Modal>
  );
}
