import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { LangSwitch } from '../components/LangSwitch.tsx';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { useI18n } from '../i18n.tsx';
import { useRouter } from '../router.tsx';
import { casesApi, type SuperiorDecision, type SuperiorView } from './cases-api.ts';
import { useCampaign } from './case-shared.tsx';
import { ContentChanges } from './ContentChanges.tsx';

const OPINION_MAX = 2000;
type Decision = 'recommend' | 'decline';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The superior Party organization reads the case and recommends or returns it: by the mailed
 * link without an account (?token=), or signed in as a member of the registered unit the case
 * names as its superior (?case=).
 */
export function SuperiorReviewPage() {
  const { t } = useI18n();
  const { search, path } = useRouter();
  const token = search.get('token') ?? '';
  const caseId = search.get('case') ?? '';
  const member = UUID.test(caseId);
  const view = useQuery({
    queryKey: member ? ['superior-review', 'case', caseId] : ['superior-review', token],
    queryFn: (): Promise<SuperiorView> => (member ? casesApi.memberReview(caseId) : casesApi.superiorView(token)),
    enabled: member || token.length >= 20,
    retry: false,
  });
  const decide = (input: SuperiorDecision) => (member ? casesApi.decideAsMember(caseId, input) : casesApi.decideSuperiorReview({ token, ...input }));
  const [decided, setDecided] = useState<Decision | null>(null);
  const code = view.error instanceof ApiError ? view.error.code : undefined;

  let body;
  if (member && code === 'unauthenticated') {
    body = <Result status="info" title={t('wb.cases.review.signInTitle')}
      extra={<a href={`/app/sign-in?next=${encodeURIComponent(`${path}?case=${caseId}`)}`}>{t('wb.cases.review.signIn')}</a>} />;
  } else if (member && code === 'not_found') {
    body = <Result status="404" title={t('wb.cases.review.notYours')} extra={<a href="/app/superior-reviews">{t('wb.cases.review.backToList')}</a>} />;
  } else if (!member && (token.length < 20 || code === 'link_invalid')) {
    body = <Result status="warning" title={t('wb.cases.review.invalidTitle')} subTitle={t('wb.cases.review.invalidText')} />;
  } else if (view.isError) {
    body = <Result status="error" title={view.error.message} />;
  } else if (decided) {
    body = (
      <Result status="success" title={t('wb.cases.review.thanks')}
        subTitle={decided === 'recommend' ? t('wb.cases.review.recommendedText') : t('wb.cases.review.declinedText')}
        extra={member ? <a href="/app/superior-reviews">{t('wb.cases.review.backToList')}</a> : undefined} />
    );
  } else if (!view.data) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    body = <ReviewBody view={view.data} decide={decide} onDecided={setDecided} onStale={() => void view.refetch()} />;
  }
  return (
    <div className="wb-auth wb-review">
      <header className="wb-auth-top">
        <a href="/" className="wb-brand">{t('site.name')} · {t('wb.cases.review.title')}</a>
        <LangSwitch />
      </header>
      <main className="wb-review-main"><h1 className="wb-sr-only">{t('wb.cases.review.title')}</h1>{body}</main>
    </div>
  );
}

interface ReviewBodyProps {
  view: SuperiorView;
  decide: (input: SuperiorDecision) => Promise<unknown>;
  onDecided: (d: Decision) => void;
  onStale: () => void;
}

function ReviewBody({ view, decide: submit, onDecided, onStale }: ReviewBodyProps) {
  const { t, locale } = useI18n();
  const campaign = useCampaign(view.campaignSlug).data;
  const category = campaign?.categories.find((c) => c.key === view.content.category)?.name[locale];
  const elements = campaign?.caseStyle.elements ?? Object.keys(view.content.sections).map((key) => ({ key, name: { 'zh-CN': key, en: key } }));
  const [decision, setDecision] = useState<Decision | null>(null);
  const [opinion, setOpinion] = useState('');
  const [touched, setTouched] = useState(false);
  const decide = useMutation({
    // The decision names the text it was made on; if the unit changed it meanwhile, the new text
    // (with what changed) is loaded and the superior decides again.
    mutationFn: () => submit({ decision: decision!, opinion: opinion.trim(), contentSha256: view.contentSha256 }),
    onSuccess: () => onDecided(decision!),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'case_changed_since_read') onStale();
    },
  });
  const stale = decide.error instanceof ApiError && decide.error.code === 'case_changed_since_read';
  const missingDecision = decision === null;
  const missingOpinion = opinion.trim() === '';
  const send = () => {
    setTouched(true);
    if (!missingDecision && !missingOpinion && !decide.isPending) decide.mutate();
  };

  return (
    <>
      {view.changes && <ContentChanges changes={view.changes} campaign={campaign} />}
      <Card className="wb-card wb-review-case">
        <Typography.Text type="secondary" className="wb-review-campaign">{view.campaignTitle[locale]}</Typography.Text>
        <Typography.Title level={3} className="wb-review-title">{view.content.title}</Typography.Title>
        <dl className="wb-review-meta">
          <dt>{t('wb.cases.review.unit')}</dt><dd>{view.unitName}</dd>
          {category && <><dt>{t('wb.cases.review.category')}</dt><dd>{category}</dd></>}
          {view.content.keywords.length > 0 && (
            <><dt>{t('wb.cases.review.keywords')}</dt><dd>{view.content.keywords.map((k) => <Tag key={k}>{k}</Tag>)}</dd></>
          )}
          <dt>{t('wb.cases.review.addressedTo')}</dt><dd>{view.superiorName}</dd>
        </dl>
        <section className="wb-review-section">
          <Typography.Title level={4}>{t('wb.cases.review.summary')}</Typography.Title>
          {/* Stored HTML is sanitized by the server on every save (core/case/case-content.ts). */}
          <div className="wb-case-html" dangerouslySetInnerHTML={{ __html: view.content.summary }} />
        </section>
        {elements.map((e) => {
          const html = view.content.sections[e.key] ?? '';
          if (html.trim() === '') return null;
          return (
            <section key={e.key} className="wb-review-section">
              <Typography.Title level={4}>{e.name[locale]}</Typography.Title>
              <div className="wb-case-html" dangerouslySetInnerHTML={{ __html: html }} />
            </section>
          );
        })}
      </Card>
      {'decidable' in view && !view.decidable ? (
        // Signed in, but the unit has not asked (again) or has its answer already: nothing to decide now.
        <Alert className="wb-alert" type="info" showIcon title={t('wb.cases.review.notAwaiting', { status: t(`case.recommendation.${view.recommendation}` as MessageKey) })} />
      ) : (
        <Card className="wb-card wb-review-form" title={t('wb.cases.review.formTitle')}>
          <Typography.Paragraph type="secondary">{t(view.superiorEmail === null ? 'wb.cases.review.formHintMember' : 'wb.cases.review.formHint', { unit: view.unitName })}</Typography.Paragraph>
          {decide.isError && (
            <Alert className="wb-alert" type={stale ? 'warning' : 'error'} showIcon role="alert" title={decide.error.message}
              description={stale ? t('wb.cases.review.changedReload') : undefined} />
          )}
          <Form layout="vertical" component="form" onFinish={send}>
            <Form.Item label={t('wb.cases.review.decision')} required validateStatus={touched && missingDecision ? 'error' : undefined}
              help={touched && missingDecision ? t('wb.cases.review.decisionRequired') : undefined}>
              <Radio.Group className="wb-review-decision" value={decision} onChange={(e) => setDecision(e.target.value as Decision)}
                optionType="button" buttonStyle="solid"
                options={[{ value: 'recommend', label: t('wb.cases.review.recommend') }, { value: 'decline', label: t('wb.cases.review.decline') }]} />
            </Form.Item>
            <Form.Item label={t('wb.cases.review.opinion')} htmlFor="review-opinion" required validateStatus={touched && missingOpinion ? 'error' : undefined}
              help={touched && missingOpinion ? t('wb.cases.review.opinionRequired') : undefined}>
              <Input.TextArea id="review-opinion" value={opinion} onChange={(e) => setOpinion(e.target.value)} maxLength={OPINION_MAX} showCount
                rows={6}
                placeholder={decision === 'decline' ? t('wb.cases.review.declinePlaceholder') : t('wb.cases.review.opinionPlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={decide.isPending}>{t('wb.cases.review.send')}</Button>
          </Form>
        </Card>
      )}
    </>
  );
}
