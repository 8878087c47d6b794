import CloseCircleFilled from '@ant-design/icons/es/icons/CloseCircleFilled';
import EllipsisOutlined from '@ant-design/icons/es/icons/EllipsisOutlined';
import AntdIcon, { type IconComponentProps } from '@ant-design/icons/es/components/AntdIcon';
import AntdIconLight from '@ant-design/icons/es/components/AntdIconLight';
import type { ConfigProviderProps, PaginationProps } from 'antd';
import { cloneElement, isValidElement, type ForwardedRef, type ReactNode } from 'react';
import type { Translator } from '../../../core/i18n/messages.ts';

// Every @ant-design/icons icon, ours and those antd draws inside its components (a Select's
// arrow, an Alert's sign, a Button's spinner), announces itself as an image named in English
// ("upload", "file-word", "close-circle"), and a button's accessible name then starts with that
// word. Here, once for the whole workbench, an icon is decorative (hidden from screen readers)
// unless it is given an aria-label; where an icon is all a control shows, the catalogue names it.

// The library draws its icons with two components (two-tone ones and the rest): both change.
type Render = (props: IconComponentProps, ref: ForwardedRef<HTMLSpanElement>) => ReactNode;
for (const component of [AntdIcon, AntdIconLight]) {
  const icon = component as unknown as { render: Render };
  const render = icon.render;
  icon.render = (props, ref) =>
    render(props['aria-label'] ? props : { ...props, role: undefined, 'aria-label': undefined, 'aria-hidden': true }, ref);
}

/** Names, for the ConfigProvider, of the controls antd draws with nothing but an icon. */
export function iconOnlyControls(t: Translator): Pick<ConfigProviderProps, 'input' | 'textArea' | 'tabs'> {
  const clearIcon = <CloseCircleFilled aria-label={t('wb.clear')} />;
  return { input: { allowClear: { clearIcon } }, textArea: { allowClear: { clearIcon } }, tabs: { moreIcon: <EllipsisOutlined aria-label={t('wb.more')} /> } };
}

/** A Select's or Cascader's allowClear with its button named in the reader's language (the library says "Clear"). */
export const clearable = (t: Translator) => ({ label: t('wb.clear') });

/** A table's pagination with its previous and next buttons named (the library leaves them only an arrow). */
export function namedPageLinks(t: Translator): Pick<PaginationProps, 'itemRender'> {
  return {
    itemRender: (_page, type, element) => (type === 'prev' || type === 'next') && isValidElement<{ 'aria-label'?: string }>(element)
      ? cloneElement(element, { 'aria-label': t(type === 'prev' ? 'wb.pagination.prev' : 'wb.pagination.next') })
      : element,
  };
}

/** A table's select-all checkbox named in the reader's language (the library names it "Select all"). */
export function namedSelectAll(t: Translator): { columnTitle: (checkbox: ReactNode) => ReactNode } {
  return {
    columnTitle: (checkbox) => isValidElement<{ 'aria-label'?: string }>(checkbox) ? cloneElement(checkbox, { 'aria-label': t('wb.selectAll') }) : checkbox,
  };
}
