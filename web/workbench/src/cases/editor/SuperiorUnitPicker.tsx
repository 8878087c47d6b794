import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { casesApi } from '../cases-api.ts';

// Choosing a superior organization that is itself registered on the platform: search by name
// (two characters at least), pick one; its members then read and recommend while signed in.

interface SuperiorUnitPickerProps {
  caseId: string;
  /** The chosen unit's name, when one is chosen. */
  chosen: string | null;
  disabled: boolean;
  onChoose: (unit: { id: string; name: string }) => Promise<void>;
}

export function SuperiorUnitPicker({ caseId, chosen, disabled, onChoose }: SuperiorUnitPickerProps) {
  const { t } = useI18n();
  const [changing, setChanging] = useState(chosen === null);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [saving, setSaving] = useState(false);
  // Asks the server once typing pauses, not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const candidates = useQuery({
    queryKey: ['case', caseId, 'superior-candidates', query],
    queryFn: () => casesApi.superiorCandidates(caseId, query),
    enabled: query.length >= 2,
  });
  const choose = async (id: string) => {
    const unit = candidates.data?.find((c) => c.id === id);
    if (!unit) return;
    setSaving(true);
    try {
      await onChoose(unit);
      setChanging(false);
    } finally {
      setSaving(false);
    }
  };

  if (chosen !== null && !changing) {
    return (
      <Space wrap className="ce-superior-chosen">
        <span>{t('wb.editor.recommend.chosenUnit')}</span>
        <Typography.Text strong>{chosen}</Typography.Text>
        {!disabled && <Button size="small" onClick={() => setChanging(true)}>{t('wb.editor.recommend.changeUnit')}</Button>}
      </Space>
    );
  }
  return (
    <label className="ce-field">
      <span className="ce-field-label">{t('wb.editor.recommend.findUnit')}</span>
      <Select className="wb-full" showSearch={{ filterOption: false, onSearch: setTyped }} disabled={disabled || saving} loading={candidates.isFetching || saving}
        placeholder={t('wb.editor.recommend.findUnitPlaceholder')} value={null} onChange={(id: string) => void choose(id)}
        notFoundContent={query.length < 2 ? t('wb.editor.recommend.typeTwo') : candidates.isFetching ? null : t('wb.editor.recommend.noUnit')}
        options={(candidates.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
    </label>
  );
}
