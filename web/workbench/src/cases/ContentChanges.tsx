import { Alert, Card, Typography } from 'antd';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { useI18n } from '../i18n.tsx';
import type { CampaignDetail, FieldDiff } from './cases-api.ts';
import { sectionName } from './case-shared.tsx';

// What changed since the superior organization last read the case, section by section. Kept
// paragraphs are folded into a count so the changes stand out on a phone; added ones are <ins>,
// removed ones <del>, each with a label a screen reader speaks.

type Op = FieldDiff['ops'][number];

/** Runs of kept paragraphs become one count; changes stay as they are. */
function fold(ops: readonly Op[]): ({ kind: 'same'; count: number } | { kind: 'change'; op: Op })[] {
  const out: ({ kind: 'same'; count: number } | { kind: 'change'; op: Op })[] = [];
  for (const op of ops) {
    const last = out.at(-1);
    if (op.op !== 'same') out.push({ kind: 'change', op });
    else if (last?.kind === 'same') last.count++;
    else out.push({ kind: 'same', count: 1 });
  }
  return out;
}

export function ContentChanges({ changes, campaign }: { changes: readonly FieldDiff[]; campaign: CampaignDetail | undefined }) {
  const { t, locale } = useI18n();
  const fieldName = (field: string) => field.startsWith('section:') ? sectionName(campaign, field.slice('section:'.length), locale)
    : field === 'summary' ? t('wb.cases.review.summary') : t(`wb.cases.review.field.${field}` as MessageKey);
  // A category travels as its key; the reader sees its name.
  const text = (field: string, value: string) => field === 'category' ? campaign?.categories.find((c) => c.key === value)?.name[locale] ?? value : value;
  return (
    <Card className="wb-card wb-review-changes" title={t('wb.cases.review.changesTitle')}>
      <Alert className="wb-alert" type="warning" showIcon title={t('wb.cases.review.changesHint')} />
      {changes.map((change) => (
        <section key={change.field} className="wb-changes-field">
          <Typography.Title level={4}>{fieldName(change.field)}</Typography.Title>
          {fold(change.ops).map((item, i) => item.kind === 'same'
            ? <p key={i} className="wb-changes-same">{t('wb.cases.review.unchanged', { count: item.count })}</p>
            : item.op.op === 'added'
              ? <ins key={i} className="wb-changes-line"><span className="wb-changes-marker">{t('wb.cases.review.added')}</span>{text(change.field, item.op.text)}</ins>
              : <del key={i} className="wb-changes-line"><span className="wb-changes-marker">{t('wb.cases.review.removed')}</span>{text(change.field, item.op.text)}</del>)}
        </section>
      ))}
    </Card>
  );
}
