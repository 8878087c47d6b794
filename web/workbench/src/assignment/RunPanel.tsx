import { Alert, Button, Card, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { useI18n } from '../i18n.tsx';
import type { AssignmentRun, Shortfall } from './assignment-api.ts';

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Which categories lack reviewers and by how many, in the reader's words. */
export function ShortfallList({ shortfall }: { shortfall: readonly Shortfall[] }) {
  const { t } = useI18n();
  return (
    <ul className="wb-shortfall">
      {shortfall.map((s) => (
        <li key={s.category}>{t('assignment.shortfall', { category: t(`wb.type.${s.category}` as MessageKey), missing: s.missing, cases: s.cases })}</li>
      ))}
    </ul>
  );
}

/** The latest run: start it, its progress while it solves, its figures once done. */
export function RunPanel({ run, starting, canStart, onStart }: { run: AssignmentRun | null | undefined; starting: boolean; canStart: boolean; onStart(): void }) {
  const { t } = useI18n();
  const running = run?.status === 'running';
  const result = run?.result;
  return (
    <Card className="wb-card" title={t('wb.assign.runTitle')}
      extra={<Button type="primary" onClick={onStart} loading={starting || running} disabled={!canStart}>{t('wb.assign.start')}</Button>}>
      {!run && <Typography.Paragraph type="secondary">{t('wb.assign.noRun')}</Typography.Paragraph>}
      {running && (
        <div role="status" aria-live="polite">
          <Progress percent={99} status="active" showInfo={false} />
          <Typography.Text>{t('wb.assign.progress', { phase: t(`wb.assign.phase.${run.progress.phase ?? 'building'}` as MessageKey), seconds: Math.round((run.progress.elapsedMs ?? 0) / 1000) })}</Typography.Text>
        </div>
      )}
      {run?.status === 'failed' && <Alert type="error" showIcon title={t('wb.assign.failed', { error: run.error ?? '' })} />}
      {result && (
        <>
          <Space wrap className="wb-run-tags">
            <Tag color={result.optimal ? 'green' : 'orange'}>{result.optimal ? t('wb.assign.optimal') : t('wb.assign.notOptimal')}</Tag>
            <Tag>{t('wb.assign.seconds', { seconds: result.seconds })}</Tag>
          </Space>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('wb.assign.coverage')}>{percent(result.figures.coverage)} · {result.figures.casesCovered}/{result.cases}</Descriptions.Item>
            <Descriptions.Item label={t('wb.assign.maxLoad')}>{percent(result.figures.maxLoadRatio)}</Descriptions.Item>
            <Descriptions.Item label={t('wb.assign.loadSpread')}>{result.figures.loadRatioStdev.toFixed(3)}</Descriptions.Item>
            <Descriptions.Item label={t('wb.assign.expertise')}>{percent(result.figures.expertiseMatch)}</Descriptions.Item>
            <Descriptions.Item label={t('wb.assign.sameProvince')}>{result.figures.sameProvincePairs}</Descriptions.Item>
            <Descriptions.Item label={t('wb.assign.vsGreedy')}>{result.vsGreedy.toFixed(3)}</Descriptions.Item>
          </Descriptions>
          {result.shortfall.length > 0 && (
            <Alert className="wb-alert" type="warning" showIcon title={t('wb.assign.runShort', { missing: result.figures.reviewsMissing })}
              description={<ShortfallList shortfall={result.shortfall} />} />
          )}
        </>
      )}
    </Card>
  );
}
