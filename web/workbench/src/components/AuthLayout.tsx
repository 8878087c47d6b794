import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import './auth-layout.css';

/** The frame of the signed-out pages: the platform's name, the language switch, one card. */
export function AuthLayout({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="wb-auth">
      <header className="wb-auth-top">
        <a href="/" className="wb-brand">{t('site.name')} · {t('wb.title')}</a>
        <LangSwitch />
      </header>
      <main className="wb-auth-main">
        {/* Plain markup, not antd's Card and Title: those bring tabs, skeletons and an editable
            text area into the first page anyone opens. */}
        <section className={wide ? 'wb-auth-card is-wide' : 'wb-auth-card'}>
          <h1 className="wb-auth-title">{title}</h1>
          {children}
        </section>
      </main>
    </div>
  );
}
