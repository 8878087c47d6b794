import { FileWordOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Modal, Row, Select, Spin, Tag, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import type { LocalizedText } from '../../../../core/campaign/campaign.schema.ts';
import type { CaseContent } from '../../../../core/case/case-content.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { sectionNumber, type MessageKey } from '../../../../core/i18n/messages.ts';
import { formatBytes } from '../../../../core/text/format-bytes.ts';
import { useI18n } from '../i18n.tsx';
import { caseKeys, casesApi, type ImportProposal, type ImportWarning } from './cases-api.ts';

// CaseEditor reads the proposal's type from here, beside the dialog that makes it.
export type { ImportProposal };
import { placeUnmatched } from './import-placement.ts';

// "Import from Word": the unit picks a .docx, the server splits it by its headings (nothing is
// saved), and the unit compares what the document holds with the current draft, part by part,
// before choosing to replace the draft with it. Parts the document lacks keep their current text;
// what the split could not place is shown first, and goes only where the unit puts it.

/** The server's limit (server/modules/imports/imports.routes.ts); checked here to fail fast. */
const MAX_BYTES = 20 * 1024 * 1024;

interface Element {
  key: string;
  name: LocalizedText;
}

export interface ImportDocxDialogProps {
  caseId: string;
  elements: readonly Element[];
  /** The draft as it stands in the editor; the saved case is read when it is not given. */
  current?: Pick<CaseContent, 'title' | 'summary' | 'keywords' | 'sections'>;
  onApply: (proposal: ImportProposal) => void;
}

function Html({ html, empty }: { html: string; empty: string }) {
  // Both sides are the server's sanitized case HTML (p, h3, h4, strong, em, lists).
  return html.trim() === ''
    ? <Typography.Text type="secondary">{empty}</Typography.Text>
    : <div className="wb-case-html" dangerouslySetInnerHTML={{ __html: html }} />;
}

function Compare({ title, current, proposed }: { title: string; current: ReactNode; proposed: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} className="wb-card">
      <Row gutter={[16, 8]}>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('wb.import.current')}</Typography.Text>
          <div>{current}</div>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('wb.import.proposed')}</Typography.Text>
          <div>{proposed}</div>
        </Col>
      </Row>
    </Card>
  );
}

function warningText(warning: ImportWarning, elements: readonly Element[], t: ReturnType<typeof useI18n>['t'], locale: Locale): string {
  const section = elements.find((e) => e.key === warning.section)?.name[locale] ?? warning.section ?? '';
  return t(`wb.import.warning.${warning.code}` as MessageKey, { section, count: warning.count ?? 0 });
}

interface Placing {
  placements: readonly (string | null)[];
  onPlace: (index: number, key: string | null) => void;
}

function UnmatchedParts({ proposal, elements, placements, onPlace }: { proposal: ImportProposal; elements: readonly Element[] } & Placing) {
  const { t, locale } = useI18n();
  const options = [{ value: '', label: t('wb.import.leaveOut') }, ...elements.map((e, i) => ({ value: e.key, label: `${sectionNumber(locale, i + 1)}${e.name[locale]}` }))];
  return (
    <Card size="small" className="wb-card" title={<>{t('wb.import.unmatched')} <Tag color="orange">{proposal.unmatched.length}</Tag></>}>
      <Typography.Paragraph type="secondary">{t('wb.import.unmatchedHint')}</Typography.Paragraph>
      {proposal.unmatched.map((part, i) => (
        <div key={i}>
          <Flex gap="small" align="center" wrap>
            <Typography.Text strong>{part.heading ?? t('wb.import.beforeHeadings')}</Typography.Text>
            <Typography.Text type="secondary">{t('wb.import.placeIn')}</Typography.Text>
            <Select
              size="small"
              className="wb-import-place"
              aria-label={`${t('wb.import.placeIn')} ${part.heading ?? t('wb.import.beforeHeadings')}`}
              value={placements[i] ?? ''}
              options={options}
              onChange={(value: string) => onPlace(i, value === '' ? null : value)}
            />
          </Flex>
          <Html html={part.html} empty={t('wb.import.empty')} />
        </div>
      ))}
    </Card>
  );
}

function ProposalView({ proposal, current, elements, placements, onPlace }: { proposal: ImportProposal; current: ImportDocxDialogProps['current']; elements: readonly Element[] } & Placing) {
  const { t, locale } = useI18n();
  const empty = t('wb.import.empty');
  const keep = t('wb.import.keep');
  const text = (value: string, fallback: string) => value.trim() === '' ? <Typography.Text type="secondary">{fallback}</Typography.Text> : <Typography.Text>{value}</Typography.Text>;
  // The sections as they will be, with the parts the unit placed.
  const { sections } = placeUnmatched(proposal, placements);
  return (
    <Flex vertical gap="middle">
      {proposal.warnings.length > 0 && (
        <Alert type="warning" showIcon title={<ul>{proposal.warnings.map((w, i) => <li key={i}>{warningText(w, elements, t, locale)}</li>)}</ul>} />
      )}
      {proposal.unmatched.length > 0 && <UnmatchedParts proposal={proposal} elements={elements} placements={placements} onPlace={onPlace} />}
      <Compare title={t('wb.import.caseTitle')} current={text(current?.title ?? '', empty)} proposed={text(proposal.title, keep)} />
      <Compare title={t('wb.import.keywords')} current={text(current?.keywords.join('；') ?? '', empty)} proposed={text(proposal.keywords.join('；'), keep)} />
      <Compare title={t('wb.import.summary')} current={<Html html={current?.summary ?? ''} empty={empty} />} proposed={<Html html={proposal.summary} empty={keep} />} />
      {elements.map((e, i) => (
        <Compare
          key={e.key}
          title={`${sectionNumber(locale, i + 1)}${e.name[locale]}`}
          current={<Html html={current?.sections[e.key] ?? ''} empty={empty} />}
          proposed={<Html html={sections[e.key] ?? ''} empty={keep} />}
        />
      ))}
    </Flex>
  );
}

/** The button and dialog that import a case from a Word file; `onApply` gets the confirmed proposal. */
export function ImportDocxDialog({ caseId, elements, current, onApply }: ImportDocxDialogProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [proposal, setProposal] = useState<ImportProposal | null>(null);
  const [placements, setPlacements] = useState<(string | null)[]>([]);
  // Without the editor's own copy, compare with the saved case (usually in the query cache).
  const saved = useQuery({ queryKey: caseKeys.detail(caseId), queryFn: () => casesApi.getCase(caseId), enabled: open && !current, staleTime: Infinity });
  const draft = current ?? saved.data?.content;

  const reset = () => {
    setReading(null);
    setError(null);
    setProposal(null);
    setPlacements([]);
  };
  const close = () => {
    setOpen(false);
    reset();
  };
  const read = async (file: File) => {
    reset();
    if (!/\.docx$/i.test(file.name)) {
      setError(t('wb.import.onlyDocx'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(t('wb.import.tooLarge', { name: file.name, max: formatBytes(MAX_BYTES) }));
      return;
    }
    setReading(file.name);
    try {
      setProposal(await casesApi.importDocx(caseId, file));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(null);
    }
  };
  const apply = () => {
    if (!proposal) return;
    onApply(placeUnmatched(proposal, placements));
    close();
  };

  return (
    <>
      <Button icon={<FileWordOutlined />} onClick={() => setOpen(true)}>{t('wb.import.open')}</Button>
      <Modal
        open={open}
        title={t('wb.import.title')}
        width={1000}
        onCancel={close}
        destroyOnHidden
        footer={proposal ? [
          <Button key="again" onClick={reset}>{t('wb.import.chooseAnother')}</Button>,
          <Button key="cancel" onClick={close}>{t('wb.cancel')}</Button>,
          <Button key="apply" type="primary" onClick={apply}>{t('wb.import.apply')}</Button>,
        ] : [<Button key="cancel" onClick={close}>{t('wb.cancel')}</Button>]}
      >
        {proposal ? (
          <>
            <Typography.Paragraph type="secondary">{t('wb.import.applyHint')}</Typography.Paragraph>
            <ProposalView
              proposal={proposal}
              current={draft}
              elements={elements}
              placements={placements}
              onPlace={(index, key) => setPlacements((now) => Object.assign([...now], { [index]: key }))}
            />
          </>
        ) : (
          <Flex vertical gap="middle">
            <Typography.Paragraph>{t('wb.import.hint')}</Typography.Paragraph>
            {error && <Alert type="error" showIcon title={error} />}
            <Spin spinning={reading !== null} description={reading ? t('wb.import.reading', { name: reading }) : undefined}>
              <Upload.Dragger
                accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                multiple={false}
                showUploadList={false}
                disabled={reading !== null}
                beforeUpload={(file) => {
                  void read(file);
                  return Upload.LIST_IGNORE;
                }}
              >
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p className="ant-upload-text">{t('wb.import.choose')}</p>
              </Upload.Dragger>
            </Spin>
          </Flex>
        )}
      </Modal>
    </>
  );
}
