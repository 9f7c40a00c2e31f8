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

// Text at least 4.5:1 against white and the light grey of headers (WCAG AA): Ant Design's
// secondary grey (citations, hints), placeholder grey, link blue, error red, the grey of an empty
// table and the 7th shade it writes light tags in are lighter than that, so each is taken darker.
const readableGrey = 'rgba(0, 0, 0, 0.58)';
const theme = {
  token: {
    colorPrimary: '#a61d24',
    borderRadius: 4,
    colorTextTertiary: readableGrey,
    colorTextPlaceholder: readableGrey,
    colorLink: '#0958d9',
    colorError: '#cf1322',
  },
  components: {
    // a tag's palette shades are only taken from its component tokens
    Tag: {
      gold7: '#874d00',
      green7: '#237804',
      orange7: '#ad4e00',
      volcano7: '#ad2102',
      cyan7: '#006d75',
      lime7: '#3f6600',
      yellow7: '#876800',
    },
    Table: { colorTextDisabled: readableGrey },
  },
};

// Ant Design's locale (dates, pagination) is given in the signed-in root: the login page has none
function Themed({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={theme}>{children}</ConfigProvider>;
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
