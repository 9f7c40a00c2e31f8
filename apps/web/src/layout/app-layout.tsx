import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
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
  // below 992 px (phones, small tablets) the menu is a drawer opened from the header, and the
  // account's name, password change and sign-out sit in one menu at the header's end
  const narrow = !Grid.useBreakpoint().lg;
  const [menuOpen, setMenuOpen] = useState(false);
  const [content, setContent] = useState<HTMLElement | null>(null);
  useScrollRegions(content);

  if (!session.data) return <Navigate to="/login" replace />;
  const user = session.data.user;
  const items = navItemsFor(user.role);
  const selected = items.find((item) => location.pathname.startsWith(item.path))?.path;

  const navigation = (
    <nav aria-label={t('app.menu')}>
      <Menu
        mode="inline"
        style={{ borderInlineEnd: 'none' }}
        selectedKeys={selected ? [selected] : []}
        onClick={() => setMenuOpen(false)}
        items={items.map((item) => ({
          key: item.path,
          label: <Link to={item.path}>{t(item.label)}</Link>,
        }))}
      />
    </nav>
  );

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
      {!narrow && (
        <Layout.Sider width={232} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600 }}>{t('app.title')}</div>
          {navigation}
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={Math.min(300, window.innerWidth - 48)}
          title={t('app.title')}
          styles={{ body: { padding: 0 } }}
        >
          {navigation}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 12px' : '0 24px',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow ? (
            <Button
              onClick={() => setMenuOpen(true)}
              aria-expanded={menuOpen}
              aria-haspopup="dialog"
              data-testid="menu-button"
            >
              ☰ {t('app.menu')}
            </Button>
          ) : (
            <span />
          )}
          <Space size={narrow ? 'small' : 'middle'}>
            <LanguageSwitch />
            {narrow ? (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'who', label: `${user.displayName} · ${t(`role.${user.role}`)}`, disabled: true },
                    { type: 'divider' },
                    { key: 'password', label: t('password.change') },
                    { key: 'logout', label: t('logout') },
                  ],
                  onClick: ({ key }) => {
                    if (key === 'password') setChangingPassword(true);
                    if (key === 'logout') void signOut();
                  },
                }}
              >
                <Button
                  data-testid="account-menu"
                  aria-label={t('app.accountMenu', { name: user.displayName })}
                >
                  {initials(user.displayName)} ▾
                </Button>
              </Dropdown>
            ) : (
              <>
                <Typography.Text data-testid="current-user">
                  {user.displayName} · {t(`role.${user.role}`)}
                </Typography.Text>
                <Button type="text" onClick={() => setChangingPassword(true)}>
                  {t('password.change')}
                </Button>
                <Button
                  onClick={() => void signOut()}
                  title={`${user.displayName} · ${t(`role.${user.role}`)}`}
                >
                  {t('logout')}
                </Button>
              </>
            )}
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

/** "Nguyễn Văn An" → "NA": the account button on a phone, where the full name does not fit. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return `${first}${last}`.toLocaleUpperCase('vi');
}
