import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Result, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { useI18n } from '../i18n.tsx';
import { useRouter } from '../router.tsx';
import { EvidencePicker, EvidenceProgress, evidenceProblem, sendEvidence, type EvidenceStatus } from './EvidenceFiles.tsx';
import { NoticeList } from './NoticeList.tsx';
import { noticeApi, type ObjectionForm, type PublicNotice } from './notice-api.ts';
import { useObjectionDraft } from './objection-draft.ts';
import './notice.css';

const LIMITS = { name: 50, organization: 100, body: 2000 } as const;

/** Anyone: the published shortlist (公示) with its period, and while it runs, the objection form. */
export function PublicNoticePage() {
  const { t } = useI18n();
  const slug = useRouter().search.get('campaign');
  const notice = useQuery({ queryKey: ['public-notice', slug], queryFn: () => noticeApi.publicNotice(slug!), enabled: Boolean(slug), retry: false });
  const data = notice.data;
  return (
    <AuthLayout title={data ? `${data.campaignTitle} · ${t('notice.public.title')}` : t('notice.public.title')} wide>
      {!slug ? <Alert type="warning" showIcon title={t('notice.public.noCampaign')} />
        : notice.error ? <Alert type="info" showIcon title={notice.error.message} />
          : !data ? <Skeleton active aria-label={t('notice.public.loading')} />
            : <Notice slug={slug} data={data} />}
    </AuthLayout>
  );
}

function Notice({ slug, data }: { slug: string; data: PublicNotice }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph strong>
        {t('notice.public.period', { start: data.startsAtLocal, end: data.endsAtLocal, zone: data.zone })}
        {data.stage !== 'running' && <Tag className="wb-notice-ended">{t(`wb.notice.stage.${data.stage}`)}</Tag>}
      </Typography.Paragraph>
      <div className="wb-notice-body">{data.body}</div>
      <NoticeList entries={data.entries} />
      <section aria-labelledby="wb-objection-title" className="wb-notice-form">
        <h2 id="wb-objection-title" className="wb-auth-title">{t('notice.public.formTitle')}</h2>
        {data.stage === 'running' ? <ObjectionFormView key={slug} slug={slug} data={data} /> : <Alert type="info" showIcon title={t('notice.public.ended')} />}
      </section>
    </>
  );
}

function ObjectionFormView({ slug, data }: { slug: string; data: PublicNotice }) {
  const { t, locale } = useI18n();
  const [draft, change, clear] = useObjectionDraft(slug);
  const { n: kept, ...fields } = draft;
  // A case kept from before a reload counts only while it is still on the list.
  const n = data.entries.some((e) => e.n === kept) ? kept : undefined;
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, setUploads] = useState<EvidenceStatus[]>([]);
  const [caseMissing, setCaseMissing] = useState(false);
  // The reference shows as soon as the objection is filed; its files then go up one by one.
  const send = useMutation({
    mutationFn: (form: ObjectionForm) => noticeApi.object(slug, form),
    onSuccess: (receipt) => {
      // Filed: what identifies the author leaves this tab's storage (it may be a shared computer).
      clear();
      if (files.length > 0) void sendEvidence(files, receipt.evidence, locale, setUploads);
    },
  });
  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) => change({ [name]: e.target.value });

  if (send.isSuccess) {
    return (
      <Result className="wb-notice-received" status="success" title={t('notice.public.received')}
        subTitle={<>{t('notice.public.reference', { reference: send.data.reference })}<br />{t(send.data.mailed ? 'notice.public.mailed' : 'notice.public.notMailed')}</>}
        extra={<>
          {uploads.length > 0 && <EvidenceProgress statuses={uploads} />}
          {uploads.some((u) => u.phase === 'failed') && uploads.every((u) => u.phase === 'done' || u.phase === 'failed') && (
            <Button type="primary" onClick={() => {
              // The token lasts as long as the notice: the files that failed go up again, each from where it stopped.
              const kept = uploads.filter((u) => u.phase === 'done');
              void sendEvidence(files.filter((_, i) => uploads[i]?.phase === 'failed'), send.data.evidence, locale, (retried) => setUploads([...kept, ...retried]));
            }}>{t('notice.evidence.retry')}</Button>
          )}
          <Button disabled={uploads.some((u) => u.phase === 'waiting' || u.phase === 'uploading')}
            onClick={() => { send.reset(); setFiles([]); setUploads([]); }}>{t('notice.public.another')}</Button>
        </>} />
    );
  }
  const submit = () => {
    if (n === undefined) { setCaseMissing(true); return; }
    if (evidenceProblem(files, t)) return;
    // The server checks every field and names each problem in the reader's language.
    send.mutate({ n, ...fields });
  };
  return (
    <Form layout="vertical" component="form" onFinish={submit} disabled={send.isPending}>
      <Typography.Paragraph type="secondary">{t('notice.public.formIntro')}</Typography.Paragraph>
      <Form.Item label={t('notice.public.case')} htmlFor="wb-objection-case" required validateStatus={caseMissing ? 'error' : undefined} help={caseMissing ? t('notice.public.caseRequired') : undefined}>
        <Select<number> id="wb-objection-case" value={n} placeholder={t('notice.public.casePlaceholder')} showSearch optionFilterProp="label"
          onChange={(v) => { change({ n: v }); setCaseMissing(false); }}
          options={data.entries.map((e) => ({ value: e.n, label: `${e.n}. ${e.title}（${e.unitName}）` }))} />
      </Form.Item>
      <Form.Item label={t('notice.public.name')} htmlFor="wb-objection-name" required>
        <Input id="wb-objection-name" autoComplete="name" maxLength={LIMITS.name} value={fields.name} onChange={set('name')} />
      </Form.Item>
      <Form.Item label={t('notice.public.organization')} htmlFor="wb-objection-organization" required>
        <Input id="wb-objection-organization" autoComplete="organization" maxLength={LIMITS.organization} value={fields.organization} onChange={set('organization')} />
      </Form.Item>
      <Form.Item label={t('notice.public.phone')} htmlFor="wb-objection-phone">
        <Input id="wb-objection-phone" type="tel" autoComplete="tel" inputMode="tel" maxLength={30} value={fields.phone} onChange={set('phone')} />
      </Form.Item>
      <Form.Item label={t('notice.public.email')} htmlFor="wb-objection-email">
        <Input id="wb-objection-email" type="email" autoComplete="email" maxLength={254} value={fields.email} onChange={set('email')} />
      </Form.Item>
      <Form.Item label={t('notice.public.body')} htmlFor="wb-objection-body" required>
        <Input.TextArea id="wb-objection-body" rows={6} maxLength={LIMITS.body} showCount value={fields.body} onChange={set('body')} />
      </Form.Item>
      <EvidencePicker files={files} onChange={setFiles} disabled={send.isPending} />
      {send.error && <Alert className="wb-alert" type="error" showIcon title={send.error.message} role="alert" />}
      <Button type="primary" htmlType="submit" block loading={send.isPending}>{t('notice.public.submit')}</Button>
    </Form>
  );
}
