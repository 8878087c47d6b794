import { Alert } from 'antd';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';

// Panels written beside the editor (attachments, declaration form, Word import, submit) each
// fail on their own: a note takes the panel's place and the text being edited stays on screen.

class Boundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function PanelBoundary({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <Boundary fallback={<Alert type="warning" showIcon title={t('wb.editor.panelFailed')} className="wb-alert" />}>{children}</Boundary>;
}
