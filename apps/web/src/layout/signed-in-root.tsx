import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useI18n } from '../i18n/i18n-context.tsx';
import { SignedInApp } from './signed-in-app.tsx';

/**
 * What loads after the login: Ant Design's locale and its App (the message, notification and modal
 * hooks the pages use) around the signed-in app, so none of it is in the login route's download.
 */
export function SignedInRoot() {
  const { locale, complete } = useI18n();
  // the pages need the whole dictionary; it is usually loaded while the login page was shown
  if (!complete) return <div className="app-loading" role="progressbar" aria-busy="true" />;
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS}>
      <AntApp>
        <SignedInApp />
      </AntApp>
    </ConfigProvider>
  );
}
