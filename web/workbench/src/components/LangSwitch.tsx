import type { Locale } from '../../../../core/i18n/locale.ts';
import { useI18n } from '../i18n.tsx';
import './lang-switch.css';

const CHOICES: { label: string; value: Locale }[] = [{ label: '中文', value: 'zh-CN' }, { label: 'English', value: 'en' }];

/**
 * 中文 / English, always visible; the choice goes into ?lang and the zhengji_lang cookie. Plain
 * buttons drawn as antd's small Segmented: the sign-in page shows it before antd is loaded.
 */
export function LangSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="wb-lang" role="group" aria-label={t('site.switchLanguageLabel')}>
      {CHOICES.map(({ label, value }) => (
        <button key={value} type="button" className="wb-lang-choice" aria-pressed={locale === value} lang={value} onClick={() => setLocale(value)}>
          {label}
        </button>
      ))}
    </div>
  );
}
