import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import type { Division } from '../api.ts';
import { unitsApi } from '../units-api.ts';
import { useI18n } from '../i18n.tsx';
import { clearable } from '../icon-names.tsx';

// Province → city → county, each level loaded from GET /api/v1/divisions?parent= as it opens.
// The value is one division code; an existing code is expanded along its path on load.

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (d: Division): Option => ({ value: d.code, label: d.name, isLeaf: !d.hasChildren });
const children = async (parent?: string) =>
  (await unitsApi.divisions(parent)).map(toOption);

export function DivisionCascader(props: {
  id?: string;
  value: string | null | undefined;
  onChange: (code: string | null) => void;
  /** Any level may be chosen (filters); otherwise only a division without children. */
  anyLevel?: boolean;
  status?: '' | 'error';
  allowClear?: boolean;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    (async () => {
      const provinces = await children();
      if (props.value) {
        const detail = await unitsApi.division(props.value);
        let level = provinces;
        for (const step of detail.path.slice(0, -1)) {
          const node = level.find((o) => o.value === step.code);
          if (!node) break;
          node.children = await children(step.code);
          level = node.children;
        }
        if (live) setPath(detail.path.map((p) => p.code));
      }
      if (live) setOptions(provinces);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
    // Expanded once, from the first value; later changes come from this control itself.
  }, []);

  useEffect(() => {
    if (!props.value) setPath([]);
  }, [props.value]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    target.children = await children(target.value);
    setOptions((o) => [...o]);
  };

  return (
    <Cascader<Option>
      id={props.id}
      className="wb-cascader"
      options={options}
      loadData={loadData}
      value={path}
      changeOnSelect={props.anyLevel}
      allowClear={props.allowClear === false ? false : clearable(t)}
      status={props.status}
      placeholder={t('wb.unit.divisionPlaceholder')}
      onChange={(value) => {
        const codes = (value ?? []) as string[];
        setPath(codes);
        props.onChange(codes.length ? codes[codes.length - 1]! : null);
      }}
      classNames={{ popup: { root: "wb-cascader-popup" } }}
    />
  );
}
