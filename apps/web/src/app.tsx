import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from './auth/login-page.tsx';
import { I18nProvider, useI18n } from './i18n/i18n-context.tsx';
import { queryClient } from './lib/query-client.ts';

// Everything behind the login (the GraphQL client, the layout, the pages) loads on demand, so the
// login route stays small.
const SignedInApp = lazy(() =>
  import('./layout/signed-in-app.tsx').then((m) => ({ default: m.SignedInApp })),
);

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'vi' ? viVN : enUS}
      theme={{ token: { colorPrimary: '#a61d24', borderRadius: 4 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                path="/*"
                element={
                  <Suspense fallback={<Spin fullscreen />}>
                    <SignedInApp />
                  </Suspense>
                }
              />
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </Themed>
    </I18nProvider>
  );
}
