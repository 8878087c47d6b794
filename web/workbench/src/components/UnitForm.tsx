import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ORG_LEVELS, ORG_TYPES } from '../../../../core/org/org-name.ts';
import { ApiError, type Organization } from '../api.ts';
import { unitsApi } from '../units-api.ts';
import { applyServerError, FormField, ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';
import { DivisionCascader } from './DivisionCascader.tsx';

// A unit's profile, as registered, edited by its owner or corrected by an organizer. The
// server checks again (credit code check digit, phone forms, duplicates in the division).

const FIELDS = ['name', 'type', 'level', 'divisionCode', 'creditCode', 'superiorName', 'superiorEmail', 'address', 'contactName', 'contactPosition', 'contactPhone', 'contactEmail'] as const;

export type UnitInput = Omit<Organization, 'id' | 'createdAt' | 'updatedAt' | 'creditCode' | 'superiorEmail'> & { creditCode?: string; superiorEmail?: string };

export function UnitForm(props: { initial?: Organization; submitLabel: string; save: (input: UnitInput) => Promise<Organization>; onSaved: (unit: Organization) => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [existing, setExisting] = useState<{ organizationId: string; name: string } | null>(null);
  const askToJoin = useMutation({ mutationFn: unitsApi.askToJoin });
  const schema = useMemo(() => {
    const text = (max: number) => z.string().trim().min(1, t('wb.required')).max(max);
    return z.object({
      name: text(100).refine((v) => [...v].length >= 2, t('wb.required')),
      type: z.enum(ORG_TYPES, t('wb.required')),
      level: z.enum(ORG_LEVELS, t('wb.required')),
      divisionCode: z.string({ error: t('wb.required') }).regex(/^\d{6}$/, t('wb.required')),
      creditCode: z.string().trim().max(30),
      superiorName: text(100),
      superiorEmail: z.union([z.literal(''), z.email(t('wb.invalidEmail'))]),
      address: text(200),
      contactName: text(50),
      contactPosition: text(50),
      contactPhone: text(30),
      contactEmail: z.email(t('wb.invalidEmail')),
    });
  }, [t]);
  type Values = z.input<typeof schema>;
  const u = props.initial;
  const { control, handleSubmit, setError } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: u?.name ?? '', type: (u?.type ?? undefined) as Values['type'], level: (u?.level ?? undefined) as Values['level'], divisionCode: u?.divisionCode ?? '',
      creditCode: u?.creditCode ?? '', superiorName: u?.superiorName ?? '', superiorEmail: u?.superiorEmail ?? '', address: u?.address ?? '',
      contactName: u?.contactName ?? '', contactPosition: u?.contactPosition ?? '', contactPhone: u?.contactPhone ?? '', contactEmail: u?.contactEmail ?? '',
    },
  });

  const save = useMutation({
    mutationFn: (v: Values) => props.save({
      ...(v as Required<Values>),
      creditCode: v.creditCode || undefined,
      superiorEmail: v.superiorEmail || undefined,
    }),
    onSuccess: props.onSaved,
    onError: (error) => {
      setMessage(applyServerError(error, setError, FIELDS));
      const details = error instanceof ApiError && error.code === 'unit_exists' ? (error.details as { organizationId: string; name: string } | undefined) : undefined;
      setExisting(details ?? null);
    },
  });

  const half = { xs: 24, md: 12 };
  return (
    <Form layout="vertical" component="form" className="wb-unit-form" onFinish={() => handleSubmit((v) => { setMessage(null); setExisting(null); save.mutate(v); })()}>
      <ServerMessage
        message={message}
        extra={existing ? (
          <span className="wb-existing">
            {t('wb.unit.existing', { name: existing.name })}{' '}
            {askToJoin.isSuccess ? <span role="status">{t('wb.unit.askedToJoin')}</span> : (
              <Button size="small" loading={askToJoin.isPending} onClick={() => askToJoin.mutate(existing.organizationId)}>{t('wb.unit.askToJoin')}</Button>
            )}
          </span>
        ) : undefined}
      />
      <FormField control={control} name="name" label={t('wb.unit.name')} required render={(f) => <Input {...f} maxLength={100} />} />
      <Row gutter={16}>
        <Col {...half}>
          <FormField control={control} name="type" label={t('wb.unit.type')} required render={(f) => (
            <Select {...f} options={ORG_TYPES.map((v) => ({ value: v, label: t(`wb.type.${v}`) }))} placeholder={t('wb.unit.type')} />
          )} />
        </Col>
        <Col {...half}>
          <FormField control={control} name="level" label={t('wb.unit.level')} required render={(f) => (
            <Select {...f} options={ORG_LEVELS.map((v) => ({ value: v, label: t(`wb.level.${v}`) }))} placeholder={t('wb.unit.level')} />
          )} />
        </Col>
      </Row>
      <FormField control={control} name="divisionCode" label={t('wb.unit.division')} required render={(f) => (
        <DivisionCascader id={f.id} value={f.value} status={f.status} onChange={(code) => f.onChange(code ?? '')} />
      )} />
      <FormField control={control} name="creditCode" label={<>{t('wb.unit.creditCode')}<span className="wb-optional">（{t('wb.unit.optional')}）</span></>} render={(f) => <Input {...f} maxLength={30} />} />
      <Row gutter={16}>
        <Col {...half}>
          <FormField control={control} name="superiorName" label={t('wb.unit.superiorName')} required render={(f) => <Input {...f} maxLength={100} />} />
        </Col>
        <Col {...half}>
          <FormField control={control} name="superiorEmail" label={<>{t('wb.unit.superiorEmail')}<span className="wb-optional">（{t('wb.unit.optional')}）</span></>} render={(f) => <Input {...f} type="email" />} />
        </Col>
      </Row>
      <FormField control={control} name="address" label={t('wb.unit.address')} required render={(f) => <Input {...f} maxLength={200} />} />
      <Row gutter={16}>
        <Col {...half}>
          <FormField control={control} name="contactName" label={t('wb.unit.contactName')} required render={(f) => <Input {...f} maxLength={50} autoComplete="name" />} />
        </Col>
        <Col {...half}>
          <FormField control={control} name="contactPosition" label={t('wb.unit.contactPosition')} required render={(f) => <Input {...f} maxLength={50} />} />
        </Col>
        <Col {...half}>
          <FormField control={control} name="contactPhone" label={t('wb.unit.contactPhone')} required extra={t('wb.unit.phoneHint')} render={(f) => <Input {...f} type="tel" autoComplete="tel" />} />
        </Col>
        <Col {...half}>
          <FormField control={control} name="contactEmail" label={t('wb.unit.contactEmail')} required render={(f) => <Input {...f} type="email" autoComplete="email" />} />
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{props.submitLabel}</Button>
        {props.onCancel && <Button onClick={props.onCancel}>{t('wb.cancel')}</Button>}
      </Space>
    </Form>
  );
}
