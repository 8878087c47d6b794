import { Card, Checkbox, Input, Typography } from 'antd';
import { memo, useCallback } from 'react';
import type { CaseCounts } from '../../../../core/case/case-counts.ts';
import { TITLE_MAX } from '../../../../core/case/case-limits.ts';
import { sectionNumber } from '../../../../core/i18n/messages.ts';
import { PUBLIC_PHOTOS_MAX, UNIT_NAME_MAX, type PublicCopyProblem } from '../../../../core/publishing/public-copy.ts';
import type { CampaignDetail } from '../cases/cases-api.ts';
import { LimitCount, SectionCount } from '../cases/editor/counts.tsx';
import { RichTextEditor } from '../cases/editor/RichTextEditor.tsx';
import { useI18n } from '../i18n.tsx';
import type { CopyDraft } from './copy-draft.ts';
import { pictureUrl, type PublicCopy } from './publishing-api.ts';

// The public copy's fields: the case editor's own text boxes and 字 counts (cases/editor), the
// names as plain inputs and the submitted version's pictures to tick. `rev` starts the text boxes
// over when the text is replaced from outside (a reload after a conflict, a copy made again).

type Update = (patch: (draft: CopyDraft) => CopyDraft) => void;

interface FieldsProps {
  campaign: CampaignDetail;
  copy: PublicCopy;
  draft: CopyDraft;
  counts: CaseCounts;
  problems: PublicCopyProblem[];
  rev: number;
  update: Update;
}

export function CopyFields({ campaign, copy, draft, counts, problems, rev, update }: FieldsProps) {
  const { t, locale } = useI18n();
  const setSummary = useCallback((html: string) => update((d) => ({ ...d, summary: html })), [update]);
  const setSection = useCallback((key: string, html: string) => update((d) => ({ ...d, sections: { ...d.sections, [key]: html } })), [update]);
  const missing = (field: 'title' | 'unitName') => problems.some((p) => p.field === field && p.problem === 'required');
  const tooMany = problems.some((p) => p.field === 'photos');
  const togglePicture = (id: string, on: boolean) => update((d) => ({
    ...d,
    // In the submitted version's order, as the page shows them.
    photoIds: copy.pictures.map((p) => p.id).filter((x) => (x === id ? on : d.photoIds.includes(x))),
  }));

  return (
    <>
      <Card className="wb-card" title={t('wb.editor.basics')}>
        <div className="ce-field">
          <label className="ce-field-label" htmlFor="pp-title">{t('wb.publishing.field.title')}</label>
          <Input id="pp-title" value={draft.title} maxLength={TITLE_MAX} showCount size="large" status={missing('title') ? 'error' : undefined}
            aria-describedby={missing('title') ? 'pp-title-error' : undefined} onChange={(e) => { const title = e.target.value; update((d) => ({ ...d, title })); }} />
          {missing('title') && <span id="pp-title-error" className="ce-field-error">{t('wb.publishing.required', { field: t('wb.publishing.field.title') })}</span>}
        </div>
        <div className="ce-field">
          <label className="ce-field-label" htmlFor="pp-unitName">{t('wb.publishing.field.unitName')}</label>
          <Input id="pp-unitName" value={draft.unitName} maxLength={UNIT_NAME_MAX} status={missing('unitName') ? 'error' : undefined}
            aria-describedby={missing('unitName') ? 'pp-unit-hint pp-unit-error' : 'pp-unit-hint'} onChange={(e) => { const unitName = e.target.value; update((d) => ({ ...d, unitName })); }} />
          <span id="pp-unit-hint" className="ce-hint">{t('wb.publishing.unitHint')}</span>
          {missing('unitName') && <span id="pp-unit-error" className="ce-field-error">{t('wb.publishing.required', { field: t('wb.publishing.field.unitName') })}</span>}
        </div>
      </Card>

      <Card className="wb-card" data-pp-field="summary" title={t('wb.editor.field.summary')}
        extra={<LimitCount id="pp-count-summary" label={t('wb.editor.countLabel')} {...counts.summary} />}>
        <RichTextEditor key={`${rev}-summary`} initialHtml={draft.summary} onChange={setSummary} label={t('wb.editor.field.summary')}
          headings={false} minRows={4} describedBy="pp-count-summary" />
      </Card>

      <div className="ce-body-head">
        <Typography.Title level={3} className="ce-body-title pp-body-title">{t('wb.editor.body')}</Typography.Title>
        <LimitCount label={t('wb.editor.bodyCount')} {...counts.body} />
      </div>
      {campaign.caseStyle.elements.map((element, index) => (
        <SectionCard key={`${rev}-${element.key}`} sectionKey={element.key} title={`${sectionNumber(locale, index + 1)}${element.name[locale]}`}
          html={draft.sections[element.key] ?? ''} count={counts.sections[element.key] ?? 0} countsTowardBody={element.countsTowardBody} onChange={setSection} />
      ))}

      <Card className="wb-card" title={t('wb.publishing.pictures')}>
        <Typography.Paragraph type="secondary" className="ce-hint">{t('wb.publishing.picturesHint', { max: PUBLIC_PHOTOS_MAX })}</Typography.Paragraph>
        {tooMany && <p className="ce-field-error" role="alert">{t('wb.publishing.picturesTooMany', { max: PUBLIC_PHOTOS_MAX })}</p>}
        {copy.pictures.length === 0 ? <Typography.Text type="secondary">{t('wb.publishing.noPictures')}</Typography.Text> : (
          <ul className="pp-pictures">
            {copy.pictures.map((p) => (
              <li key={p.id} className={draft.photoIds.includes(p.id) ? 'pp-picture is-shown' : 'pp-picture'}>
                <img src={pictureUrl(p.id)} alt="" loading="lazy" {...(p.width && p.height ? { width: p.width, height: p.height } : {})} />
                <Checkbox checked={draft.photoIds.includes(p.id)} onChange={(e) => togglePicture(p.id, e.target.checked)}>
                  {t('wb.publishing.pictureShow', { name: p.fileName })}
                </Checkbox>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

interface SectionProps {
  sectionKey: string;
  title: string;
  html: string;
  count: number;
  countsTowardBody: boolean;
  onChange: (key: string, html: string) => void;
}

// Memoised on what it shows: typing in one section redraws that section's count, not every box.
const SectionCard = memo(function SectionCard({ sectionKey, title, html, count, countsTowardBody, onChange }: SectionProps) {
  const onHtml = useCallback((next: string) => onChange(sectionKey, next), [onChange, sectionKey]);
  return (
    <Card className="wb-card ce-section" data-pp-field={sectionKey} title={title}
      extra={<SectionCount id={`pp-count-${sectionKey}`} count={count} countsTowardBody={countsTowardBody} />}>
      <RichTextEditor initialHtml={html} onChange={onHtml} label={title} describedBy={`pp-count-${sectionKey}`} />
    </Card>
  );
}, (a, b) => a.count === b.count && a.title === b.title && a.onChange === b.onChange && a.countsTowardBody === b.countsTowardBody);
