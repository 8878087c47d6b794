import { Card, Input, Select, Tag, Typography } from 'antd';
import { memo, useCallback, useState } from 'react';
import type { CaseCounts } from '../../../../../core/case/case-counts.ts';
import { KEYWORD_MAX, TITLE_MAX } from '../../../../../core/case/case-limits.ts';
import { sectionNumber } from '../../../../../core/i18n/messages.ts';
import { useI18n } from '../../i18n.tsx';
import type { CampaignDetail } from '../cases-api.ts';
import { LimitCount, SectionCount } from './counts.tsx';
import { clearable } from '../../icon-names.tsx';
import type { DraftFields } from './draft-fields.ts';
import { RichTextEditor } from './RichTextEditor.tsx';

// The text of the case: title, category, keywords, summary and the campaign's sections, each
// under an anchor (#target-title, #target-section:background…) the preflight checklist links to.
// Keyed by the draft's revision: replacing the fields from outside starts the editors over.
// With `allSections` false only the first section draws (CaseEditor asks for the rest once the
// page's top has been painted, so a slow phone shows the case without drawing six editors first).

const KEYWORD_CHARS = 20;
const SEPARATORS = [',', '，', ';', '；', '、'];

type Update = (patch: (fields: DraftFields) => DraftFields) => void;

interface CaseFieldsProps {
  campaign: CampaignDetail;
  fields: DraftFields;
  counts: CaseCounts;
  update: Update;
  allSections: boolean;
}

export function CaseFields({ campaign, fields, counts, update, allSections }: CaseFieldsProps) {
  const { t, locale } = useI18n();
  const { content } = fields;
  const [keywordNote, setKeywordNote] = useState(false);
  const elements = allSections ? campaign.caseStyle.elements : campaign.caseStyle.elements.slice(0, 1);
  const setContent = useCallback(
    (patch: Partial<DraftFields['content']>) => update((f) => ({ ...f, content: { ...f.content, ...patch } })),
    [update],
  );
  const setSection = useCallback(
    (key: string, html: string) => update((f) => ({ ...f, content: { ...f.content, sections: { ...f.content.sections, [key]: html } } })),
    [update],
  );
  const setSummary = useCallback((html: string) => setContent({ summary: html }), [setContent]);

  return (
    <>
      <Card className="wb-card" title={t('wb.editor.basics')}>
        <div id="target-title" className="ce-field ce-anchor">
          <label className="ce-field-label" htmlFor="ce-title">
            {t('wb.editor.field.title')} <Tag color="red">{t('wb.editor.required')}</Tag>
          </label>
          <Input id="ce-title" value={content.title} maxLength={TITLE_MAX} showCount size="large"
            onChange={(e) => setContent({ title: e.target.value })} />
        </div>
        <div id="target-category" className="ce-field ce-anchor">
          <label className="ce-field-label" htmlFor="ce-category">
            {t('wb.editor.field.category')} <Tag color="red">{t('wb.editor.required')}</Tag>
          </label>
          <Select id="ce-category" className="wb-full" value={content.category ?? undefined} placeholder={t('wb.editor.categoryPlaceholder')}
            allowClear={clearable(t)} onChange={(value?: string) => setContent({ category: value ?? null })}
            options={campaign.categories.map((c) => ({ value: c.key, label: c.name[locale] }))} />
        </div>
        <div id="target-keywords" className="ce-field ce-anchor">
          <label className="ce-field-label" htmlFor="ce-keywords">
            {t('wb.editor.field.keywords')} <span className="wb-optional">{t('wb.editor.keywordsHint', { max: KEYWORD_MAX })}</span>
          </label>
          <Select id="ce-keywords" className="wb-full" mode="tags" open={false} suffixIcon={null} value={content.keywords}
            tokenSeparators={SEPARATORS} maxCount={KEYWORD_MAX} placeholder={t('wb.editor.keywordsPlaceholder')}
            onChange={(values: string[]) => {
              const kept = [...new Set(values.map((v) => v.trim()).filter((v) => v !== '' && [...v].length <= KEYWORD_CHARS))];
              setKeywordNote(kept.length < values.length);
              setContent({ keywords: kept.slice(0, KEYWORD_MAX) });
            }} />
          {keywordNote && <span className="ce-field-error" role="alert">{t('wb.editor.keywordTooLong', { max: KEYWORD_CHARS })}</span>}
        </div>
      </Card>

      <SummaryCard html={content.summary} counts={counts} onChange={setSummary} />

      <div id="target-body" className="ce-anchor">
        <div className="ce-body-head">
          <Typography.Title level={4} className="ce-body-title">{t('wb.editor.body')}</Typography.Title>
          <LimitCount label={t('wb.editor.bodyCount')} {...counts.body} />
        </div>
        <Typography.Paragraph type="secondary" className="ce-hint">{campaign.caseStyle.requirements[locale]}</Typography.Paragraph>
        {elements.map((element, index) => (
          <SectionCard
            key={element.key}
            sectionKey={element.key}
            title={`${sectionNumber(locale, index + 1)}${element.name[locale]}`}
            required={element.required}
            hint={element.hint?.[locale]}
            html={content.sections[element.key] ?? ''}
            count={counts.sections[element.key] ?? 0}
            countsTowardBody={element.countsTowardBody}
            onChange={setSection}
          />
        ))}
      </div>
    </>
  );
}

const SummaryCard = memo(function SummaryCard({ html, counts, onChange }: { html: string; counts: CaseCounts; onChange: (html: string) => void }) {
  const { t } = useI18n();
  return (
    <Card id="target-summary" className="wb-card ce-anchor"
      title={<>{t('wb.editor.field.summary')} <Tag color="red">{t('wb.editor.required')}</Tag></>}
      extra={<LimitCount id="ce-count-summary" label={t('wb.editor.countLabel')} {...counts.summary} />}>
      <Typography.Paragraph type="secondary" id="ce-hint-summary" className="ce-hint">{t('wb.editor.summaryHint', { max: counts.summary.max })}</Typography.Paragraph>
      <RichTextEditor initialHtml={html} onChange={onChange} label={t('wb.editor.field.summary')} headings={false} minRows={4}
        describedBy="ce-hint-summary ce-count-summary" />
    </Card>
  );
}, (a, b) => a.counts.summary === b.counts.summary || (a.counts.summary.count === b.counts.summary.count && a.counts.summary.state === b.counts.summary.state));

interface SectionCardProps {
  sectionKey: string;
  title: string;
  required: boolean;
  hint: string | undefined;
  html: string;
  count: number;
  countsTowardBody: boolean;
  onChange: (key: string, html: string) => void;
}

// Memoised on what it shows: typing in one section re-renders that section's count, not every editor.
const SectionCard = memo(function SectionCard({ sectionKey, title, required, hint, html, count, countsTowardBody, onChange }: SectionCardProps) {
  const { t } = useI18n();
  const onHtml = useCallback((next: string) => onChange(sectionKey, next), [onChange, sectionKey]);
  return (
    <Card id={`target-section:${sectionKey}`} className="wb-card ce-anchor ce-section" data-section={sectionKey}
      title={<>{title} <Tag color={required ? 'red' : 'default'}>{t(required ? 'wb.editor.required' : 'wb.editor.optional')}</Tag></>}
      extra={<SectionCount id={`ce-count-${sectionKey}`} count={count} countsTowardBody={countsTowardBody} />}>
      {hint && <Typography.Paragraph type="secondary" id={`ce-hint-${sectionKey}`} className="ce-hint">{hint}</Typography.Paragraph>}
      <RichTextEditor initialHtml={html} onChange={onHtml} label={title}
        describedBy={[hint ? `ce-hint-${sectionKey}` : '', `ce-count-${sectionKey}`].filter(Boolean).join(' ')} />
    </Card>
  );
}, (a, b) => a.count === b.count && a.title === b.title && a.required === b.required && a.hint === b.hint && a.onChange === b.onChange);
