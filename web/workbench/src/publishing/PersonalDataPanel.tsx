import { Alert, Button, Tag } from 'antd';
import { htmlToText } from '../../../../core/case/html-text.ts';
import type { FieldFlag } from '../../../../core/publishing/public-copy.ts';
import { useI18n } from '../i18n.tsx';
import type { CopyDraft } from './copy-draft.ts';

// The numbers in the public text that look like a person's mobile or identity card number: where
// each is, with the words around it, and a button that selects it in its field. Nothing is changed
// for the organizer (decision 0039): a hotline may be meant to be public.

const AROUND = 14;

/** The field's text as the flag's index counts it. */
function fieldText(draft: CopyDraft, field: string): string {
  if (field === 'title' || field === 'unitName') return draft[field];
  return htmlToText(field === 'summary' ? draft.summary : draft.sections[field] ?? '');
}

/**
 * Selects the flagged number in its field: the input's characters, or the text box's text as a
 * browser selection, which ProseMirror takes as its own. The box's text is searched for the same
 * occurrence the flag names (the n-th time the number appears before its index).
 */
export function selectFlag(draft: CopyDraft, flag: FieldFlag): void {
  if (flag.field === 'title' || flag.field === 'unitName') {
    const input = document.getElementById(`pp-${flag.field}`) as HTMLInputElement | null;
    if (!input) return;
    input.focus();
    input.setSelectionRange(flag.index, flag.index + flag.text.length);
    input.scrollIntoView({ block: 'center' });
    return;
  }
  const box = document.querySelector<HTMLElement>(`[data-pp-field="${CSS.escape(flag.field)}"] .ProseMirror`);
  if (!box) return;
  const before = fieldText(draft, flag.field).slice(0, flag.index).split(flag.text).length - 1;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const nodes: { node: Text; start: number }[] = [];
  let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n as Text, start: all.length });
    all += n.textContent ?? '';
  }
  let at = -1;
  for (let i = 0; i <= before; i += 1) at = all.indexOf(flag.text, at + 1);
  if (at < 0) return;
  const place = (offset: number) => {
    const hit = [...nodes].reverse().find((x) => x.start <= offset)!;
    return { node: hit.node, offset: offset - hit.start };
  };
  const start = place(at);
  const end = place(at + flag.text.length);
  box.focus();
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  start.node.parentElement?.scrollIntoView({ block: 'center' });
}

interface PanelProps {
  draft: CopyDraft;
  flags: FieldFlag[];
  fieldName: (field: string) => string;
  onLocate: (flag: FieldFlag) => void;
}

export function PersonalDataPanel({ draft, flags, fieldName, onLocate }: PanelProps) {
  const { t } = useI18n();
  if (flags.length === 0) return <p className="pp-flags pp-flags-none" role="status">✓ {t('wb.publishing.flags.none')}</p>;
  return (
    <Alert
      className="wb-alert pp-flags" type="warning" showIcon
      title={<>{t('wb.publishing.flags.title')} <Tag>{t('wb.publishing.flags.count', { count: flags.length })}</Tag></>}
      description={
        <>
          <p className="pp-flags-hint">{t('wb.publishing.flags.hint')}</p>
          <ul className="pp-flags-list">
            {flags.map((flag) => {
              const text = fieldText(draft, flag.field);
              const from = Math.max(0, flag.index - AROUND);
              const to = Math.min(text.length, flag.index + flag.text.length + AROUND);
              const field = fieldName(flag.field);
              return (
                <li key={`${flag.field}:${flag.index}`} className="pp-flag">
                  <span className="pp-flag-where">{t('wb.publishing.flag.where', { field, kind: t(`wb.publishing.flag.${flag.kind}`) })}</span>
                  <span className="pp-flag-context">
                    {from > 0 && '…'}{text.slice(from, flag.index)}<mark className="pp-flag-mark">{flag.text}</mark>{text.slice(flag.index + flag.text.length, to)}{to < text.length && '…'}
                  </span>
                  <Button size="small" autoInsertSpace={false} aria-label={t('wb.publishing.flag.goToAria', { field, text: flag.text })} onClick={() => onLocate(flag)}>
                    {t('wb.publishing.flag.goTo')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      }
    />
  );
}
