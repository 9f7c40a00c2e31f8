import { useQueryClient } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { type Role, sessionQueryKey, useSession } from '../auth/session.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { createUrqlClient } from '../lib/urql-client.ts';
import { AppLayout } from './app-layout.tsx';
import { homePathFor, navItems } from './nav-items.ts';

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const t = useT();
  const session = useSession();
  const role = session.data?.user.role;
  if (!role) return null;
  if (!roles.includes(role)) return <Result status="403" title={t('app.forbidden')} />;
  return <>{children}</>;
}

function NotFound() {
  const t = useT();
  return <Result status="404" title={t('app.notFound')} />;
}

/** The signed-in part: one urql client (and so one cache) per user, the layout and the pages. */
export function SignedInApp() {
  const queryClient = useQueryClient();
  const session = useSession();
  const userId = session.data?.user.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new user gets a new cache
  const client = useMemo(
    () => createUrqlClient({ onUnauthenticated: () => queryClient.setQueryData(sessionQueryKey, null) }),
    [queryClient, userId],
  );

  if (session.isPending) return <Spin fullscreen />;
  if (!session.data) return <Navigate to="/login" replace />;
  const home = homePathFor(session.data.user.role);

  return (
    <UrqlProvider value={client}>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to={home} replace />} />
          {navItems.map((item) => (
            <Route
              key={item.path}
              path={`${item.path.slice(1)}/*`}
              element={
                <RequireRole roles={item.roles}>
                  <item.component />
                </RequireRole>
              }
            />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </UrqlProvider>
  );
}
