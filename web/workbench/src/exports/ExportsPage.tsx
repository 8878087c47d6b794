import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { EXPORT_KINDS, exportUrl } from '../../../../core/api/exports.ts';
import { CampaignPicker, useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { useI18n } from '../i18n.tsx';
import './exports.css';

/**
 * Organizers: one download per export of the chosen campaign. Each link is a plain download the
 * server streams (GET /api/v1/campaigns/:slug/exports/:kind), in the page's language.
 */
export function ExportsPage() {
  const { t, locale } = useI18n();
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  return (
    <Card className="wb-card" title={t('wb.exports.title')}>
      <CampaignPicker chosen={chosen} />
      <Typography.Paragraph type="secondary">{t('wb.exports.intro')}</Typography.Paragraph>
      <List
        className="wb-exports"
        dataSource={[...EXPORT_KINDS]}
        renderItem={(kind) => (
          <List.Item className="wb-exports-item" data-kind={kind}>
            <div className="wb-exports-text">
              <Typography.Text strong>{t(`export.kind.${kind}`)}</Typography.Text>
              <Typography.Paragraph type="secondary" className="wb-exports-about">{t(`wb.exports.about.${kind}`)}</Typography.Paragraph>
            </div>
            <Button
              icon={<DownloadOutlined />} disabled={!slug} href={slug ? `${exportUrl(slug, kind)}?lang=${locale}` : undefined}
              aria-label={t('wb.exports.downloadNamed', { kind: t(`export.kind.${kind}`) })}
            >
              {t('wb.exports.download')}
            </Button>
          </List.Item>
        )}
      />
    </Card>
  );
}
