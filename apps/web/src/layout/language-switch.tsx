import { Segmented } from 'antd';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { Locale } from '../lib/format.ts';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t('app.language')}
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { label: 'Tiếng Việt', value: 'vi' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
