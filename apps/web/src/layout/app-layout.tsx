import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { sessionQueryKey, useSession } from '../auth/session.ts';
import { graphql } from '../graphql/graphql.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { setCsrfToken } from '../lib/csrf-token.ts';
import { useScrollRegions } from '../lib/scroll-regions.ts';
import { ChangePasswordModal } from './change-password-modal.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { navItemsFor } from './nav-items.ts';

const MeQuery = graphql(`
  query Me {
    me {
      id
      mustChangePassword
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export function AppLayout() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [, logout] = useMutation(LogoutMutation);
  const [me] = useQuery({ query: MeQuery });
  const [changingPassword, setChangingPassword] = useState(false);
  const { message } = App.useApp();
  // phones: the sider folds away and the header keeps only the language and sign-out
  const narrow = !Grid.useBreakpoint().md;
  const [content, setContent] = useState<HTMLElement | null>(null);
  useScrollRegions(content);

  if (!session.data) return <Navigate to="/login" replace />;
  const user = session.data.user;
  const items = navItemsFor(user.role);
  const selected = items.find((item) => location.pathname.startsWith(item.path))?.path;

  async function signOut() {
    await logout({});
    setCsrfToken(null);
    queryClient.setQueryData(sessionQueryKey, null);
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider
        width={232}
        breakpoint="lg"
        collapsedWidth={0}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ padding: '16px 20px', fontWeight: 600 }}>{t('app.title')}</div>
        <nav aria-label={t('app.menu')}>
          <Menu
            mode="inline"
            style={{ borderInlineEnd: 'none' }}
            selectedKeys={selected ? [selected] : []}
            items={items.map((item) => ({
              key: item.path,
              label: <Link to={item.path}>{t(item.label)}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 12px 0 56px' : '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space size={narrow ? 'small' : 'middle'}>
            <LanguageSwitch />
            {!narrow && (
              <Typography.Text data-testid="current-user">
                {user.displayName} · {t(`role.${user.role}`)}
              </Typography.Text>
            )}
            {!narrow && (
              <Button type="text" onClick={() => setChangingPassword(true)}>
                {t('password.change')}
              </Button>
            )}
            <Button onClick={() => void signOut()} title={`${user.displayName} · ${t(`role.${user.role}`)}`}>
              {t('logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content
          ref={setContent}
          id="main-content"
          tabIndex={-1}
          style={{ padding: narrow ? 12 : 24, outline: 'none', minWidth: 0 }}
        >
          {me.data?.me.mustChangePassword && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('password.mustChange')}
              action={
                <Button size="small" onClick={() => setChangingPassword(true)}>
                  {t('password.change')}
                </Button>
              }
            />
          )}
          <Suspense fallback={<Spin tip={t('app.loading')} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {changingPassword && (
        <ChangePasswordModal
          onClose={() => setChangingPassword(false)}
          onChanged={() => {
            setChangingPassword(false);
            void message.success(t('password.changed'));
            setCsrfToken(null);
            queryClient.setQueryData(sessionQueryKey, null);
          }}
        />
      )}
    </Layout>
  );
}
