import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import type { Campaign } from '../../../../core/campaign/campaign.schema.ts';
import type { CaseContent } from '../../../../core/case/case-content.ts';
import { declarationSource, declarationValues, type DeclarationUnit } from '../../../../core/case/declaration-fields.ts';
import { useUnit } from '../pages/UnitPage.tsx';
import { useI18n } from '../i18n.tsx';
import { useMe } from '../session.tsx';

// The declaration form (申报表) as the unit sees it before printing: the lines the platform fills
// from the case and the unit profile are shown as they will print; the form's own lines
// (postcode, typed opinions, anything a campaign adds) are edited here; and the two downloads
// give the filled form to print, sign and seal.

type Field = Campaign['declarationForm']['fields'][number];

export interface DeclarationFormPanelProps {
  caseId: string;
  campaign: Pick<Campaign, 'declarationForm' | 'categories'>;
  /** The saved case, for the lines filled from it and its unit; without it only the own lines show. */
  detail?: { organizationId: string; content: CaseContent; superiorName: string };
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  editable?: boolean;
}

const POSTCODE = /^\d{6}$/;

/** Text as typed, its line breaks kept. */
function Lines({ text }: { text: string }) {
  return <>{text.split('\n').map((line, i) => <div key={i}>{line}</div>)}</>;
}

function unitLines(unit: ReturnType<typeof useUnit>['data'], superiorName: string): DeclarationUnit {
  return {
    name: unit?.name ?? '',
    address: unit?.address ?? '',
    contactName: unit?.contactName ?? '',
    contactPosition: unit?.contactPosition ?? '',
    contactPhone: unit?.contactPhone ?? '',
    contactEmail: unit?.contactEmail ?? '',
    superiorName: superiorName || unit?.superiorName || '',
  };
}

export function DeclarationFormPanel({ caseId, campaign, detail, values, onChange, editable = true }: DeclarationFormPanelProps) {
  const { t, locale } = useI18n();
  const me = useMe();
  const unit = useUnit(detail?.organizationId);
  const fields = campaign.declarationForm.fields;
  const derived = detail ? declarationValues(fields, detail.content, unitLines(unit.data, detail.superiorName), values) : {};
  // The filled form is the unit's to print; organizers reading the case get no download.
  const mayDownload = !detail || (me.data?.units.some((u) => u.organizationId === detail.organizationId) ?? false);
  const href = (extension: 'docx' | 'pdf') => `/api/v1/cases/${encodeURIComponent(caseId)}/declaration-form.${extension}?lang=${locale}`;
  const set = (key: string, value: string) => onChange({ ...values, [key]: value });

  const shown = (field: Field) => {
    const value = derived[field.key] ?? '';
    const text = field.kind === 'category' ? campaign.categories.find((c) => c.key === value)?.name[locale] ?? '' : value;
    return text === '' ? <Typography.Text type="secondary">—</Typography.Text> : <Lines text={text} />;
  };

  const item = (field: Field) => {
    const source = declarationSource(field);
    const label = field.label[locale];
    if (source !== 'own') {
      if (!detail) return null;
      return (
        <Form.Item key={field.key} label={label} extra={t(source === 'case' ? 'wb.declaration.fromCase' : 'wb.declaration.fromUnit')}>
          {shown(field)}
        </Form.Item>
      );
    }
    const value = values[field.key] ?? '';
    const badPostcode = field.key === 'postcode' && value !== '' && !POSTCODE.test(value);
    const hint = field.kind === 'opinion' ? t('wb.declaration.opinionHint') : undefined;
    if (!editable) {
      return <Form.Item key={field.key} label={label}>{value ? <Lines text={value} /> : <Typography.Text type="secondary">—</Typography.Text>}</Form.Item>;
    }
    return (
      <Form.Item
        key={field.key}
        label={label}
        htmlFor={`declaration-${field.key}`}
        validateStatus={badPostcode ? 'error' : undefined}
        help={badPostcode ? t('wb.declaration.postcodeInvalid') : undefined}
        extra={hint}
      >
        {field.kind === 'line'
          ? <Input id={`declaration-${field.key}`} value={value} maxLength={field.key === 'postcode' ? 6 : 200} inputMode={field.key === 'postcode' ? 'numeric' : undefined} onChange={(e) => set(field.key, e.target.value)} />
          : <Input.TextArea id={`declaration-${field.key}`} value={value} maxLength={2000} rows={Math.max(2, field.lines ?? 4)} onChange={(e) => set(field.key, e.target.value)} />}
      </Form.Item>
    );
  };

  return (
    <Card className="wb-card" title={campaign.declarationForm.title[locale]}>
      {/* How to print, sign and upload the form is for the unit editing it, not for a reader. */}
      {editable && <Typography.Paragraph type="secondary">{t('wb.declaration.hint')}</Typography.Paragraph>}
      <Form layout="vertical" component="div">{fields.map(item)}</Form>
      {mayDownload && (
        <Flex vertical gap="small">
          <Flex wrap gap="small">
            <Button icon={<FileWordOutlined />} href={href('docx')} download>{t('wb.declaration.downloadDocx')}</Button>
            <Button icon={<FilePdfOutlined />} href={href('pdf')} download>{t('wb.declaration.downloadPdf')}</Button>
          </Flex>
          {editable && <Typography.Text type="secondary">{t('wb.declaration.savedOnly')}</Typography.Text>}
        </Flex>
      )}
    </Card>
  );
}
