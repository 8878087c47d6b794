import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { LangSwitch } from './LangSwitch.tsx';

/** The frame of the signed-out pages: the platform's name, the language switch, one card. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="wb-auth">
      <header className="wb-auth-top">
        <a href="/" className="wb-brand">{t('site.name')} · {t('wb.title')}</a>
        <LangSwitch />
      </header>
      <main className="wb-auth-main">
        <Card className="wb-auth-card">
          <Typography.Title level={3}>{title}</Typography.Title>
          {children}
        </Card>
      </main>
    </div>
  );
}
