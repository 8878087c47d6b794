import { Segmented } from 'antd';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { useI18n } from '../i18n.tsx';

/** 中文 / English, always visible; the choice goes into ?lang and the zhengji_lang cookie. */
export function LangSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      className="wb-lang"
      size="small"
      aria-label={t('site.switchLanguageLabel')}
      value={locale}
      onChange={setLocale}
      options={[{ label: '中文', value: 'zh-CN' }, { label: 'English', value: 'en' }]}
    />
  );
}
