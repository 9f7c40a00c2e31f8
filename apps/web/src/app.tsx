import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from './auth/login-page.tsx';
import { I18nProvider, useI18n } from './i18n/i18n-context.tsx';
import { queryClient } from './lib/query-client.ts';

// Everything behind the login (the GraphQL client, the layout, the pages) loads on demand, so the
// login route stays small.
const SignedInRoot = lazy(() =>
  import('./layout/signed-in-root.tsx').then((m) => ({ default: m.SignedInRoot })),
);

// Ant Design's locale (dates, pagination) is given in the signed-in root: the login page has none
function Themed({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorPrimary: '#a61d24', borderRadius: 4 } }}>
      {children}
    </ConfigProvider>
  );
}

/** While the signed-in app loads: a CSS spinner (antd's Spin would be in the login download). */
function Loading() {
  const { t } = useI18n();
  return (
    <div className="app-loading" role="progressbar" aria-busy="true" aria-label={t('app.loading')}>
      <span className="app-loading-dot" />
    </div>
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
                  <Suspense fallback={<Loading />}>
                    <SignedInRoot />
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
